import type { StoreApi } from "zustand/vanilla";
import type { ApiError } from "@/lib/api/schemas";
import type { ModelIssue } from "@/lib/model/issues";

/**
 * The save state of one section editor, as a zustand slice any editor's store includes: which
 * stored version the draft is based on, and what the last save did. The editor's own store holds
 * the draft (SectionDraftStore says where) and says how to replace it (`replaceDraft`), so undo history and selection
 * stay the editor's business.
 */

export type SavePhase = "idle" | "saving" | "conflict" | "error";

/** The stored version a draft is based on, and the section as that version has it (as a draft). */
export interface SaveBase<D> {
  version: number;
  draft: D;
}

/**
 * What a 409 said: the version stored now, the section as it is there (null: removed), and who
 * saved the section's newer version, when.
 */
export interface SaveConflict {
  currentVersion: number | undefined;
  current: unknown;
  savedBy?: ApiError["savedBy"];
}

export interface SaveSlice<D> {
  base: SaveBase<D>;
  phase: SavePhase;
  conflict: SaveConflict | undefined;
  saveError: string | undefined;
  /** Issues the server answered a save with, relative to the section. */
  serverIssues: ModelIssue[];
  /** The draft a failed save sent: autosave retries only once the draft changed. */
  failedDraft: D | undefined;
  startSaving: () => void;
  saved: (base: SaveBase<D>) => void;
  conflicted: (conflict: SaveConflict) => void;
  failed: (message: string, issues: ModelIssue[], draft: D) => void;
  /** After a 409: continue from a newer version with this draft (re-applied or discarded edits). */
  rebase: (base: SaveBase<D>, draft: D) => void;
}

/** An editor's store with the save slice, and where in it the draft is. */
export interface SectionDraftStore<D, S extends SaveSlice<D> = SaveSlice<D>> {
  store: StoreApi<S>;
  selectDraft: (state: S) => D;
}

export function createSaveSlice<D, S extends SaveSlice<D>>(
  set: StoreApi<S>["setState"],
  init: SaveBase<D>,
  replaceDraft: (draft: D) => void,
): SaveSlice<D> {
  const patch = (partial: Partial<SaveSlice<D>>): void => set(partial as Partial<S>);
  return {
    base: init,
    phase: "idle",
    conflict: undefined,
    saveError: undefined,
    serverIssues: [],
    failedDraft: undefined,
    startSaving: () => patch({ phase: "saving", saveError: undefined }),
    saved: (base) =>
      patch({
        base,
        phase: "idle",
        saveError: undefined,
        serverIssues: [],
        conflict: undefined,
        failedDraft: undefined,
      }),
    conflicted: (conflict) => patch({ phase: "conflict", conflict }),
    failed: (message, issues, draft) =>
      patch({ phase: "error", saveError: message, serverIssues: issues, failedDraft: draft }),
    rebase: (base, draft) => {
      replaceDraft(draft);
      patch({
        base,
        phase: "idle",
        conflict: undefined,
        saveError: undefined,
        serverIssues: [],
        failedDraft: undefined,
      });
    },
  };
}
