import { checkDashboardSettings } from "./checks/dashboard-settings";
import { checkDashboard } from "./checks/dashboards";
import { DashboardSchema } from "./dashboard";
import { IssueCollector, zodIssuesToModelIssues } from "./issues";
import type { Project } from "./project";
import { type SectionRef, withSection } from "./sections";
import { InvalidProjectError, parseProject } from "./validate";

/**
 * A valid project with one section replaced, checked by the model: what parseProject would say of
 * the whole, found by checking only what the section can change. A dashboard whose uid stays the
 * same can only break itself (its own panels, queries, variables and the datasources it names), so
 * a dashboard save checks that one dashboard against the project's datasources, not the whole
 * project: most of a save's time on a large project. Other sections, and new or removed
 * dashboards, which rules may link to, are checked whole. The test beside this file holds the two
 * to the same verdicts.
 */
export function parseProjectWithSection(current: Project, ref: SectionRef, content: unknown): Project {
  if (ref.kind !== "dashboard" || content === undefined)
    return parseProject(withSection(current, ref, content));
  const index = current.dashboards.findIndex((dashboard) => dashboard.uid === ref.uid);
  if (index === -1) return parseProject(withSection(current, ref, content));
  const path = ["dashboards", index];
  const parsed = DashboardSchema.safeParse(content);
  if (!parsed.success) throw new InvalidProjectError(zodIssuesToModelIssues(parsed.error, path));
  if (parsed.data.uid !== ref.uid) return parseProject(withSection(current, ref, content));
  const out = new IssueCollector();
  checkDashboard(parsed.data, current.datasources, path, out);
  checkDashboardSettings(parsed.data, current.datasources, path, out);
  if (out.hasErrors) throw new InvalidProjectError(out.issues);
  return withSection(current, ref, parsed.data);
}
