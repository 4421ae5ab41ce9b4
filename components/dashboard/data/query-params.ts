import type { Datasource } from "@/lib/model/datasource";
import { type Panel, panelTargets, type Target } from "@/lib/model/panel";
import type { Variable } from "@/lib/model/variable";
import { referencedVariables } from "@/lib/preview/interpolate";
import { parseDuration } from "@/lib/model/common";
import { chooseStep, previewScrapeSeconds, queryStep, widthForStep } from "@/lib/preview/step";
import { resolveDatasourceRef, variableParams } from "../model/variables";

/**
 * What one panel query asks the preview API: which endpoint and with which parameters. Pure, so
 * the React Query key (built from the same parameters) changes exactly when the request does.
 */

export interface QueryContext {
  /** Epoch milliseconds of the view's range. */
  from: number;
  to: number;
  /** Pixels the panel draws in: the step is picked from it. */
  widthPx: number;
  variables: readonly Variable[];
  selections: Readonly<Record<string, readonly string[]>>;
  datasources: readonly Datasource[];
  /** The project's scrape interval, for datasources without their own: the step is never finer. */
  scrapeInterval: string;
  /** Variables whose value is not known until their options come: queries using them wait. */
  unknownVariables: readonly string[];
}

export type PlannedQuery =
  | {
      kind: "preview";
      refId: string;
      endpoint: "query" | "query_range";
      params: Record<string, string | string[]>;
      /** The variables the request depends on: its query's and its datasource's. */
      variables: string[];
    }
  | { kind: "unsupported"; refId: string; message: string };

/** The queries a panel runs: not the hidden ones, which Grafana's datasources drop (filterQuery). */
export function runTargets(panel: Panel): Target[] {
  return panelTargets(panel).filter((target) => target.hide !== true);
}

/** A query's min step in seconds; unset for none or a variable (`$__interval`), which Grafana ignores here. */
function minIntervalSeconds(interval: string | undefined): number | undefined {
  const ms = interval ? parseDuration(interval) : undefined;
  return ms === undefined ? undefined : ms / 1000;
}

export function planQuery(panel: Panel, target: Target, context: QueryContext): PlannedQuery {
  if (target.kind !== "promql") {
    return {
      kind: "unsupported",
      refId: target.refId,
      message:
        target.kind === "sql"
          ? "SQL queries run in Grafana against PostgreSQL; the designer previews Prometheus queries only"
          : "LogQL queries run in Grafana against Loki; the designer previews Prometheus queries only",
    };
  }
  const datasourceRef = target.datasource ?? (panel.type === "row" ? undefined : panel.datasource);
  const resolved = resolveDatasourceRef(datasourceRef, context.selections);
  const datasource = resolved !== undefined && !resolved.startsWith("$") ? resolved : undefined;
  const start = Math.floor(context.from / 1000);
  const end = Math.floor(context.to / 1000);
  // As the server reads them: an instant query's `range` is at least a second.
  const rangeSeconds = target.instant ? Math.max(1, end - start) : Math.max(0, end - start);
  // Not the panel's width but the narrowest with the same step: a resize that keeps the step
  // keeps the request, its key and its cached answer.
  const chosen = chooseStep({
    rangeSeconds,
    widthPx: context.widthPx,
    scrapeIntervalSeconds: previewScrapeSeconds(context, datasource),
  });
  const width = widthForStep(rangeSeconds, chosen);
  // Only the variables the query uses: a panel neither waits for nor refetches on the others.
  const variables = [
    ...new Set([...referencedVariables(target.expr), ...referencedVariables(datasourceRef ?? "")]),
  ];
  const used = context.variables.filter((variable) => variables.includes(variable.name));
  const params: Record<string, string | string[]> = {
    query: target.expr,
    width: String(width),
    ...variableParams(used, context.selections, context.datasources, context.to - context.from),
  };
  if (datasource !== undefined) params.datasource = datasource;
  if (target.instant) {
    params.time = String(end);
    params.range = `${rangeSeconds}s`;
    return { kind: "preview", refId: target.refId, endpoint: "query", params, variables };
  }
  params.start = String(start);
  params.end = String(end);
  // The query's min step and resolution, as Grafana applies them; the server picks the rest.
  const step = queryStep(chosen, {
    minIntervalSeconds: minIntervalSeconds(target.interval),
    intervalFactor: target.intervalFactor,
  });
  if (step !== chosen) params.step = `${step}s`;
  return { kind: "preview", refId: target.refId, endpoint: "query_range", params, variables };
}
