import type { Datasource } from "@/lib/model/datasource";
import type { Panel, Target } from "@/lib/model/panel";
import type { Variable } from "@/lib/model/variable";
import { resolveDatasourceRef, variableParams } from "../model/variables";

/**
 * What one panel query asks the preview API: which endpoint and with which parameters. Pure, so
 * the React Query key (built from the same parameters) changes exactly when the request does.
 */

export interface QueryContext {
  /** Epoch milliseconds of the view's range. */
  from: number;
  to: number;
  /** Pixels the panel draws in: the server picks the step from it. */
  widthPx: number;
  variables: readonly Variable[];
  selections: Readonly<Record<string, readonly string[]>>;
  datasources: readonly Datasource[];
}

export type PlannedQuery =
  | {
      kind: "preview";
      refId: string;
      endpoint: "query" | "query_range";
      params: Record<string, string | string[]>;
    }
  | { kind: "unsupported"; refId: string; message: string };

/** Widths rounded to 50 px, so resizing by a few pixels does not refetch. */
export function roundedWidth(widthPx: number): number {
  return Math.max(50, Math.min(10_000, Math.round(widthPx / 50) * 50));
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
  const params: Record<string, string | string[]> = {
    query: target.expr,
    width: String(roundedWidth(context.widthPx)),
    ...variableParams(context.variables, context.selections, context.datasources),
  };
  const datasource = resolveDatasourceRef(
    target.datasource ?? (panel.type === "row" ? undefined : panel.datasource),
    context.selections,
  );
  if (datasource !== undefined && !datasource.startsWith("$")) params.datasource = datasource;
  const start = Math.floor(context.from / 1000);
  const end = Math.floor(context.to / 1000);
  if (target.instant) {
    params.time = String(end);
    params.range = `${Math.max(1, end - start)}s`;
    return { kind: "preview", refId: target.refId, endpoint: "query", params };
  }
  params.start = String(start);
  params.end = String(end);
  return { kind: "preview", refId: target.refId, endpoint: "query_range", params };
}
