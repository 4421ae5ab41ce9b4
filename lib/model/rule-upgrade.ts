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
 *   needs the project's Grafana URL, so the project-level upgrade does it (project-upgrade.ts);
 *   a rule parsed alone (only the editor sends those, in the new shape) drops it.
 * The rule-level upgrade reads no PromQL, so the model's schemas stay free of Prometheus's parser
 * (which the browser's first JavaScript would otherwise carry); finding the panel does.
 */

type Raw = Record<string, unknown>;

export interface UpgradeContext {
  grafanaUrl: string;
  /** The panel of the stored dashboard `dashboardUid` that graphs `expr`, if any. */
  panelFor: (dashboardUid: string, expr: string) => number | undefined;
}

export function isObject(value: unknown): value is Raw {
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
    const panelId = context.panelFor(dashboardUid, typeof input.expr === "string" ? input.expr : "");
    if (panelId !== undefined) upgraded.panel = { dashboardUid, panelId };
  }
  return dropUndefined(upgraded);
}

/** Whether a stored rule group has alert rules of the old shape. */
export function hasStoredAlerts(group: unknown): boolean {
  return isObject(group) && Array.isArray(group.rules) && group.rules.some(isStoredAlert);
}

function dropUndefined(value: Raw): Raw {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined));
}
