import type { ApiError } from "@/lib/api/schemas";
import type { Project } from "@/lib/model/project";

/** A rule the server named when it refused to delete a dashboard that rule links to. */
export interface LinkingRule {
  /** The rule's alert (or record) name; the issue's path when the project no longer has that index. */
  rule: string;
  group?: string;
  /** The model's message, e.g. `no dashboard with uid "api" in the project`. */
  message: string;
}

const DASHBOARD_LINK = /^ruleGroups\[(\d+)\]\.rules\[(\d+)\]\.panel\.dashboardUid$/;

/**
 * Reads a 422 to a dashboard deletion: issues at a rule's `panel.dashboardUid` are rules
 * that link to the dashboard, named from the project (the server's paths index its latest
 * version, which the overview shows); every other issue is left as it came.
 */
export function linkingRules(
  issues: ApiError["issues"],
  project: Pick<Project, "ruleGroups">,
): { rules: LinkingRule[]; others: ApiError["issues"] } {
  const rules: LinkingRule[] = [];
  const others: ApiError["issues"] = [];
  for (const issue of issues) {
    const match = DASHBOARD_LINK.exec(issue.path);
    if (!match) {
      others.push(issue);
      continue;
    }
    const group = project.ruleGroups[Number(match[1])];
    const rule = group?.rules[Number(match[2])];
    if (!group || !rule) {
      rules.push({ rule: issue.path, message: issue.message });
      continue;
    }
    rules.push({
      rule: rule.kind === "alert" ? rule.alert : rule.record,
      group: group.name,
      message: issue.message,
    });
  }
  return { rules, others };
}
