"use client";

import { useMemo } from "react";
import { type SectionSaveState, useSectionSave } from "@/components/section-save/use-section-save";
import { sameValue } from "@/lib/json/same-value";
import type { RuleGroup } from "@/lib/model/rule";
import type { SectionRef } from "@/lib/model/sections";
import type { RuleGroupState } from "../store/rule-group-store";
import { useGroupIssues, useRuleGroupState, useRuleGroupStoreApi } from "../store/store-provider";

/** Quiet time after the last edit before an autosave, as in the dashboard designer. */
export const AUTOSAVE_DELAY_MS = 1500;

export interface GroupSaveState extends SectionSaveState {
  /** Error issues of the draft: autosave waits until they are fixed, so nothing broken is saved. */
  blockingIssues: number;
}

/** The rule group editor's saves: its own section only (PUT …/rule-groups/{name}), autosaved. */
export function useGroupSave(): GroupSaveState {
  const store = useRuleGroupStoreApi();
  const projectId = useRuleGroupState((state) => state.projectId);
  const name = useRuleGroupState((state) => state.base.draft.name);
  const section = useMemo<SectionRef>(() => ({ kind: "rule-group", name }), [name]);
  const editor = useMemo(
    () => ({ store, selectDraft: (state: RuleGroupState): RuleGroup => state.group }),
    [store],
  );
  const blockingIssues = useGroupIssues().filter((issue) => issue.severity === "error").length;
  const state = useSectionSave({
    projectId,
    section,
    editor,
    toContent: (group) => group,
    same: sameValue,
    autosaveDelayMs: AUTOSAVE_DELAY_MS,
    blockingIssues,
  });
  return { ...state, blockingIssues };
}
