import { createStore, type StoreApi } from "zustand/vanilla";
import { createSaveSlice, type SaveSlice } from "@/components/section-save/save-slice";
import type { Project } from "@/lib/model/project";
import { settingsOf, withSection } from "@/lib/model/sections";
import {
  applyDraft,
  changedFields,
  draftFromProject,
  rebaseDraft,
  type SettingsDraft,
} from "./settings-draft";

/**
 * The settings page's store: the form's draft and the section kit's save slice. A draft is the
 * form (what the user typed) with the project it was opened on, whose settings fields the form
 * does not show are saved back as they were.
 */

export interface SettingsEdit {
  form: SettingsDraft;
  project: Project;
}

export interface SettingsState extends SaveSlice<SettingsEdit> {
  edit: SettingsEdit;
  setForm: (change: (form: SettingsDraft) => SettingsDraft) => void;
}

export type SettingsStore = StoreApi<SettingsState>;

export function settingsEditOf(project: Project): SettingsEdit {
  return { form: draftFromProject(project), project };
}

export function createSettingsStore(version: number, project: Project): SettingsStore {
  return createStore<SettingsState>()((set) => ({
    edit: settingsEditOf(project),
    setForm: (change) => set((state) => ({ edit: { ...state.edit, form: change(state.edit.form) } })),
    ...createSaveSlice<SettingsEdit, SettingsState>(
      set,
      { version, draft: settingsEditOf(project) },
      (edit) => set({ edit }),
    ),
  }));
}

export const selectSettingsEdit = (state: SettingsState): SettingsEdit => state.edit;

/** The settings section a draft saves. */
export function settingsContent(edit: SettingsEdit): unknown {
  return settingsOf(applyDraft(edit.project, edit.form));
}

export function sameSettings(a: SettingsEdit, b: SettingsEdit): boolean {
  return changedFields(a.form, b.form).length === 0;
}

/** The settings a 409 sent, as a draft on the project the page has. */
export function settingsEditFrom(project: Project, content: unknown): SettingsEdit {
  return settingsEditOf(withSection(project, { kind: "settings" }, content));
}

export function mergeSettings(base: SettingsEdit, mine: SettingsEdit, theirs: SettingsEdit) {
  const rebase = rebaseDraft(base.form, mine.form, theirs.form);
  return {
    draft: { form: rebase.draft, project: theirs.project },
    conflicts: rebase.conflicts.map((conflict) => conflict.label.toLowerCase()),
    theirChanges: changedFields(base.form, theirs.form).map((field) => field.label.toLowerCase()),
  };
}
