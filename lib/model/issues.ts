import type { z } from "zod";

export type IssueSeverity = "error" | "warning";

/** One problem in a project, tied to where it is so an editor can put a marker there. */
export interface ModelIssue {
  path: string;
  message: string;
  severity: IssueSeverity;
}

export type PathSegment = string | number;

/** `['dashboards', 2, 'panels', 5]` → `dashboards[2].panels[5]` */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out === "" ? "(root)" : out;
}

export function formatIssue(issue: ModelIssue): string {
  const tag = issue.severity === "warning" ? "warning: " : "";
  return `${issue.path}: ${tag}${issue.message}`;
}

export function zodIssuesToModelIssues(error: z.ZodError, prefix: readonly PathSegment[] = []): ModelIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath([...prefix, ...issue.path]),
    message: issue.message,
    severity: "error",
  }));
}

/** Collects issues under a path prefix; checks push into it instead of returning arrays. */
export class IssueCollector {
  readonly issues: ModelIssue[] = [];

  error(path: readonly PathSegment[], message: string): void {
    this.issues.push({ path: formatPath(path), message, severity: "error" });
  }

  warning(path: readonly PathSegment[], message: string): void {
    this.issues.push({ path: formatPath(path), message, severity: "warning" });
  }

  get hasErrors(): boolean {
    return this.issues.some((issue) => issue.severity === "error");
  }
}
