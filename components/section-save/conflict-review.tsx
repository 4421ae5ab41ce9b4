"use client";

import { type ReactNode, useState } from "react";
import { useStore } from "zustand";
import { conflictHeadline } from "./conflict-headline";
import type { SaveSlice, SectionDraftStore } from "./save-slice";

/** A three-way merge of a section editor's draft: mine re-applied on top of theirs. */
export interface SectionMerge<D> {
  draft: D;
  /** What both changed, in words; re-applying keeps mine there. */
  conflicts: string[];
  /** What the newer version changed, in words. */
  theirChanges: string[];
}

export interface ConflictReviewData<D> {
  startedFrom: number;
  latestVersion: number;
  base: D;
  mine: D;
  /** Undefined when the newer version removed the section. */
  theirs: D | undefined;
  merge: SectionMerge<D> | undefined;
}

export interface ConflictReviewProps<D, S extends SaveSlice<D>> {
  editor: SectionDraftStore<D, S>;
  /** What is being edited, for the messages: "this dashboard", "the settings". */
  subject: string;
  /** The section as the 409 sent it, as a draft; undefined when it was removed. */
  fromContent: (content: unknown) => D | undefined;
  merge: (base: D, mine: D, theirs: D) => SectionMerge<D>;
  /** The section's own way of showing the difference (a field table …); a summary by default. */
  renderDetails?: (review: ConflictReviewData<D>) => ReactNode;
  /** What to offer when the newer version removed the section (a link away …). */
  removedAction?: ReactNode;
}

/**
 * After a 409: nothing was saved and the draft is intact; the section as it is now came with the
 * answer. Reviewing shows what the newer version changed; the user re-applies their edits on top
 * of it (a three-way merge) or drops them. Autosave stays off until one of the two is chosen.
 */
export function ConflictReview<D, S extends SaveSlice<D>>({
  editor,
  subject,
  fromContent,
  merge,
  renderDetails,
  removedAction,
}: ConflictReviewProps<D, S>): ReactNode {
  const { store, selectDraft } = editor;
  const conflict = useStore(store, (state) => state.conflict);
  const [review, setReview] = useState<ConflictReviewData<D> | null>(null);
  if (!conflict) return null;
  const latestVersion = conflict.currentVersion;

  function load(): void {
    const state = store.getState();
    const theirs = conflict?.current == null ? undefined : fromContent(conflict.current);
    setReview({
      startedFrom: state.base.version,
      latestVersion: latestVersion ?? state.base.version,
      base: state.base.draft,
      mine: selectDraft(state),
      theirs,
      merge: theirs === undefined ? undefined : merge(state.base.draft, selectDraft(state), theirs),
    });
  }

  function reapply(): void {
    if (!review) return;
    if (review.theirs === undefined || !review.merge) return;
    store.getState().rebase({ version: review.latestVersion, draft: review.theirs }, review.merge.draft);
    setReview(null);
  }

  function discard(): void {
    if (!review?.theirs) return;
    store.getState().rebase({ version: review.latestVersion, draft: review.theirs }, review.theirs);
    setReview(null);
  }

  return (
    <div className="notice notice-warning banner section-conflict" role="alert" data-testid="conflict-banner">
      <div>
        <strong data-testid="conflict-headline">{conflictHeadline(conflict, subject)}</strong> Your changes
        were not saved and are still here; autosave is paused. Review the latest version to re-apply them on
        top of it.
      </div>
      {review ? (
        <div className="section-conflict-review" data-testid="review-panel">
          {renderDetails ? (
            renderDetails(review)
          ) : review.merge && review.merge.theirChanges.length > 0 ? (
            <p>
              Version {review.latestVersion} changed: {review.merge.theirChanges.join(", ")}.
            </p>
          ) : review.theirs === undefined ? (
            <p>
              Version {review.latestVersion} removed {subject}.
            </p>
          ) : (
            <p>Version {review.latestVersion} did not change what you edited.</p>
          )}
          {!renderDetails && review.merge && review.merge.conflicts.length > 0 ? (
            <p data-testid="review-conflicts">
              You both changed {review.merge.conflicts.join(", ")}; re-applying keeps your version of each.
            </p>
          ) : null}
          <div className="actions">
            {review.theirs !== undefined ? (
              <>
                <button
                  type="button"
                  className="button button-primary"
                  onClick={reapply}
                  data-testid="reapply-changes"
                >
                  Re-apply my changes on version {review.latestVersion}
                </button>
                <button type="button" className="button" onClick={discard} data-testid="discard-changes">
                  Discard my changes
                </button>
              </>
            ) : (
              removedAction
            )}
          </div>
        </div>
      ) : (
        <button type="button" className="button" onClick={load} data-testid="review-latest">
          Review latest
        </button>
      )}
    </div>
  );
}
