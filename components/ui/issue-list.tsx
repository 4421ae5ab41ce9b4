import type { ReactNode } from "react";

/** Problems as a list of `path message` lines (nothing when there are none). */
export function IssueList({ issues }: { issues: readonly { path: string; message: string }[] }): ReactNode {
  if (issues.length === 0) return null;
  return (
    <ul className="issue-list">
      {issues.map((issue) => (
        <li key={`${issue.path}|${issue.message}`}>
          <code>{issue.path}</code> {issue.message}
        </li>
      ))}
    </ul>
  );
}
