"use client";

import { useCallback, useMemo } from "react";
import {
  type SaveOutcome,
  type SectionSaveState,
  useSectionSave,
} from "@/components/section-save/use-section-save";
import { sameValue } from "@/lib/json/same-value";
import type { SectionRef } from "@/lib/model/sections";
import { errorCount } from "../model/alerting-issues";
import { selectDraft } from "../store/alerting-store";
import { useAlertingIssues, useAlertingState, useAlertingStoreApi } from "../store/store-provider";

const SECTION: SectionRef = { kind: "alerting" };

export interface AlertingSaveState extends SectionSaveState {
  /** Error issues of the draft: saving waits until they are fixed, so nothing broken is saved. */
  blockingIssues: number;
}

/**
 * The alerting editor's saves: its own section only (PUT …/alerting), on demand (Save, Ctrl+S).
 * No autosave: a half-built route tree routes real pages, so it goes out when the user says so,
 * and never while the model marks an error.
 */
export function useAlertingSave(): AlertingSaveState {
  const store = useAlertingStoreApi();
  const projectId = useAlertingState((state) => state.projectId);
  const editor = useMemo(() => ({ store, selectDraft }), [store]);
  const blockingIssues = errorCount(useAlertingIssues());
  const state = useSectionSave({
    projectId,
    section: SECTION,
    editor,
    toContent: (draft) => draft,
    same: sameValue,
    blockingIssues,
  });
  const { save: saveNow } = state;
  const save = useCallback(
    (message?: string): Promise<SaveOutcome> =>
      blockingIssues > 0 ? Promise.resolve({ kind: "skipped" }) : saveNow(message),
    [blockingIssues, saveNow],
  );
  return { ...state, save, blockingIssues };
}
