"use client";

import { createContext, type ReactNode, useContext, useMemo, useState } from "react";
import { useStore } from "zustand";
import { withServerIssues } from "@/components/alerts/model/group-issues";
import type { ModelIssue } from "@/lib/model/issues";
import { alertingIssues } from "../model/alerting-issues";
import { type ProjectAlert, projectAlerts } from "../model/project-alerts";
import {
  type AlertingState,
  type AlertingStore,
  type AlertingStoreInit,
  createAlertingStore,
} from "./alerting-store";

const AlertingStoreContext = createContext<AlertingStore | null>(null);
const AlertingIssuesContext = createContext<ModelIssue[]>([]);

export interface AlertingStoreProviderProps {
  /** Read once: the store lives as long as the provider. */
  init: AlertingStoreInit;
  children: ReactNode;
}

export function AlertingStoreProvider({ init, children }: AlertingStoreProviderProps): ReactNode {
  const [store] = useState(() => createAlertingStore(init));
  return (
    <AlertingStoreContext.Provider value={store}>
      <AlertingIssuesProvider>{children}</AlertingIssuesProvider>
    </AlertingStoreContext.Provider>
  );
}

/** The store itself, for kits that take a store (section saves, the conflict review). */
export function useAlertingStoreApi(): AlertingStore {
  const store = useContext(AlertingStoreContext);
  if (!store) throw new Error("alerting editor hooks need an AlertingStoreProvider above them");
  return store;
}

export function useAlertingState<T>(selector: (state: AlertingState) => T): T {
  return useStore(useAlertingStoreApi(), selector);
}

/** The model's checks of the draft, once per edit, with a refused save's issues while the draft is what was refused. */
function AlertingIssuesProvider({ children }: { children: ReactNode }): ReactNode {
  const draft = useAlertingState((state) => state.draft);
  const serverIssues = useAlertingState((state) => state.serverIssues);
  const failedDraft = useAlertingState((state) => state.failedDraft);
  const issues = useMemo(() => {
    const local = alertingIssues(draft);
    return failedDraft === draft ? withServerIssues(local, serverIssues) : local;
  }, [draft, serverIssues, failedDraft]);
  return <AlertingIssuesContext.Provider value={issues}>{children}</AlertingIssuesContext.Provider>;
}

/** Issues of the draft, paths relative to the section (`route.routes[0].matchers[0].value`). */
export function useAlertingIssues(): ModelIssue[] {
  return useContext(AlertingIssuesContext);
}

/** The alerts of the project's rules with their labels, for who-gets and the inhibition preview. */
export function useProjectAlerts(): ProjectAlert[] {
  const ruleGroups = useAlertingState((state) => state.project.ruleGroups);
  return useMemo(() => projectAlerts(ruleGroups), [ruleGroups]);
}
