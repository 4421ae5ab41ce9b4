"use client";

import { useMemo } from "react";
import { type SectionSaveState, useSectionSave } from "@/components/section-save/use-section-save";
import { sameValue } from "@/lib/json/same-value";
import type { Dashboard } from "@/lib/model/dashboard";
import type { SectionRef } from "@/lib/model/sections";
import { useDashboardStoreApi, useProjectId } from "../store/store-provider";
import { useDraftIssues } from "./draft-issues";

/** Quiet time after the last edit before an autosave. */
export const AUTOSAVE_DELAY_MS = 1500;

export interface DashboardSaveState extends SectionSaveState {
  /** Error issues of the draft: autosave waits until they are fixed. */
  blockingIssues: number;
}

/** The dashboard designer's saves: its own section only, autosaved after a quiet moment. */
export function useDashboardSave(): DashboardSaveState {
  const projectId = useProjectId();
  const store = useDashboardStoreApi();
  const uid = store.getState().dashboard.uid;
  const section = useMemo<SectionRef>(() => ({ kind: "dashboard", uid }), [uid]);
  const editor = useMemo(
    () => ({ store, selectDraft: (state: { dashboard: Dashboard }) => state.dashboard }),
    [store],
  );
  const blockingIssues = useDraftIssues().filter((issue) => issue.severity === "error").length;
  const state = useSectionSave({
    projectId,
    section,
    editor,
    toContent: (dashboard) => dashboard,
    same: sameValue,
    autosaveDelayMs: AUTOSAVE_DELAY_MS,
    blockingIssues,
  });
  return { ...state, blockingIssues };
}
