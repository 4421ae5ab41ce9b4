import { type AlertingRule, type AlertingRuleInput, AlertingRuleSchema, panelForExpr } from "../../model";
import type { CatalogContext } from "../context";
import { catalogDashboards } from "../dashboards";
import { byVersion, quoted } from "../dashboards/shared";

/** Helpers the catalog alert rules share: rule parsing, test series, runbook layout, commands. */

export { byVersion, quoted };

/** uids of the catalog dashboards an alert can link to. */
export const DASHBOARD_UIDS = {
  operations: "fraiseql-operations",
  cache: "fraiseql-cache",
  database: "fraiseql-database",
  errors: "fraiseql-errors",
  userActivity: "fraiseql-user-activity",
  compliance: "fraiseql-compliance",
  performance: "fraiseql-performance",
  postgres: "fraiseql-postgres",
  infrastructure: "fraiseql-infrastructure",
} as const;

/** A catalog rule as written: labels and annotations explicit, the dashboard that graphs it by uid. */
export interface CatalogRuleInput extends Omit<AlertingRuleInput, "kind" | "panel"> {
  dashboardUid?: string;
}

/**
 * Parses through the model schema so every catalog rule gets the model's defaults and checks. The
 * dashboard becomes a link to the catalog dashboard's panel that graphs the rule's metrics.
 */
export function defineRule(
  context: CatalogContext,
  { dashboardUid, ...input }: CatalogRuleInput,
): AlertingRule {
  const dashboard = dashboardUid
    ? catalogDashboards.map((entry) => entry.build(context)).find((built) => built.uid === dashboardUid)
    : undefined;
  const panelId = dashboard ? panelForExpr(dashboard, input.expr) : undefined;
  const panel = dashboardUid && panelId !== undefined ? { dashboardUid, panelId } : undefined;
  return AlertingRuleSchema.parse({ kind: "alert", ...input, panel });
}

/** `job="<app job>"`, the matcher selecting the application's own series. */
export function appJob(context: CatalogContext): string {
  return `job=${quoted(context.appJob)}`;
}

/** Target labels Prometheus attaches to the application's series in the unit tests. */
export function appTarget(context: CatalogContext): { job: string; instance: string } {
  return { job: context.appJob, instance: "app:8000" };
}

export const NODE_TARGET = { job: "node", instance: "node-exporter:9100" };
export const POSTGRES_TARGET = { job: "postgres", instance: "postgres-exporter:9187" };

/** One promtool input series: `name{label="value",…}` and its values in expanding notation. */
export function series(
  name: string,
  labels: Record<string, string>,
  values: string,
): { series: string; values: string } {
  const matchers = Object.entries(labels).map(([label, value]) => `${label}=${quoted(value)}`);
  return { series: matchers.length === 0 ? name : `${name}{${matchers.join(",")}}`, values };
}

export interface RunbookSections {
  meaning: string;
  impact: string;
  /** Steps, each usually a sentence followed by a fenced command or query. */
  diagnosis: readonly string[];
  mitigation: readonly string[];
}

/** A runbook body in the sections responders expect: Meaning, Impact, Diagnosis, Mitigation. */
export function runbook(sections: RunbookSections): string {
  return [
    "## Meaning",
    "",
    sections.meaning,
    "",
    "## Impact",
    "",
    sections.impact,
    "",
    "## Diagnosis",
    "",
    sections.diagnosis.map((step, index) => `${index + 1}. ${indentContinuation(step)}`).join("\n"),
    "",
    "## Mitigation",
    "",
    sections.mitigation.map((step) => `- ${indentContinuation(step)}`).join("\n"),
    "",
  ].join("\n");
}

/** Indents every line after the first so fenced blocks stay inside their list item. */
function indentContinuation(step: string): string {
  return step
    .split("\n")
    .map((line, index) => (index === 0 || line === "" ? line : `   ${line}`))
    .join("\n");
}

/** A fenced block for a list item. */
export function code(language: "promql" | "logql" | "shell" | "sql", text: string): string {
  return `\n\`\`\`${language}\n${text}\n\`\`\``;
}

/** Fetches the application's own /metrics the way Prometheus does (v2 needs its bearer token). */
export function metricsCurl(context: CatalogContext, pattern: string): string {
  return byVersion(context, {
    v2: `curl -s -H "Authorization: Bearer $FRAISEQL_METRICS_TOKEN" http://<app-host>:8000/metrics | grep -E '${pattern}'`,
    v1: `curl -s http://<app-host>:8000/metrics | grep -E '${pattern}'`,
  });
}

/** The application's liveness and readiness endpoints (v2 `/readiness`, v1 `/ready`). */
export function healthCurl(context: CatalogContext): string {
  const readiness = byVersion(context, { v2: "/readiness", v1: "/ready" });
  return `curl -si http://<app-host>:8000/health\ncurl -si http://<app-host>:8000${readiness}`;
}

/** The application's log lines in Loki matching a case-insensitive regular expression. */
export function appLogs(context: CatalogContext, pattern: string): string {
  return `{app=${quoted(context.appName)}} |~ ${quoted(`(?i)${pattern}`)}`;
}

/** Error lines of the application in Loki, optionally narrowed by a further line filter. */
export function errorLogs(context: CatalogContext, filter = ""): string {
  return `${appLogs(context, "error")}${filter}`;
}

/** The FraiseQL flavour named in prose. */
export function fraiseqlName(context: CatalogContext): string {
  return byVersion(context, { v2: "FraiseQL v2", v1: "FraiseQL v1" });
}
