"use client";

import Link from "next/link";
import { type ReactNode, useState } from "react";
import { useFetchLatestProject } from "@/components/projects/use-projects";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import type { Dashboard } from "@/lib/model/dashboard";
import type { Project } from "@/lib/model/project";
import { type DashboardMerge, mergeDashboards } from "../model/merge";
import { useDashboardSnapshot, useProjectId, useSaveState } from "../store/store-provider";

interface Review {
  version: number;
  project: Project;
  theirs: Dashboard | undefined;
  merge: DashboardMerge;
}

/**
 * After a 409: nothing was saved and the draft is intact. Reviewing loads the newer version and
 * shows what it changed; the user re-applies their edits on top of it (a three-way merge) or
 * drops them. Autosave stays off until one of the two is chosen.
 */
export function ConflictReview(): ReactNode {
  const projectId = useProjectId();
  const getState = useDashboardSnapshot();
  const { conflictVersion, rebase } = useSaveState();
  const fetchLatest = useFetchLatestProject(projectId);
  const [review, setReview] = useState<Review | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function load(): Promise<void> {
    setLoading(true);
    setError(null);
    try {
      const latest = await fetchLatest();
      const state = getState();
      const theirs = latest.project.dashboards.find((entry) => entry.uid === state.dashboard.uid);
      setReview({
        version: latest.version,
        project: latest.project,
        theirs,
        merge: mergeDashboards(state.base.dashboard, state.dashboard, theirs),
      });
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  }

  function reapply(): void {
    if (!review) return;
    // With the dashboard gone from the newer version, any base differs from the draft: it saves it back.
    const base = review.theirs ?? { ...review.merge.dashboard, title: "", panels: [] };
    rebase({ version: review.version, project: review.project, dashboard: base }, review.merge.dashboard);
    setReview(null);
  }

  function discard(): void {
    if (!review?.theirs) return;
    rebase({ version: review.version, project: review.project, dashboard: review.theirs }, review.theirs);
    setReview(null);
  }

  return (
    <div className="notice notice-warning banner dash-conflict" role="alert" data-testid="conflict-banner">
      <div>
        <strong>
          {conflictVersion === undefined
            ? "Someone saved a newer version while you were editing."
            : `Someone saved version ${conflictVersion} while you were editing.`}
        </strong>{" "}
        Your changes were not saved and are still here; autosave is paused. Review the latest version to
        re-apply them on top of it.
      </div>
      {review ? (
        <div className="dash-conflict-review" data-testid="review-panel">
          {review.merge.theirChanges.length > 0 ? (
            <p>
              Version {review.version} changed: {review.merge.theirChanges.join(", ")}.
            </p>
          ) : (
            <p>Version {review.version} did not change this dashboard.</p>
          )}
          {review.merge.conflicts.length > 0 ? (
            <p data-testid="review-conflicts">
              You both changed {review.merge.conflicts.join(", ")}; re-applying keeps your version of each.
            </p>
          ) : null}
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              onClick={reapply}
              data-testid="reapply-changes"
            >
              Re-apply my changes on version {review.version}
            </button>
            {review.theirs ? (
              <button type="button" className="button" onClick={discard} data-testid="discard-changes">
                Discard my changes
              </button>
            ) : (
              <Link className="button" href={`/projects/${projectId}`}>
                Leave (the dashboard was removed)
              </Link>
            )}
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => void load()}
          disabled={loading}
          data-testid="review-latest"
        >
          {loading ? "Loading…" : "Review latest"}
        </button>
      )}
      <ApiErrorNotice error={error} title="Could not load the latest version" />
    </div>
  );
}
