import { checkRefreshInterval, isValidTimeExpression, resolveTimeRange } from "../../dashboard/time-range";
import { parseVariableQuery } from "../../dashboard/variable-query";
import type { Dashboard } from "../dashboard";
import type { Datasource } from "../datasource";
import { IssueCollector, type ModelIssue, type PathSegment } from "../issues";
import type { Variable } from "../variable";
import { referencedVariables } from "./template-variables";

/**
 * Checks of a dashboard's settings: its default time range and refresh interval, and its template
 * variables. They are values the model stores as plain strings but Grafana (and the designer's
 * view) would not understand. Every one is a warning: dashboards that have them were valid before
 * these checks ran in the model, and Grafana still loads them.
 */

export interface DashboardSettingsCheckOptions {
  /**
   * What "now" is, for whether "from" comes after "to" when that depends on the day (a range from
   * 2030-01-01 to now): the designer passes its view's. Without it the check stays pure and judges
   * only ranges whose order does not depend on when they are read.
   */
  now?: number;
}

const INTERVAL = /^\d+(ms|s|m|h|d|w|y)$/;

/**
 * The instant relative ranges are compared at when no "now" is given: a Wednesday noon in
 * mid-month, away from the day, week and month boundaries `now/d`-style rounding snaps to.
 */
const REFERENCE_NOW = Date.UTC(2025, 0, 15, 12);

function regexProblem(regex: string): string | undefined {
  if (regex.trim() === "") return undefined;
  const slashed = /^\/(.*)\/([gimsuy]*)$/.exec(regex.trim());
  try {
    if (slashed) new RegExp(slashed[1] ?? "", slashed[2] ?? "");
    else new RegExp(regex);
    return undefined;
  } catch (error) {
    return `not a regular expression: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Whether a query variable runs on Prometheus, whose queries are `label_values(...)` and its kin. */
function runsOnPrometheus(datasource: string | undefined, datasources: readonly Datasource[]): boolean {
  if (datasource === undefined || datasource.startsWith("$")) return true;
  // An unknown uid is checkDashboard's error; read the query as Prometheus's meanwhile.
  const type = datasources.find((entry) => entry.uid === datasource)?.type;
  return type === undefined || type === "prometheus";
}

function isRelative(text: string): boolean {
  return text.trim().startsWith("now");
}

function checkTime(
  dashboard: Dashboard,
  path: readonly PathSegment[],
  out: IssueCollector,
  now: number | undefined,
): void {
  const { from, to } = dashboard.time;
  const resolved = resolveTimeRange(dashboard.time, {
    now: now ?? REFERENCE_NOW,
    timezone: now === undefined ? "utc" : dashboard.timezone,
  });
  if (resolved.ok) return;
  const bothTimes = isValidTimeExpression(from) && isValidTimeExpression(to);
  // "from" after "to" with one end absolute and the other relative depends on the day it is read.
  if (bothTimes && now === undefined && isRelative(from) !== isRelative(to)) return;
  out.warning([...path, "time", resolved.field], resolved.error);
}

/** Where a query's variables come after it: Grafana resolves variables top to bottom. */
function checkVariableOrder(
  variable: Variable & { type: "query" },
  index: number,
  variables: readonly Variable[],
  path: readonly PathSegment[],
  out: IssueCollector,
): void {
  for (const name of referencedVariables(variable.query)) {
    const later = variables.findIndex((other, position) => position > index && other.name === name);
    if (later !== -1 && !variables.slice(0, index).some((other) => other.name === name)) {
      out.warning(
        [...path, "query"],
        `uses $${name}, which comes after it: move "${variable.name}" below "${name}"`,
      );
    }
  }
}

function checkVariable(
  variable: Variable,
  index: number,
  variables: readonly Variable[],
  datasources: readonly Datasource[],
  path: readonly PathSegment[],
  out: IssueCollector,
): void {
  switch (variable.type) {
    case "query": {
      if (variable.query.trim() !== "" && runsOnPrometheus(variable.datasource, datasources)) {
        const query = parseVariableQuery(variable.query);
        if (query.kind === "unsupported") out.warning([...path, "query"], query.reason);
      }
      const regex = regexProblem(variable.regex);
      if (regex) out.warning([...path, "regex"], regex);
      checkVariableOrder(variable, index, variables, path, out);
      return;
    }
    case "interval": {
      const bad = variable.values.filter((value) => !INTERVAL.test(value));
      if (bad.length > 0) {
        out.warning(
          [...path, "values"],
          `${bad.map((value) => `"${value}"`).join(", ")}: use 30s, 5m, 1h, 1d …`,
        );
      }
      // Grafana's auto interval, kept in `extra` as it stores it; unset values take its defaults.
      const extra = variable.extra ?? {};
      if (extra.auto === true) {
        if (typeof extra.auto_min === "string" && !INTERVAL.test(extra.auto_min)) {
          out.warning(
            [...path, "extra", "auto_min"],
            `"${extra.auto_min}" is not an interval: use 10s, 1m …`,
          );
        }
        const count = extra.auto_count;
        if (typeof count === "number" && (!Number.isInteger(count) || count < 1)) {
          out.warning([...path, "extra", "auto_count"], "the number of steps is a whole number from 1");
        }
      }
      return;
    }
    case "custom":
    case "constant":
    case "datasource":
      return;
    default: {
      const never: never = variable;
      throw new Error(`unknown variable ${JSON.stringify(never)}`);
    }
  }
}

/** Warnings about a dashboard's time defaults, refresh interval and variables, under `path`. */
export function checkDashboardSettings(
  dashboard: Dashboard,
  datasources: readonly Datasource[],
  path: readonly PathSegment[],
  out: IssueCollector,
  options: DashboardSettingsCheckOptions = {},
): void {
  checkTime(dashboard, path, out, options.now);
  const refresh = checkRefreshInterval(dashboard.refresh);
  if (refresh) out.warning([...path, "refresh"], refresh);
  dashboard.variables.forEach((variable, index) => {
    checkVariable(variable, index, dashboard.variables, datasources, [...path, "variables", index], out);
  });
}

/** The settings checks of one dashboard, paths relative to it (`variables[2].query`). */
export function dashboardSettingsIssues(
  dashboard: Dashboard,
  datasources: readonly Datasource[],
  options: DashboardSettingsCheckOptions = {},
): ModelIssue[] {
  const out = new IssueCollector();
  checkDashboardSettings(dashboard, datasources, [], out, options);
  return out.issues;
}
