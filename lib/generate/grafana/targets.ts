import type { DataSourceRef } from "@grafana/schema";
import type { Target } from "../../model";
import { compact } from "../yaml";

/** Query JSON as Grafana's Prometheus plugin saves it from the code editor. */
export type PrometheusTargetJson = {
  datasource: DataSourceRef;
  editorMode: "code";
  expr: string;
  format: "time_series" | "table" | "heatmap";
  hide?: true;
  instant: boolean;
  interval?: string;
  intervalFactor?: number;
  legendFormat: string;
  range: boolean;
  refId: string;
};

/** Query JSON of the grafana-postgresql-datasource plugin in raw SQL mode. */
export type PostgresTargetJson = {
  datasource: DataSourceRef;
  editorMode: "code";
  format: "table" | "time_series";
  hide?: true;
  rawQuery: true;
  rawSql: string;
  refId: string;
};

export type LokiTargetJson = {
  datasource: DataSourceRef;
  editorMode: "code";
  expr: string;
  hide?: true;
  legendFormat?: string;
  queryType: "range" | "instant";
  refId: string;
};

export type GrafanaTargetJson = PrometheusTargetJson | PostgresTargetJson | LokiTargetJson;

/** Keys sorted, as Grafana's JSON export writes them. */
export function toGrafanaTarget(target: Target, datasource: DataSourceRef): GrafanaTargetJson {
  switch (target.kind) {
    case "promql":
      return compact({
        datasource,
        editorMode: "code",
        expr: target.expr,
        format: target.format,
        hide: target.hide === true ? true : undefined,
        instant: target.instant,
        interval: target.interval,
        intervalFactor: target.intervalFactor,
        // "__auto" is what Grafana writes when the legend is left to it.
        legendFormat: target.legendFormat ?? "__auto",
        range: !target.instant,
        refId: target.refId,
      });
    case "sql":
      return compact({
        datasource,
        editorMode: "code",
        format: target.format,
        hide: target.hide === true ? true : undefined,
        rawQuery: true as const,
        rawSql: target.rawSql,
        refId: target.refId,
      });
    case "logql": {
      const queryType: LokiTargetJson["queryType"] = target.instant ? "instant" : "range";
      return compact({
        datasource,
        editorMode: "code",
        expr: target.expr,
        hide: target.hide === true ? true : undefined,
        legendFormat: target.legendFormat,
        queryType,
        refId: target.refId,
      });
    }
    default: {
      const exhaustive: never = target;
      throw new Error(`unknown target kind ${JSON.stringify(exhaustive)}`);
    }
  }
}
