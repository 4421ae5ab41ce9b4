import { checkAlertmanager } from "@/lib/model/checks/alertmanager";
import { IssueCollector, type ModelIssue, zodIssuesToModelIssues } from "@/lib/model/issues";
import { ProjectObjectSchema } from "@/lib/model/project";
import type { AlertingSection } from "@/lib/model/sections";

const AlertingSectionSchema = ProjectObjectSchema.pick({
  receivers: true,
  route: true,
  inhibitRules: true,
  alertmanager: true,
});

/**
 * The model's checks of an alerting draft, as the server runs them on a save: the schema (names,
 * durations, URLs, e-mail addresses), then Alertmanager's own checks (a route to a missing
 * receiver, a regex Go refuses, time intervals). Paths are the section's (`route.routes[0].receiver`),
 * which are the project's too, so a 422's issues land on the same fields.
 */
export function alertingIssues(section: AlertingSection): ModelIssue[] {
  const parsed = AlertingSectionSchema.safeParse(section);
  if (!parsed.success) return zodIssuesToModelIssues(parsed.error);
  const out = new IssueCollector();
  const { receivers, route, inhibitRules, alertmanager } = parsed.data;
  checkAlertmanager(receivers, route, inhibitRules, out, alertmanager);
  return out.issues;
}

export function errorCount(issues: readonly ModelIssue[]): number {
  return issues.filter((issue) => issue.severity === "error").length;
}
