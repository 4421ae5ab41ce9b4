import { analyzePromql } from "../../promql/parse";
import { annotationTemplateProblem } from "../../promql/template/annotation-template";
import type { IssueCollector } from "../issues";
import type { RuleGroup } from "../rule";

export function checkRuleGroups(
  groups: readonly RuleGroup[],
  dashboardUids: ReadonlySet<string>,
  out: IssueCollector,
): void {
  const names = new Map<string, number>();
  groups.forEach((group, groupIndex) => {
    const earlier = names.get(group.name);
    if (earlier !== undefined) {
      out.error(
        ["ruleGroups", groupIndex, "name"],
        `groupname "${group.name}" is repeated (also ruleGroups[${earlier}])`,
      );
    } else {
      names.set(group.name, groupIndex);
    }
    const alertNames = new Map<string, number>();
    group.rules.forEach((rule, ruleIndex) => {
      const path = ["ruleGroups", groupIndex, "rules", ruleIndex];
      const { error, warnings } = analyzePromql(rule.expr);
      if (error) out.error([...path, "expr"], `parse error at ${error.position}: ${error.message}`);
      for (const warning of warnings) {
        out.warning([...path, "expr"], `at ${warning.position}: ${warning.message}`);
      }
      if (rule.kind === "record") return;
      const sameName = alertNames.get(rule.alert);
      if (sameName !== undefined) {
        out.warning(
          [...path, "alert"],
          `alert "${rule.alert}" also at rules[${sameName}]: their unit tests see each other's alerts`,
        );
      } else {
        alertNames.set(rule.alert, ruleIndex);
      }
      for (const field of ["summary", "description"] as const) {
        const templateProblem = annotationTemplateProblem(rule.annotations[field]);
        if (templateProblem) out.error([...path, "annotations", field], templateProblem);
      }
      if ("severity" in rule.labels) {
        out.error(
          [...path, "labels", "severity"],
          "set the severity with the rule's severity field, not a label",
        );
      }
      if ("alertname" in rule.labels) {
        out.error([...path, "labels", "alertname"], "alertname is set by Prometheus; remove this label");
      }
      const dashboardUid = rule.annotations.dashboardUid;
      if (dashboardUid !== undefined && !dashboardUids.has(dashboardUid)) {
        out.error(
          [...path, "annotations", "dashboardUid"],
          `no dashboard with uid "${dashboardUid}" in the project`,
        );
      }
      if (rule.enabled && rule.tests.length === 0) {
        out.warning([...path, "tests"], "no unit test: promtool test rules will not cover this alert");
      } else if (rule.tests.length > 0) {
        if (!rule.tests.some((test) => test.fires)) {
          out.warning([...path, "tests"], "no test case where the alert fires");
        }
        if (!rule.tests.some((test) => !test.fires)) {
          out.warning([...path, "tests"], "no test case where the alert stays quiet");
        }
      }
    });
  });
}
