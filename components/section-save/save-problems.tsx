import type { ReactNode } from "react";
import { IssueList } from "@/components/ui/issue-list";

/**
 * Why the last save failed, with the draft's first errors, as the section editors show it while
 * the failed draft is still the one on screen (the caller decides that).
 */
export function SaveProblemsNotice({
  saveError,
  issues,
}: {
  saveError: ReactNode;
  issues: readonly { path: string; message: string; severity: string }[];
}): ReactNode {
  const shown = issues.filter((issue) => issue.severity === "error").slice(0, 8);
  return (
    <div className="notice notice-error" role="alert" data-testid="save-error">
      <strong>Not saved: </strong>
      {saveError}
      <IssueList issues={shown} />
    </div>
  );
}
