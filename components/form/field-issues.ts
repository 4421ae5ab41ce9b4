/** A server issue as the settings form shows it. */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * Issues of a PUT point into the request body (`project.retention.metrics`) or straight into the
 * project (`retention.metrics`); the form speaks project paths.
 */
export function toProjectPath(path: string): string {
  return path.startsWith("project.") ? path.slice("project.".length) : path;
}

/** True when `path` is `field` or inside it: `scrapeTargets[0].targets[1]` is inside `scrapeTargets[0].targets`. */
export function isWithin(path: string, field: string): boolean {
  return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
}

/** The issues shown beside one field. */
export function issuesAt(issues: readonly FieldIssue[], field: string): FieldIssue[] {
  return issues.filter((issue) => isWithin(issue.path, field));
}

/** Issues no field of the form claims, shown together above the form. */
export function unclaimedIssues(issues: readonly FieldIssue[], fields: readonly string[]): FieldIssue[] {
  return issues.filter((issue) => !fields.some((field) => isWithin(issue.path, field)));
}
