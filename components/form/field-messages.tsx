import type { ReactNode } from "react";
import type { ModelIssue } from "@/lib/model/issues";

/** Issues whose path is `field` or inside it. */
export function issuesWithin(issues: readonly ModelIssue[], field: string): ModelIssue[] {
  return issues.filter(
    (issue) =>
      issue.path === field || issue.path.startsWith(`${field}.`) || issue.path.startsWith(`${field}[`),
  );
}

export interface FieldMessagesProps {
  issues: readonly ModelIssue[];
  testId?: string;
}

/** The model's messages under a form field. */
export function FieldMessages({ issues, testId }: FieldMessagesProps): ReactNode {
  if (issues.length === 0) return null;
  return (
    <ul className="field-issues" data-testid={testId ?? "field-issues"}>
      {issues.map((issue) => (
        <li
          key={`${issue.path}|${issue.message}`}
          className={issue.severity === "warning" ? "dash-warning" : undefined}
        >
          {issue.message}
        </li>
      ))}
    </ul>
  );
}
