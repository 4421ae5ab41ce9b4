import { alertTemplateParseError } from "../../alerting/templates/render";
import type { IssueCollector } from "../issues";
import type { RuleGroup } from "../rule";

/**
 * Every label and annotation of an alerting rule is a Go template that Prometheus parses when it
 * loads the file (`promtool check rules` refuses the file otherwise). Each one that does not parse
 * is an error on its field, worded as Prometheus words it:
 * `error parsing template __alert_X: template: __alert_X:1: unexpected "}" in operand`.
 */
export function checkRuleTemplates(groups: readonly RuleGroup[], out: IssueCollector): void {
  groups.forEach((group, groupIndex) => {
    group.rules.forEach((rule, ruleIndex) => {
      if (rule.kind !== "alert") return;
      const path = ["ruleGroups", groupIndex, "rules", ruleIndex];
      for (const field of ["labels", "annotations"] as const) {
        for (const [key, text] of Object.entries(rule[field])) {
          const error = alertTemplateParseError(text, rule.alert);
          if (error) out.error([...path, field, key], error);
        }
      }
    });
  });
}
