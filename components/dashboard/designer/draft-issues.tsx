"use client";

import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import type { ModelIssue } from "@/lib/model/issues";
import { dashboardIssues } from "../model/issues";
import { useDraftDashboard, useProjectDatasources, useSaveState } from "../store/store-provider";

const DraftIssuesContext = createContext<ModelIssue[]>([]);

/** At the latest this long after the designer opens, the draft as opened is checked. */
const FIRST_CHECK_MAX_WAIT_MS = 1000;

/**
 * False until the page has been idle once since it mounted (or FIRST_CHECK_MAX_WAIT_MS went by).
 * The checks parse every query of the dashboard, a few hundred on a big one: on opening, nothing
 * needs their answer before the panels have asked for their data and drawn.
 */
function useIdleOnce(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback !== "function") {
      const timer = window.setTimeout(() => setIdle(true), 200);
      return () => window.clearTimeout(timer);
    }
    const handle = window.requestIdleCallback(() => setIdle(true), { timeout: FIRST_CHECK_MAX_WAIT_MS });
    return () => window.cancelIdleCallback(handle);
  }, []);
  return idle;
}

/**
 * The model's checks of the draft, computed once per edit for every consumer: the save state,
 * the form's field messages and the JSON editors' markers. Issues from the last failed save are
 * added until the draft changes. The draft as opened is checked once the page is first idle; any
 * edit is checked at once.
 */
export function DraftIssuesProvider({ children }: { children: ReactNode }): ReactNode {
  const dashboard = useDraftDashboard();
  const datasources = useProjectDatasources();
  const { serverIssues, failedDraft } = useSaveState();
  const [opened] = useState(dashboard);
  const idle = useIdleOnce();
  const checking = idle || dashboard !== opened;
  const issues = useMemo(() => {
    if (!checking) return [];
    const local = dashboardIssues(dashboard, datasources);
    if (failedDraft !== dashboard) return local;
    const seen = new Set(local.map((issue) => `${issue.path}|${issue.message}`));
    return [...local, ...serverIssues.filter((issue) => !seen.has(`${issue.path}|${issue.message}`))];
  }, [checking, dashboard, datasources, serverIssues, failedDraft]);
  return <DraftIssuesContext.Provider value={issues}>{children}</DraftIssuesContext.Provider>;
}

/** Issues of the draft, paths relative to the dashboard (`panels[2].targets[0].expr`). */
export function useDraftIssues(): ModelIssue[] {
  return useContext(DraftIssuesContext);
}
