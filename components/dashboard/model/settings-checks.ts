import { checkRefreshInterval, resolveTimeRange } from "@/lib/dashboard/time-range";
import { referencedVariables } from "@/lib/model/checks/dashboards";
import type { Dashboard } from "@/lib/model/dashboard";
import type { Datasource } from "@/lib/model/datasource";
import { IssueCollector, type ModelIssue } from "@/lib/model/issues";
import type { Variable } from "@/lib/model/variable";
import { relativePath } from "./issues";
import { intervalAutoOf } from "./variable-ops";
import { parseVariableQuery } from "./variables";

/**
 * What the settings view warns about beyond the model's own checks: values the model stores as
 * plain strings but Grafana (and the designer's view) would not understand. They are warnings:
 * the model accepts them, so they never stop a save. Paths are relative to the dashboard, like
 * the draft's issues, so one field shows both.
 */

const INTERVAL = /^\d+(ms|s|m|h|d|w|y)$/;

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
  // An unknown uid is the model's own error; read the query as Prometheus's meanwhile.
  const type = datasources.find((entry) => entry.uid === datasource)?.type;
  return type === undefined || type === "prometheus";
}

function checkVariable(
  variable: Variable,
  index: number,
  variables: readonly Variable[],
  datasources: readonly Datasource[],
  out: IssueCollector,
): void {
  const path = ["variables", index];
  switch (variable.type) {
    case "query": {
      if (variable.query.trim() !== "" && runsOnPrometheus(variable.datasource, datasources)) {
        const query = parseVariableQuery(variable.query);
        if (query.kind === "unsupported") out.warning([...path, "query"], query.reason);
      }
      const regex = regexProblem(variable.regex);
      if (regex) out.warning([...path, "regex"], regex);
      for (const name of referencedVariables(variable.query)) {
        const later = variables.findIndex((other, position) => position > index && other.name === name);
        if (later !== -1 && !variables.slice(0, index).some((other) => other.name === name)) {
          out.warning(
            [...path, "query"],
            `uses $${name}, which comes after it: move "${variable.name}" below "${name}"`,
          );
        }
      }
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
      const auto = intervalAutoOf(variable);
      if (auto.enabled && !INTERVAL.test(auto.min)) {
        out.warning([...path, "extra", "auto_min"], `"${auto.min}" is not an interval: use 10s, 1m …`);
      }
      if (auto.enabled && (!Number.isInteger(auto.count) || auto.count < 1)) {
        out.warning([...path, "extra", "auto_count"], "the number of steps is a whole number from 1");
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

/** Warnings about the dashboard's time defaults and its variables, paths relative to the dashboard. */
export function settingsChecks(
  dashboard: Dashboard,
  datasources: readonly Datasource[],
  now: number,
): ModelIssue[] {
  const out = new IssueCollector();
  const time = resolveTimeRange(dashboard.time, { now, timezone: dashboard.timezone });
  if (!time.ok) out.warning(["time", time.field], time.error);
  const refresh = checkRefreshInterval(dashboard.refresh);
  if (refresh) out.warning(["refresh"], refresh);
  dashboard.variables.forEach((variable, index) => {
    checkVariable(variable, index, dashboard.variables, datasources, out);
  });
  return out.issues;
}

/** The issues of `variables[index]`, relative to the variable (`query`, `name`, `(root)`). */
export function issuesOfVariable(issues: readonly ModelIssue[], index: number): ModelIssue[] {
  const out: ModelIssue[] = [];
  for (const issue of issues) {
    const path = relativePath(issue.path, `variables[${index}]`);
    if (path !== undefined) out.push({ ...issue, path });
  }
  return out;
}
