"use client";

import { createContext, type ReactNode, useContext, useMemo, useState } from "react";
import { useStore } from "zustand";
import type { ModelIssue } from "@/lib/model/issues";
import { ruleGroupIssues, withServerIssues } from "../model/group-issues";
import {
  createRuleGroupStore,
  type RuleGroupState,
  type RuleGroupStore,
  type RuleGroupStoreInit,
} from "./rule-group-store";

const RuleGroupStoreContext = createContext<RuleGroupStore | null>(null);
const GroupIssuesContext = createContext<ModelIssue[]>([]);

export interface RuleGroupStoreProviderProps {
  /** Read once: the store lives as long as the provider; the page remounts it (by key) for another group. */
  init: RuleGroupStoreInit;
  children: ReactNode;
}

export function RuleGroupStoreProvider({ init, children }: RuleGroupStoreProviderProps): ReactNode {
  const [store] = useState(() => createRuleGroupStore(init));
  return (
    <RuleGroupStoreContext.Provider value={store}>
      <GroupIssuesProvider>{children}</GroupIssuesProvider>
    </RuleGroupStoreContext.Provider>
  );
}

/** The store itself, for kits that take a store (section saves, the conflict review). */
export function useRuleGroupStoreApi(): RuleGroupStore {
  const store = useContext(RuleGroupStoreContext);
  if (!store) throw new Error("rule group hooks need a RuleGroupStoreProvider above them");
  return store;
}

export function useRuleGroupState<T>(selector: (state: RuleGroupState) => T): T {
  return useStore(useRuleGroupStoreApi(), selector);
}

/**
 * The model's checks of the draft, computed once per edit, with the last refused save's issues
 * while the draft is what was refused: the field messages, the YAML markers and autosave read these.
 */
function GroupIssuesProvider({ children }: { children: ReactNode }): ReactNode {
  const group = useRuleGroupState((state) => state.group);
  const project = useRuleGroupState((state) => state.project);
  const serverIssues = useRuleGroupState((state) => state.serverIssues);
  const failedDraft = useRuleGroupState((state) => state.failedDraft);
  const issues = useMemo(() => {
    const local = ruleGroupIssues(group, project);
    return failedDraft === group ? withServerIssues(local, serverIssues) : local;
  }, [group, project, serverIssues, failedDraft]);
  return <GroupIssuesContext.Provider value={issues}>{children}</GroupIssuesContext.Provider>;
}

/** Issues of the draft, paths relative to the group (`rules[2].for`). */
export function useGroupIssues(): ModelIssue[] {
  return useContext(GroupIssuesContext);
}
