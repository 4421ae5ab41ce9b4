"use client";

import { useMemo } from "react";
import type { ModelIssue } from "@/lib/model/issues";
import { useDraftIssues } from "../designer/draft-issues";
import { settingsChecks } from "../model/settings-checks";
import { useDraftDashboard, useProjectDatasources, useViewState } from "../store/store-provider";

/**
 * The draft's issues (the model's checks, the last refused save's) plus the settings view's own
 * warnings, paths relative to the dashboard (`title`, `variables[2].query`).
 */
export function useSettingsIssues(): ModelIssue[] {
  const issues = useDraftIssues();
  const dashboard = useDraftDashboard();
  const datasources = useProjectDatasources();
  const { now } = useViewState();
  return useMemo(
    () => [...issues, ...settingsChecks(dashboard, datasources, now)],
    [issues, dashboard, datasources, now],
  );
}
