"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { useStore } from "zustand";
import { ApiRequestError, saveSection } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/query-keys";
import type { ModelIssue } from "@/lib/model/issues";
import type { SectionRef } from "@/lib/model/sections";
import type { SaveSlice, SectionDraftStore } from "./save-slice";

/**
 * Saving one section of a project from its editor: on demand (Ctrl+S, the Save button) and,
 * where the editor wants it, automatically after a quiet moment. The save sends the section and
 * the version it was edited from; it lands on the latest version unless the section itself
 * changed since (409: the conflict review takes over, the draft stays). A refused save keeps the
 * draft and shows why. Every editor of a section gets all of this by supplying its section and
 * how its draft becomes content.
 */

export type SaveStatus = "saved" | "unsaved" | "saving" | "conflict" | "error";

export interface SectionSaveOptions<D, S extends SaveSlice<D>> {
  projectId: string;
  section: SectionRef;
  editor: SectionDraftStore<D, S>;
  /** What the PUT sends for a draft. */
  toContent: (draft: D) => unknown;
  /** Whether two drafts are the same edit (unchanged drafts are not saved). */
  same: (a: D, b: D) => boolean;
  /** Quiet time after the last edit before an autosave; undefined for no autosave. */
  autosaveDelayMs?: number;
  /** Error issues of the draft: autosave waits until they are fixed. */
  blockingIssues?: number;
}

/** What a save did, for an editor that says so (the settings page's notice). */
export type SaveOutcome =
  | { kind: "saved"; version: number; changed: boolean }
  | { kind: "skipped" }
  | { kind: "conflict" }
  | { kind: "error" };

export interface SectionSaveState {
  status: SaveStatus;
  dirty: boolean;
  /** Saves now; a message makes the save a revision of its own in the history. */
  save: (message?: string) => Promise<SaveOutcome>;
}

function issuesOf(error: unknown): ModelIssue[] {
  if (!(error instanceof ApiRequestError)) return [];
  // Issues outside the section (a rule that linked a removed dashboard) keep their project path.
  return error.body.issues.map(({ path, message, severity, section }) => ({
    path: section === false ? `project: ${path}` : path,
    message,
    severity,
  }));
}

export function useSectionSave<D, S extends SaveSlice<D>>(
  options: SectionSaveOptions<D, S>,
): SectionSaveState {
  const { projectId, section, editor, toContent, same, autosaveDelayMs, blockingIssues = 0 } = options;
  const { store, selectDraft } = editor;
  const queryClient = useQueryClient();
  const draft = useStore(store, selectDraft);
  const base = useStore(store, (state) => state.base);
  const phase = useStore(store, (state) => state.phase);
  const failedDraft = useStore(store, (state) => state.failedDraft);
  const inFlight = useRef(false);
  const latest = useRef({ toContent, same });
  latest.current = { toContent, same };

  const save = useCallback(
    async (message?: string): Promise<SaveOutcome> => {
      const state = store.getState();
      if (inFlight.current || state.phase === "conflict") return { kind: "skipped" };
      const sent = selectDraft(state);
      if (latest.current.same(sent, state.base.draft) && state.phase !== "error") return { kind: "skipped" };
      inFlight.current = true;
      state.startSaving();
      try {
        const result = await saveSection(projectId, section, {
          version: state.base.version,
          content: latest.current.toContent(sent),
          ...(message ? { message } : {}),
        });
        store.getState().saved({ version: result.version, draft: sent });
        // The overview, history and validation read the whole project: they refetch.
        void queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId) });
        return { kind: "saved", version: result.version, changed: result.changed };
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 409) {
          const { currentVersion, current, savedBy } = error.body;
          store.getState().conflicted({ currentVersion, current, savedBy });
          return { kind: "conflict" };
        }
        const reason = error instanceof Error ? error.message : String(error);
        store.getState().failed(reason, issuesOf(error), sent);
        return { kind: "error" };
      } finally {
        inFlight.current = false;
      }
    },
    [projectId, section, store, selectDraft, queryClient],
  );

  const dirty = !same(draft, base.draft);
  useEffect(() => {
    if (autosaveDelayMs === undefined) return;
    if (!dirty || phase === "saving" || phase === "conflict" || blockingIssues > 0) return;
    if (phase === "error" && draft === failedDraft) return;
    const timer = setTimeout(() => void save(), autosaveDelayMs);
    return () => clearTimeout(timer);
  }, [autosaveDelayMs, draft, dirty, phase, failedDraft, blockingIssues, save]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent): void => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  let status: SaveStatus;
  if (phase === "conflict") status = "conflict";
  else if (phase === "saving") status = "saving";
  else if (phase === "error" && draft === failedDraft) status = "error";
  else status = dirty ? "unsaved" : "saved";
  return { status, dirty, save };
}
