"use client";

import { useCallback, useEffect, useRef } from "react";
import { useUpdateProject } from "@/components/projects/use-projects";
import { ApiRequestError } from "@/lib/api/client";
import { sameValue } from "@/lib/json/same-value";
import type { Dashboard } from "@/lib/model/dashboard";
import type { Project } from "@/lib/model/project";
import { serverIssuesOfDashboard } from "../model/issues";
import { useDashboardSnapshot, useDraftDashboard, useProjectId, useSaveState } from "../store/store-provider";
import { useDraftIssues } from "./draft-issues";

/** Quiet time after the last edit before an autosave. */
export const AUTOSAVE_DELAY_MS = 1500;

/** The project with this dashboard in place of the stored one of the same uid (or added). */
export function withDashboard(project: Project, dashboard: Dashboard): Project {
  const index = project.dashboards.findIndex((entry) => entry.uid === dashboard.uid);
  const dashboards =
    index === -1
      ? [...project.dashboards, dashboard]
      : project.dashboards.map((entry, position) => (position === index ? dashboard : entry));
  return { ...project, dashboards };
}

export type SaveStatus = "saved" | "unsaved" | "saving" | "conflict" | "error";

export interface DashboardSaveState {
  status: SaveStatus;
  /** Error issues of the draft: autosave waits until they are fixed. */
  blockingIssues: number;
  save: () => Promise<void>;
}

/**
 * Saving the draft as a new version of the project: on demand (Ctrl+S) and, after a quiet
 * moment, automatically. A 409 stops everything and keeps the draft (the conflict banner takes
 * over); a refused save keeps the draft and shows why.
 */
export function useDashboardSave(): DashboardSaveState {
  const projectId = useProjectId();
  const getState = useDashboardSnapshot();
  const update = useUpdateProject(projectId);
  const dashboard = useDraftDashboard();
  const { phase, base, failedDraft } = useSaveState();
  const issues = useDraftIssues();
  const blockingIssues = issues.filter((issue) => issue.severity === "error").length;
  const inFlight = useRef(false);
  const { mutateAsync } = update;

  const save = useCallback(async (): Promise<void> => {
    const state = getState();
    if (inFlight.current || state.phase === "conflict") return;
    const draft = state.dashboard;
    if (sameValue(draft, state.base.dashboard) && state.phase !== "error") return;
    inFlight.current = true;
    state.startSaving();
    try {
      const record = await mutateAsync({
        version: state.base.version,
        project: withDashboard(state.base.project, draft),
        message: `Dashboard "${draft.title}" edited in the designer`,
      });
      getState().saved({ version: record.version, project: record.project, dashboard: draft });
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 409) {
        getState().conflicted(error.body.currentVersion);
      } else {
        const index = state.base.project.dashboards.findIndex((entry) => entry.uid === draft.uid);
        const issues =
          error instanceof ApiRequestError
            ? serverIssuesOfDashboard(
                error.body.issues,
                index === -1 ? state.base.project.dashboards.length : index,
              )
            : [];
        getState().failed(error instanceof Error ? error.message : String(error), issues, draft);
      }
    } finally {
      inFlight.current = false;
    }
  }, [getState, mutateAsync]);

  const dirty = !sameValue(dashboard, base.dashboard);
  useEffect(() => {
    if (!dirty || phase === "saving" || phase === "conflict" || blockingIssues > 0) return;
    if (phase === "error" && dashboard === failedDraft) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [dashboard, dirty, phase, failedDraft, blockingIssues, save]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent): void => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  let status: SaveStatus;
  if (phase === "conflict") status = "conflict";
  else if (phase === "saving") status = "saving";
  else if (phase === "error" && dashboard === failedDraft) status = "error";
  else status = dirty ? "unsaved" : "saved";
  return { status, blockingIssues, save };
}
