import type { ReactNode } from "react";

export interface ConflictBannerProps {
  /** The version stored now, from the 409 body. */
  currentVersion: number | undefined;
  loading: boolean;
  onReview: () => void;
}

/** Shown after a 409: nothing was saved, nothing was lost. */
export function ConflictBanner({ currentVersion, loading, onReview }: ConflictBannerProps): ReactNode {
  return (
    <div className="notice notice-warning banner" role="alert" data-testid="conflict-banner">
      <div>
        <strong>
          {currentVersion === undefined
            ? "Someone saved a newer version while you were editing."
            : `Someone saved version ${currentVersion} while you were editing.`}
        </strong>{" "}
        Your changes were not saved and are still in the form. Review the latest version to re-apply them on
        top of it.
      </div>
      <button
        type="button"
        className="button"
        onClick={onReview}
        disabled={loading}
        data-testid="review-latest"
      >
        {loading ? "Loading…" : "Review latest"}
      </button>
    </div>
  );
}
