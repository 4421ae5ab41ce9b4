import type { Datasource } from "@/lib/model/datasource";
import type { Variable } from "@/lib/model/variable";
import { AUTO_OPTION, autoInterval, autoIntervalValue } from "@/lib/preview/auto-interval";
import { intervalAutoOf } from "./variable-ops";

/**
 * Template variables in the designer: what a query variable asks Prometheus (Grafana's
 * `label_values(...)` family), which values the drop-down offers, what is selected by default,
 * and how the selection travels to the preview API as `var-<name>` parameters.
 */

/** Grafana's stored value for "All". */
export const ALL = "$__all";

// The query's grammar is shared with the model's checks.
export { parseVariableQuery, splitTopLevel, type VariableQuery } from "@/lib/dashboard/variable-query";

/**
 * Grafana's variable regex: values that do not match are dropped; with a capture group the
 * first group (or the one named `text` or `value`) becomes the value, without one the whole value
 * stays (Grafana's metricNamesToVariableValues: `metrics(^node_)` lists `node_load1`, not `node_`).
 */
export function applyVariableRegex(values: readonly string[], regex: string): string[] {
  if (regex.trim() === "") return [...new Set(values)];
  const slashed = /^\/(.*)\/([gimsuy]*)$/.exec(regex.trim());
  let pattern: RegExp;
  try {
    pattern = slashed ? new RegExp(slashed[1] ?? "", (slashed[2] ?? "").replace("g", "")) : new RegExp(regex);
  } catch {
    return [...new Set(values)];
  }
  const out: string[] = [];
  for (const value of values) {
    const match = pattern.exec(value);
    if (!match) continue;
    const picked = match.groups?.value ?? match.groups?.text ?? match[1] ?? value;
    if (picked !== undefined && !out.includes(picked)) out.push(picked);
  }
  return out;
}

/** What query_result(...) lists: each series as `name{labels} value timestamp`, as Grafana writes it. */
export function queryResultTexts(
  result: readonly { metric: Record<string, string>; value?: readonly [number, string] }[],
): string[] {
  return result.map((sample) => {
    const { __name__: name = "", ...labels } = sample.metric;
    const labelText = Object.entries(labels)
      .map(([key, value]) => `${key}="${value}"`)
      .join(",");
    const [time, value] = sample.value ?? [0, ""];
    return `${name}{${labelText}} ${value} ${Math.round(time * 1000)}`;
  });
}

/** Options every variable offers without asking Prometheus; query variables return undefined. */
export function staticOptions(variable: Variable, datasources: readonly Datasource[]): string[] | undefined {
  switch (variable.type) {
    case "custom":
      return variable.values;
    case "interval":
      // Grafana lists its "auto" option first.
      return intervalAutoOf(variable).enabled ? [AUTO_OPTION, ...variable.values] : variable.values;
    case "constant":
      return [variable.value];
    case "datasource":
      return datasources.filter((ds) => ds.type === variable.datasourceType).map((ds) => ds.uid);
    case "query":
      return undefined;
    default: {
      const never: never = variable;
      throw new Error(`unknown variable ${JSON.stringify(never)}`);
    }
  }
}

export function allowsAll(variable: Variable): boolean {
  return (variable.type === "custom" || variable.type === "query") && variable.includeAll;
}

export function allowsMany(variable: Variable): boolean {
  return (variable.type === "custom" || variable.type === "query") && variable.multi;
}

/** The selection a variable starts with: All when it offers All, else its first option. */
export function defaultSelection(variable: Variable, options: readonly string[]): string[] {
  const stored = (variable.current ?? []).filter((value) =>
    value === ALL ? allowsAll(variable) : options.length === 0 || options.includes(value),
  );
  if (stored.length > 0) return allowsMany(variable) ? stored : stored.slice(0, 1);
  if (allowsAll(variable)) return [ALL];
  const first = options[0];
  return first === undefined ? [] : [first];
}

/** A selection that still fits the options: values that disappeared are dropped. */
export function reconcileSelection(
  variable: Variable,
  selection: readonly string[] | undefined,
  options: readonly string[],
): string[] {
  if (selection === undefined || selection.length === 0) return defaultSelection(variable, options);
  if (selection.includes(ALL)) return allowsAll(variable) ? [ALL] : defaultSelection(variable, options);
  const kept = selection.filter((value) => options.includes(value));
  if (kept.length > 0) return allowsMany(variable) ? kept : kept.slice(0, 1);
  // Options not loaded yet: keep what was chosen rather than flicker to the default.
  return options.length === 0 ? [...selection] : defaultSelection(variable, options);
}

/**
 * The `var-<name>` values the preview API interpolates with: "All" of a custom variable is its
 * every value (so `=~"$x"` gets `(a|b)`); "All" of a query variable stays `$__all`, which the
 * server reads as `.*`, since its values live in Prometheus. A custom all value (`allValue`, e.g.
 * `.+`) goes along as `allValue-<name>`: "All" then stands for it, written as it is, as in Grafana.
 */
export function variableParams(
  variables: readonly Variable[],
  selections: Readonly<Record<string, readonly string[]>>,
  datasources: readonly Datasource[],
  /** The time range's length, for an interval variable's "auto" (else the auto option goes as is). */
  rangeMs?: number,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const variable of variables) {
    const options = staticOptions(variable, datasources) ?? [];
    const selection = reconcileSelection(variable, selections[variable.name], options);
    let values: string[];
    const allValue = variable.type === "custom" || variable.type === "query" ? variable.allValue : undefined;
    if (variable.type === "constant") values = [variable.value];
    else if (selection.includes(ALL) && allValue !== undefined) {
      values = [ALL];
      out[`allValue-${variable.name}`] = [allValue];
    } else if (selection.includes(ALL)) values = variable.type === "custom" ? [...options] : [ALL];
    else values = selection;
    if (variable.type === "interval" && rangeMs !== undefined)
      values = values.map((value) => autoValue(variable, value, rangeMs));
    if (values.length > 0) out[`var-${variable.name}`] = values;
  }
  return out;
}

/** An interval variable's "auto" (or Grafana's `$__auto_interval_<name>`) as the interval it stands for now. */
function autoValue(
  variable: Extract<Variable, { type: "interval" }>,
  value: string,
  rangeMs: number,
): string {
  if (value !== AUTO_OPTION && value !== autoIntervalValue(variable.name)) return value;
  const auto = intervalAutoOf(variable);
  return auto.enabled ? autoInterval(rangeMs, auto.count, auto.min) : value;
}

/** The datasource uid a `$var` reference stands for, or the reference itself when it names one. */
export function resolveDatasourceRef(
  ref: string | undefined,
  selections: Readonly<Record<string, readonly string[]>>,
): string | undefined {
  if (ref === undefined) return undefined;
  const variable = /^\$\{?(\w+)\}?$/.exec(ref)?.[1];
  if (!variable) return ref;
  const chosen = selections[variable]?.[0];
  return chosen === undefined || chosen === ALL ? undefined : chosen;
}

/** How the drop-down labels a selection. */
export function selectionLabel(selection: readonly string[]): string {
  if (selection.includes(ALL)) return "All";
  if (selection.length === 0) return "(none)";
  return selection.join(" + ");
}
