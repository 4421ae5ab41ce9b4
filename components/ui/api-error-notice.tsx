import type { ReactNode } from "react";
import { ApiRequestError } from "@/lib/api/client";

export interface ApiErrorNoticeProps {
  error: unknown;
  /** What was being done, e.g. "Could not create the project". */
  title?: string;
}

/** A request's failure with every issue the server gave, each with its path. */
export function ApiErrorNotice({ error, title }: ApiErrorNoticeProps): ReactNode {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const issues = error instanceof ApiRequestError ? error.body.issues : [];
  return (
    <div className="notice notice-error" role="alert" data-testid="api-error">
      {title ? <strong>{title}: </strong> : null}
      <span data-testid="api-error-message">{message}</span>
      {issues.length > 0 ? (
        <ul className="issue-list" data-testid="api-error-issues">
          {issues.map((issue, index) => (
            // Two issues can share a path; the index keeps keys unique.
            // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity of their own
            <li key={`${issue.path}-${index}`}>
              <code>{issue.path}</code> {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
