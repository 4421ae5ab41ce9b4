import type { ReactNode } from "react";
import type { SaveStatus } from "./use-section-save";

export interface SaveStatusBadgeProps {
  status: SaveStatus;
  blockingIssues: number;
  version: number;
  error: string | undefined;
}

const LABELS: Record<SaveStatus, string> = {
  saved: "Saved",
  unsaved: "Unsaved",
  saving: "Saving…",
  conflict: "Conflict",
  error: "Not saved",
};

/** Saved / Unsaved / Saving / Conflict, always visible beside the Save button. */
export function SaveStatusBadge({ status, blockingIssues, version, error }: SaveStatusBadgeProps): ReactNode {
  let detail = "";
  if (status === "saved") detail = ` · v${version}`;
  else if (status === "unsaved" && blockingIssues > 0)
    detail = ` · fix ${blockingIssues} problem${blockingIssues === 1 ? "" : "s"} to autosave`;
  return (
    <span
      className={`save-status save-status-${status}`}
      data-testid="save-status"
      data-state={status}
      role="status"
      aria-live="polite"
      title={error}
    >
      {LABELS[status]}
      {detail}
    </span>
  );
}
