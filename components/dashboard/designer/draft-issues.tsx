"use client";

import { createContext, type ReactNode, useContext, useMemo } from "react";
import type { ModelIssue } from "@/lib/model/issues";
import { dashboardIssues } from "../model/issues";
import { useDraftDashboard, useProjectDatasources, useSaveState } from "../store/store-provider";

const DraftIssuesContext = createContext<ModelIssue[]>([]);

/**
 * The model's checks of the draft, computed once per edit for every consumer: the save state,
 * the form's field messages and the JSON editors' markers. Issues from the last failed save are
 * added until the draft changes.
 */
export function DraftIssuesProvider({ children }: { children: ReactNode }): ReactNode {
  const dashboard = useDraftDashboard();
  const datasources = useProjectDatasources();
  const { serverIssues, failedDraft } = useSaveState();
  const issues = useMemo(() => {
    const local = dashboardIssues(dashboard, datasources);
    if (failedDraft !== dashboard) return local;
    const seen = new Set(local.map((issue) => `${issue.path}|${issue.message}`));
    return [...local, ...serverIssues.filter((issue) => !seen.has(`${issue.path}|${issue.message}`))];
  }, [dashboard, datasources, serverIssues, failedDraft]);
  return <DraftIssuesContext.Provider value={issues}>{children}</DraftIssuesContext.Provider>;
}

/** Issues of the draft, paths relative to the dashboard (`panels[2].targets[0].expr`). */
export function useDraftIssues(): ModelIssue[] {
  return useContext(DraftIssuesContext);
}
