"use client";

import { useMemo } from "react";
import { dashboardSettingsIssues } from "@/lib/model/checks/dashboard-settings";
import type { ModelIssue } from "@/lib/model/issues";
import { useDraftIssues } from "../designer/draft-issues";
import { relativePath } from "../model/issues";
import { useDraftDashboard, useProjectDatasources, useViewState } from "../store/store-provider";

/**
 * The draft's issues (the model's checks, the last refused save's) plus the model's settings
 * checks, run with the view's "now" so a default time range is judged as the view shows it; paths
 * relative to the dashboard (`title`, `variables[2].query`). A settings warning the refused save
 * already reported is listed once.
 */
export function useSettingsIssues(): ModelIssue[] {
  const issues = useDraftIssues();
  const dashboard = useDraftDashboard();
  const datasources = useProjectDatasources();
  const { now } = useViewState();
  return useMemo(() => {
    const seen = new Set(issues.map((issue) => `${issue.path}|${issue.message}`));
    const settings = dashboardSettingsIssues(dashboard, datasources, { now });
    return [...issues, ...settings.filter((issue) => !seen.has(`${issue.path}|${issue.message}`))];
  }, [issues, dashboard, datasources, now]);
}

/** The issues of `variables[index]`, relative to the variable (`query`, `name`, `(root)`). */
export function issuesOfVariable(issues: readonly ModelIssue[], index: number): ModelIssue[] {
  const out: ModelIssue[] = [];
  for (const issue of issues) {
    const path = relativePath(issue.path, `variables[${index}]`);
    if (path !== undefined) out.push({ ...issue, path });
  }
  return out;
}
