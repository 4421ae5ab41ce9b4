import { metricNames } from "../promql/tree";
import { hasStoredAlerts, isObject, type UpgradeContext, upgradeStoredRule } from "./rule-upgrade";

/**
 * Upgrade on read of a stored project's alert rules of the old shape (see rule-upgrade.ts), with
 * what only the project knows: its Grafana URL and the dashboard panel each rule's old
 * `dashboardUid` pointed at, found by the metric names of the rule's expression.
 */

/** The project with its old-shape alert rules upgraded, knowing its Grafana URL and dashboards. */
export function upgradeStoredProject(input: unknown): unknown {
  if (!isObject(input) || !Array.isArray(input.ruleGroups)) return input;
  const groups = input.ruleGroups;
  if (!groups.some(hasStoredAlerts)) return input;
  const links = isObject(input.links) ? input.links : {};
  const dashboards: unknown[] = Array.isArray(input.dashboards) ? input.dashboards : [];
  const context: UpgradeContext = {
    // The model's default Grafana URL, as the old generator would have used it.
    grafanaUrl: typeof links.grafanaUrl === "string" ? links.grafanaUrl : "http://localhost:3000",
    panelFor: (dashboardUid, expr) =>
      panelForExpr(
        dashboards.find((candidate) => isObject(candidate) && candidate.uid === dashboardUid),
        expr,
      ),
  };
  return {
    ...input,
    ruleGroups: groups.map((group) =>
      isObject(group) && Array.isArray(group.rules)
        ? { ...group, rules: group.rules.map((rule) => upgradeStoredRule(rule, context)) }
        : group,
    ),
  };
}

/** Every panel but row headers (collapsed rows' panels included) with its id and query text. */
function panelsOf(dashboard: unknown): { id: number; queries: string[] }[] {
  const out: { id: number; queries: string[] }[] = [];
  const visit = (panels: unknown): void => {
    if (!Array.isArray(panels)) return;
    for (const panel of panels) {
      if (!isObject(panel)) continue;
      const targets = Array.isArray(panel.targets) ? panel.targets : [];
      const queries = targets
        .map((target) => (isObject(target) && typeof target.expr === "string" ? target.expr : ""))
        .filter((query) => query !== "");
      const drawn = panel.type !== "row";
      if (drawn && typeof panel.id === "number" && Number.isInteger(panel.id) && panel.id >= 1)
        out.push({ id: panel.id, queries });
      visit(panel.panels);
    }
  };
  visit(isObject(dashboard) ? dashboard.panels : undefined);
  return out;
}

/**
 * The id of the dashboard panel that best graphs `expr`: the one whose queries select the most
 * of its metric names, the first panel on a tie or when none shares any; undefined when the
 * dashboard has no panel.
 */
export function panelForExpr(dashboard: unknown, expr: string): number | undefined {
  const wanted = new Set(metricNames(expr));
  let best: { id: number; score: number } | undefined;
  for (const panel of panelsOf(dashboard)) {
    const names = new Set(panel.queries.flatMap(metricNames));
    const score = [...wanted].filter((name) => names.has(name)).length;
    if (!best || score > best.score) best = { id: panel.id, score };
  }
  return best?.id;
}
