import { checkLogql } from "../../logql/parse";
import { analyzeDashboardPromql } from "../../promql/parse";
import type { Dashboard } from "../dashboard";
import type { Datasource, DatasourceType } from "../datasource";
import type { IssueCollector, PathSegment } from "../issues";
import { type GridPos, type Panel, panelTargets, type Target } from "../panel";
import { checkDashboardSettings } from "./dashboard-settings";
import { isBuiltinVariable, referencedVariables } from "./template-variables";

/** Where they were first defined; importers keep reading them from here. */
export { isBuiltinVariable, referencedVariables };

const GRID_COLUMNS = 24;

const TARGET_DATASOURCE: Record<Target["kind"], DatasourceType> = {
  promql: "prometheus",
  sql: "postgres",
  logql: "loki",
};

/** The type of datasource a query of this kind runs on. */
export function targetDatasourceType(kind: Target["kind"]): DatasourceType {
  return TARGET_DATASOURCE[kind];
}

function overlaps(a: GridPos, b: GridPos): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function targetText(target: Target): string {
  return target.kind === "sql" ? target.rawSql : target.expr;
}

export function resolveDatasource(
  datasources: readonly Datasource[],
  type: DatasourceType,
  uid: string | undefined,
): Datasource | undefined {
  if (uid !== undefined) return datasources.find((ds) => ds.uid === uid);
  return (
    datasources.find((ds) => ds.type === type && ds.isDefault) ?? datasources.find((ds) => ds.type === type)
  );
}

function checkTarget(
  target: Target,
  panel: Panel,
  datasources: readonly Datasource[],
  variables: ReadonlySet<string>,
  path: PathSegment[],
  out: IssueCollector,
): void {
  const wanted = TARGET_DATASOURCE[target.kind];
  // A `$datasource` variable stands in for a datasource uid at run time.
  const uid = target.datasource ?? (panel.type === "row" ? undefined : panel.datasource);
  if (uid === undefined || !uid.startsWith("$")) {
    const datasource = resolveDatasource(datasources, wanted, uid);
    if (!datasource) {
      out.error(
        [...path, "datasource"],
        uid === undefined
          ? `no ${wanted} datasource in the project for this ${target.kind} query`
          : `unknown datasource "${uid}"`,
      );
    } else if (datasource.type !== wanted) {
      out.error(
        [...path, "datasource"],
        `datasource "${datasource.uid}" is ${datasource.type}, not ${wanted}`,
      );
    }
  }
  if (target.kind === "promql") {
    const { error, warnings } = analyzeDashboardPromql(target.expr);
    if (error) out.error([...path, "expr"], `parse error at ${error.position}: ${error.message}`);
    for (const warning of warnings) {
      out.warning([...path, "expr"], `at ${warning.position}: ${warning.message}`);
    }
  } else if (target.kind === "logql") {
    const problem = checkLogql(target.expr);
    if (problem) out.error([...path, "expr"], `parse error at ${problem.position}: ${problem.message}`);
  }
  for (const name of referencedVariables(targetText(target))) {
    if (!variables.has(name) && !isBuiltinVariable(name)) {
      out.error([...path, target.kind === "sql" ? "rawSql" : "expr"], `unknown template variable $${name}`);
    }
  }
}

export function checkDashboard(
  dashboard: Dashboard,
  datasources: readonly Datasource[],
  path: PathSegment[],
  out: IssueCollector,
): void {
  const variables = new Set<string>();
  dashboard.variables.forEach((variable, index) => {
    if (variables.has(variable.name)) {
      out.error([...path, "variables", index, "name"], `duplicate variable "${variable.name}"`);
    }
    variables.add(variable.name);
    if (variable.type === "query" && variable.datasource && !variable.datasource.startsWith("$")) {
      if (!datasources.some((ds) => ds.uid === variable.datasource)) {
        out.error([...path, "variables", index, "datasource"], `unknown datasource "${variable.datasource}"`);
      }
    }
  });

  const seenIds = new Map<number, number>();
  dashboard.panels.forEach((panel, index) => {
    const panelPath = [...path, "panels", index];
    const earlier = seenIds.get(panel.id);
    if (earlier !== undefined) {
      out.error([...panelPath, "id"], `duplicate panel id ${panel.id} (also panels[${earlier}])`);
    } else {
      seenIds.set(panel.id, index);
    }
    const { x, w } = panel.gridPos;
    if (x + w > GRID_COLUMNS) {
      out.error([...panelPath, "gridPos"], `x + w = ${x + w} exceeds the ${GRID_COLUMNS}-column grid`);
    }
    if (panel.type === "row" && (x !== 0 || w !== GRID_COLUMNS)) {
      out.error([...panelPath, "gridPos"], "a row spans the whole grid: x 0, w 24");
    }
    for (let other = 0; other < index; other++) {
      const otherPanel = dashboard.panels[other];
      if (otherPanel && overlaps(panel.gridPos, otherPanel.gridPos)) {
        out.error([...panelPath, "gridPos"], `overlaps panels[${other}] ("${otherPanel.title}")`);
        break;
      }
    }
    if (panel.type !== "row" && panel.thresholds) {
      const steps = panel.thresholds.steps;
      if (steps[0]?.value !== null) {
        out.error(
          [...panelPath, "thresholds", "steps", 0, "value"],
          "the first threshold step is the base: null",
        );
      }
      for (let i = 2; i < steps.length; i++) {
        const previous = steps[i - 1]?.value;
        const current = steps[i]?.value;
        if (previous != null && current != null && current <= previous) {
          out.error([...panelPath, "thresholds", "steps", i, "value"], "threshold steps must increase");
        }
      }
    }
    panelTargets(panel).forEach((target, targetIndex) => {
      checkTarget(target, panel, datasources, variables, [...panelPath, "targets", targetIndex], out);
    });
    const refIds = new Set<string>();
    panelTargets(panel).forEach((target, targetIndex) => {
      if (refIds.has(target.refId)) {
        out.error([...panelPath, "targets", targetIndex, "refId"], `duplicate refId "${target.refId}"`);
      }
      refIds.add(target.refId);
    });
  });
}

export function checkDashboards(
  dashboards: readonly Dashboard[],
  datasources: readonly Datasource[],
  out: IssueCollector,
): void {
  const uids = new Map<string, number>();
  dashboards.forEach((dashboard, index) => {
    const earlier = uids.get(dashboard.uid);
    if (earlier !== undefined) {
      out.error(
        ["dashboards", index, "uid"],
        `duplicate dashboard uid "${dashboard.uid}" (also dashboards[${earlier}])`,
      );
    } else {
      uids.set(dashboard.uid, index);
    }
    checkDashboard(dashboard, datasources, ["dashboards", index], out);
    checkDashboardSettings(dashboard, datasources, ["dashboards", index], out);
  });
}
