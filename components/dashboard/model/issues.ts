import { checkDashboard } from "@/lib/model/checks/dashboards";
import { type Dashboard, DashboardSchema } from "@/lib/model/dashboard";
import type { Datasource } from "@/lib/model/datasource";
import { IssueCollector, type ModelIssue, zodIssuesToModelIssues } from "@/lib/model/issues";

/**
 * The model's own checks, run on the draft in the browser, with paths relative to what an editor
 * shows: `panels[3].targets[0].expr` on the dashboard is `targets[0].expr` in the panel's editor.
 */

/**
 * Every issue of the dashboard, paths relative to it (`panels[3].title`): the schema's (an empty
 * title typed into the form) and the cross-field checks' (unknown variables, PromQL syntax …).
 */
export function dashboardIssues(dashboard: Dashboard, datasources: readonly Datasource[]): ModelIssue[] {
  const shape = DashboardSchema.safeParse(dashboard);
  const out = new IssueCollector();
  checkDashboard(dashboard, datasources, [], out);
  return shape.success ? out.issues : [...zodIssuesToModelIssues(shape.error), ...out.issues];
}

/** `path` relative to `prefix`, or undefined when it is not inside it. */
export function relativePath(path: string, prefix: string): string | undefined {
  if (path === prefix) return "(root)";
  if (path.startsWith(`${prefix}.`)) return path.slice(prefix.length + 1);
  if (path.startsWith(`${prefix}[`)) return path.slice(prefix.length);
  return undefined;
}

/** The dashboard's issues that concern one panel, relative to it. */
export function issuesOfPanel(issues: readonly ModelIssue[], panelIndex: number): ModelIssue[] {
  const prefix = `panels[${panelIndex}]`;
  const out: ModelIssue[] = [];
  for (const issue of issues) {
    const path = relativePath(issue.path, prefix);
    if (path !== undefined) out.push({ ...issue, path });
  }
  return out;
}
