import { alertTemplateParseError } from "@/lib/alerting/templates/render";
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
 * Label and annotation templates that do not parse, worded as promtool check rules refuses them
 * (Prometheus parses both when it loads the rule; lib/alerting/templates is its parser).
 */
function checkTemplates(group: RuleGroup, out: IssueCollector): void {
  group.rules.forEach((rule, index) => {
    if (rule.kind !== "alert") return;
    for (const map of ["labels", "annotations"] as const) {
      for (const [key, text] of Object.entries(rule[map])) {
        if (!text.includes("{{")) continue;
        const problem = alertTemplateParseError(text, rule.alert);
        if (problem) out.error(["rules", index, map, key], problem);
      }
    }
  });
}

/**
 * The model's checks of a rule group draft, as the server runs them on a save: the schema (names,
 * durations, label names), then the cross-field checks (PromQL, the panel a rule links to) and the
 * label and annotation templates. Paths are relative to the group (`rules[0].for`), as a 422 of the
 * group's PUT gives them.
 */
export function ruleGroupIssues(group: RuleGroup, project: Pick<Project, "dashboards">): ModelIssue[] {
  const parsed = RuleGroupSchema.safeParse(group);
  if (!parsed.success) return zodIssuesToModelIssues(parsed.error);
  const out = new IssueCollector();
  checkRuleGroups([parsed.data], project.dashboards, out);
  checkTemplates(parsed.data, out);
  const seen = new Set<string>();
  return out.issues.map(relative).filter((issue) => {
    const key = `${issue.path}|${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Issues from the last refused save that the draft's own checks do not already say. */
export function withServerIssues(local: readonly ModelIssue[], server: readonly ModelIssue[]): ModelIssue[] {
  const seen = new Set(local.map((issue) => `${issue.path}|${issue.message}`));
  return [...local, ...server.filter((issue) => !seen.has(`${issue.path}|${issue.message}`))];
}
