import type { DashboardInput, FrameworkVersion } from "../../model";
import type { CatalogContext } from "../context";
import { sqlTarget } from "../factories";

/** Helpers the catalog dashboards share: version switches, label matchers, variables, targets. */

export type VariableInput = NonNullable<DashboardInput["variables"]>[number];

/** Picks the variant for the project's FraiseQL version; a Record keeps it exhaustive. */
export function byVersion<T>(context: CatalogContext, variants: Readonly<Record<FrameworkVersion, T>>): T {
  return variants[context.version];
}

/** Escapes text for a double-quoted PromQL or LogQL string. */
export function quoted(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/**
 * Matchers selecting the application's series on the instances picked in `$instance`, for use
 * inside `{}`: `job="fraiseql",instance=~"$instance"` plus any extra matchers.
 */
export function appMatchers(context: CatalogContext, ...extra: string[]): string {
  return [`job=${quoted(context.appJob)}`, 'instance=~"$instance"', ...extra].join(",");
}

/** A series every scraped FraiseQL instance has, to list instances from. */
export function instanceSourceMetric(context: CatalogContext): string {
  // v1's GraphQL counters are fed only by an opt-in decorator; its HTTP middleware always runs.
  return byVersion(context, { v2: "fraiseql_graphql_queries_total", v1: "fraiseql_http_requests_total" });
}

/** `instance` variable listing the application's instances, multi-select with "All". */
export function instanceVariable(context: CatalogContext): VariableInput {
  return {
    type: "query",
    name: "instance",
    label: "Instance",
    datasource: context.prometheusUid,
    query: `label_values(${instanceSourceMetric(context)}{job=${quoted(context.appJob)}}, instance)`,
    multi: true,
    includeAll: true,
    refresh: "timeRange",
  };
}

/** Query variable over the project's Prometheus, multi-select with "All". */
export function prometheusLabelVariable(
  context: CatalogContext,
  name: string,
  label: string,
  query: string,
): VariableInput {
  return {
    type: "query",
    name,
    label,
    datasource: context.prometheusUid,
    query,
    multi: true,
    includeAll: true,
    refresh: "timeRange",
  };
}

/** An SQL query against the application's PostgreSQL datasource. */
export function postgresTarget(
  context: CatalogContext,
  rawSql: string,
  format: "table" | "time_series" = "table",
): ReturnType<typeof sqlTarget> & { datasource: string } {
  return { ...sqlTarget(rawSql, format), datasource: context.postgresUid };
}

/** A LogQL query against the project's Loki. */
export function lokiTarget(
  context: CatalogContext,
  expr: string,
  legendFormat?: string,
): { kind: "logql"; refId: string; datasource: string; expr: string; legendFormat?: string } {
  return { kind: "logql", refId: "A", datasource: context.lokiUid, expr, legendFormat };
}

/** Stream selector for the application's logs. */
export function appLogSelector(context: CatalogContext): string {
  return `{app=${quoted(context.appName)}}`;
}

type LegendCalc = "min" | "max" | "mean" | "last" | "lastNotNull" | "sum";

/** Legend as a table below the graph, with the values people compare. */
export function tableLegend(calcs: LegendCalc[] = ["mean", "max", "lastNotNull"]): {
  displayMode: "table";
  placement: "bottom";
  calcs: LegendCalc[];
} {
  return { displayMode: "table", placement: "bottom", calcs };
}

/** The description prefix for panels that query series FraiseQL does not expose. */
export function requiresMetrics(names: readonly string[], why: string): string {
  const list = names.map((name) => `\`${name}\``).join(", ");
  return `Requires the application to expose ${list}. ${why}`;
}

/** `sum(rate(metric{app matchers}[$__rate_interval]))`, optionally `by` some labels. */
export function appRate(
  context: CatalogContext,
  metric: string,
  options: { by?: string; extra?: string[] } = {},
): string {
  const grouping = options.by ? ` by (${options.by}) ` : "";
  return `sum${grouping}(rate(${metric}{${appMatchers(context, ...(options.extra ?? []))}}[$__rate_interval]))`;
}

/** `histogram_quantile(q, sum by (le) (rate(<histogram>_bucket{app matchers}[$__rate_interval])))` */
export function appQuantile(
  context: CatalogContext,
  quantile: number,
  bucketMetric: string,
  by = "",
): string {
  const labels = by ? `${by}, le` : "le";
  return `histogram_quantile(${quantile}, ${appRate(context, bucketMetric, { by: labels })})`;
}
