import type { AlertingRule } from "../../model";

/**
 * A catalog rule as it goes into a project. Its panel link stays only when the project has that
 * dashboard (a rule may link a dashboard of a higher level); then the rule also gets the
 * `dashboard` annotation notifications link with, at the project's Grafana URL.
 */
export function placeCatalogRule(
  rule: AlertingRule,
  grafanaUrl: string,
  dashboardUids: ReadonlySet<string>,
): AlertingRule {
  if (!rule.panel) return rule;
  if (!dashboardUids.has(rule.panel.dashboardUid)) {
    const { panel: _dangling, ...rest } = rule;
    return rest;
  }
  const dashboard = `${grafanaUrl.replace(/\/+$/, "")}/d/${rule.panel.dashboardUid}`;
  return { ...rule, annotations: { ...rule.annotations, dashboard } };
}

/** The rule group a catalog rule goes to: one per category. */
export function catalogGroupName(rule: AlertingRule): string {
  return `fraiseql-${rule.labels.category ?? "custom"}`;
}
