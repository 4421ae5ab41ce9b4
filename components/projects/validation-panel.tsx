import type { ReactNode } from "react";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { plural } from "@/components/ui/format";
import type { ProjectValidation } from "@/lib/api/client";
import { anchorForIssuePath } from "./issue-anchors";

export interface ValidationPanelProps {
  validation: ProjectValidation | undefined;
  error: unknown;
  pending: boolean;
}

/** Every model issue, each linking to the overview element it is about. */
export function ValidationPanel({ validation, error, pending }: ValidationPanelProps): ReactNode {
  if (error) return <ApiErrorNotice error={error} title="Could not validate the project" />;
  if (pending || !validation) {
    return (
      <section className="validation card" data-testid="validation-panel" aria-busy="true">
        <span className="muted">Checking the project…</span>
      </section>
    );
  }
  const errors = validation.issues.filter((issue) => issue.severity === "error").length;
  const warnings = validation.issues.length - errors;
  const state = errors > 0 ? "has-errors" : warnings > 0 ? "has-warnings" : "is-ok";
  return (
    <section className={`validation card ${state}`} data-testid="validation-panel" data-ok={validation.ok}>
      <h2>Validation</h2>
      {validation.issues.length === 0 ? (
        <p className="validation-ok" data-testid="validation-ok">
          No issues: the bundle is ready to download.
        </p>
      ) : (
        <>
          <p>
            {errors > 0 ? <strong>{plural(errors, "error")}</strong> : null}
            {errors > 0 && warnings > 0 ? ", " : null}
            {warnings > 0 ? plural(warnings, "warning") : null}
            {errors > 0 ? " — fix these before deploying the bundle." : null}
          </p>
          <ul className="issue-list" data-testid="validation-issues">
            {validation.issues.map((issue, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity; the list is replaced whole
              <li key={index} className={`issue issue-${issue.severity}`} data-testid="validation-issue">
                <span className={`severity severity-${issue.severity === "error" ? "critical" : "warning"}`}>
                  {issue.severity}
                </span>{" "}
                <a href={`#${anchorForIssuePath(issue.path)}`}>
                  <code>{issue.path}</code>
                </a>{" "}
                {issue.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
