import type { DatasourceType } from "../../model";

/** Grafana's plugin id for each kind of datasource the model knows. */
export const GRAFANA_PLUGIN_ID: Record<DatasourceType, string> = {
  prometheus: "prometheus",
  loki: "loki",
  // The core plugin was renamed from "postgres" in Grafana 10.
  postgres: "grafana-postgresql-datasource",
};
