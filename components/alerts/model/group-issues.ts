import { checkRuleGroups } from "@/lib/model/checks/rules";
import { IssueCollector, type ModelIssue, zodIssuesToModelIssues } from "@/lib/model/issues";
import type { Project } from "@/lib/model/project";
import { type RuleGroup, RuleGroupSchema } from "@/lib/model/rule";

const PREFIX = "ruleGroups[0]";

/** A project-wide path of the one group checked, made relative to the group. */
function relative(issue: ModelIssue): ModelIssue {
  if (issue.path === PREFIX) return { ...issue, path: "(root)" };
  if (issue.path.startsWith(`${PREFIX}.`)) return { ...issue, path: issue.path.slice(PREFIX.length + 1) };
  if (issue.path.startsWith(`${PREFIX}[`)) return { ...issue, path: issue.path.slice(PREFIX.length) };
  return issue;
}

/**
 * The model's checks of a rule group draft, as the server runs them on a save: the schema (names,
 * durations, label names), then the cross-field checks (PromQL, templates, the panel a rule links
 * to). Paths are relative to the group (`rules[0].for`), as a 422 of the group's PUT gives them.
 */
export function ruleGroupIssues(group: RuleGroup, project: Pick<Project, "dashboards">): ModelIssue[] {
  const parsed = RuleGroupSchema.safeParse(group);
  if (!parsed.success) return zodIssuesToModelIssues(parsed.error);
  const out = new IssueCollector();
  checkRuleGroups([parsed.data], new Set(project.dashboards.map((dashboard) => dashboard.uid)), out);
  return out.issues.map(relative);
}

/** Issues from the last refused save that the draft's own checks do not already say. */
export function withServerIssues(local: readonly ModelIssue[], server: readonly ModelIssue[]): ModelIssue[] {
  const seen = new Set(local.map((issue) => `${issue.path}|${issue.message}`));
  return [...local, ...server.filter((issue) => !seen.has(`${issue.path}|${issue.message}`))];
}
