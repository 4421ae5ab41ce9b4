import type { DataSourceRef } from "@grafana/schema";
import type { Dashboard, DatasourceType, Panel, Project, Target, TargetKind } from "../../model";
import { resolveDatasource } from "../../model/checks/dashboards";
import { GRAFANA_PLUGIN_ID } from "./plugin-ids";

const TARGET_DATASOURCE_TYPE: Record<TargetKind, DatasourceType> = {
  promql: "prometheus",
  sql: "postgres",
  logql: "loki",
};

/** What Grafana puts on a panel whose queries go to different datasources. */
export const MIXED_DATASOURCE: DataSourceRef = { type: "datasource", uid: "-- Mixed --" };

/** `$ds` or `${ds}` → `ds`. */
function variableName(reference: string): string {
  return /^\$\{?(\w+)\}?$/.exec(reference)?.[1] ?? reference.slice(1);
}

/**
 * The datasource a query runs on: an explicit uid, a `$variable`, or else the project's default
 * datasource of the wanted type (the same resolution checkProject validates).
 */
export function datasourceRef(
  project: Project,
  dashboard: Dashboard,
  wanted: DatasourceType,
  uid: string | undefined,
): DataSourceRef {
  if (uid?.startsWith("$")) {
    const name = variableName(uid);
    const variable = dashboard.variables.find((v) => v.name === name);
    const type = variable?.type === "datasource" ? variable.datasourceType : wanted;
    return { type: GRAFANA_PLUGIN_ID[type], uid: `\${${name}}` };
  }
  const datasource = resolveDatasource(project.datasources, wanted, uid);
  if (datasource) return { type: GRAFANA_PLUGIN_ID[datasource.type], uid: datasource.uid };
  // checkProject reports the missing datasource; the generator still writes what the model says.
  return uid === undefined ? { type: GRAFANA_PLUGIN_ID[wanted] } : { type: GRAFANA_PLUGIN_ID[wanted], uid };
}

export function targetDatasourceRef(
  project: Project,
  dashboard: Dashboard,
  panel: Exclude<Panel, { type: "row" }>,
  target: Target,
): DataSourceRef {
  return datasourceRef(
    project,
    dashboard,
    TARGET_DATASOURCE_TYPE[target.kind],
    target.datasource ?? panel.datasource,
  );
}

/** The panel-level datasource: the one every query uses, or Grafana's "-- Mixed --". */
export function panelDatasourceRef(targetRefs: readonly DataSourceRef[]): DataSourceRef | undefined {
  const [first, ...rest] = targetRefs;
  if (!first) return undefined;
  const same = rest.every((ref) => ref.type === first.type && ref.uid === first.uid);
  return same ? first : MIXED_DATASOURCE;
}
