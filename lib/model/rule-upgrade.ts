import { metricNames } from "../promql/tree";

/**
 * Upgrade on read of alert rules stored before labels and annotations were plain maps. Such a rule
 * had a `severity` field (required then, absent now), a `category` (default "custom") and
 * annotations `{summary, description, runbookUrl?, dashboardUid?}`. The old generator exported
 * `severity` and `category` as the first labels, `runbook_url` (the explicit URL or a link to the
 * generated runbook page) and `dashboard: <grafanaUrl>/d/<uid>`. The upgraded rule carries exactly
 * those labels and annotations, so its generated files stay what they were:
 * - severity and category become the labels `severity` and `category`, first, as exported;
 * - an explicit runbookUrl becomes the `runbook_url` annotation; without one the rule keeps its
 *   generated runbook page (`runbook`, empty when it had no body: the page's generic text) and the
 *   generator adds the link;
 * - dashboardUid becomes the `dashboard` annotation the generator wrote and a panel link. The URL
 *   needs the project's Grafana URL, so the project-level upgrade does it; a rule parsed alone
 *   (only the editor sends those, in the new shape) drops it.
 */

type Raw = Record<string, unknown>;

interface UpgradeContext {
  grafanaUrl: string;
  dashboards: readonly unknown[];
}

function isObject(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isStoredAlert(value: unknown): value is Raw {
  return isObject(value) && value.kind === "alert" && "severity" in value;
}

/** The rule in the current shape when it is an alert rule of the old shape; anything else as is. */
export function upgradeStoredRule(input: unknown, context?: UpgradeContext): unknown {
  if (!isStoredAlert(input)) return input;
  const { severity, category, annotations, runbook, ...rest } = input;
  const old = isObject(annotations) ? annotations : {};
  // The old annotations object stripped any other key, so only these four ever reached the files.
  const { summary, description, runbookUrl, dashboardUid } = old;
  const upgraded: Raw = {
    ...rest,
    labels: { severity, category: category ?? "custom", ...(isObject(input.labels) ? input.labels : {}) },
    annotations: dropUndefined({
      summary,
      description,
      runbook_url: runbookUrl || undefined,
      dashboard:
        typeof dashboardUid === "string" && dashboardUid !== "" && context
          ? `${context.grafanaUrl.replace(/\/+$/, "")}/d/${dashboardUid}`
          : undefined,
    }),
    runbook: runbookUrl ? runbook : (runbook ?? ""),
  };
  if (typeof dashboardUid === "string" && dashboardUid !== "" && context) {
    const dashboard = context.dashboards.find(
      (candidate) => isObject(candidate) && candidate.uid === dashboardUid,
    );
    const panelId = panelForExpr(dashboard, typeof input.expr === "string" ? input.expr : "");
    if (panelId !== undefined) upgraded.panel = { dashboardUid, panelId };
  }
  return dropUndefined(upgraded);
}

/** Whether a stored rule group has alert rules of the old shape. */
export function hasStoredAlerts(group: unknown): boolean {
  return isObject(group) && Array.isArray(group.rules) && group.rules.some(isStoredAlert);
}

/** The project with its old-shape alert rules upgraded, knowing its Grafana URL and dashboards. */
export function upgradeStoredProject(input: unknown): unknown {
  if (!isObject(input) || !Array.isArray(input.ruleGroups)) return input;
  const groups = input.ruleGroups;
  if (!groups.some(hasStoredAlerts)) return input;
  const links = isObject(input.links) ? input.links : {};
  const context: UpgradeContext = {
    // The model's default Grafana URL, as the old generator would have used it.
    grafanaUrl: typeof links.grafanaUrl === "string" ? links.grafanaUrl : "http://localhost:3000",
    dashboards: Array.isArray(input.dashboards) ? input.dashboards : [],
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

function dropUndefined(value: Raw): Raw {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined));
}
