import type { VariableHide, VariableModel, VariableOption } from "@grafana/schema";
import type { JsonObject } from "../../dashboard/grafana-import/json";
import {
  readVariableFlags,
  VARIABLE_FLAG_PATHS,
  VARIABLE_KEYS_OWNED,
} from "../../dashboard/grafana-import/variable-fields";
import type { Dashboard, Project, Variable } from "../../model";
import { resolveDatasource } from "../../model/checks/dashboards";
import { datasourceRef } from "./datasource-refs";
import { mergeKept } from "./deep-merge";
import { omitUndefined } from "./omit-undefined";
import { GRAFANA_PLUGIN_ID } from "./plugin-ids";

/** Grafana still saves `definition` (the query as text) beside `query`; the schema leaves it out. */
type QueryVariableJson = VariableModel & { definition: string };

const ALL: VariableOption = { selected: true, text: "All", value: "$__all" };

/** Hidden variables disappear from the bar but keep working (Grafana's "hide variable", 2). */
function hide(variable: Variable): VariableHide {
  return variable.hide ? 2 : 0;
}

function option(value: string, selected: boolean): VariableOption {
  return { selected, text: value, value };
}

/**
 * The initial selection: the variable's own `current` when set, else All when offered, else the
 * first value; lists when several may be picked.
 */
function current(
  values: readonly string[],
  multi: boolean,
  includeAll: boolean,
  chosenValues?: readonly string[],
): VariableOption | undefined {
  if (chosenValues && chosenValues.length > 0) {
    const texts = chosenValues.map((value) => (value === ALL.value ? "All" : value));
    if (!multi) return { text: texts[0] ?? "", value: chosenValues[0] ?? "" };
    return { text: texts, value: [...chosenValues] };
  }
  const chosen = includeAll ? ALL : values[0] === undefined ? undefined : option(values[0], true);
  if (!chosen) return undefined;
  if (!multi) return { text: chosen.text, value: chosen.value };
  return { text: [chosen.text].flat(), value: [chosen.value].flat() };
}

/** Grafana splits a custom variable's query on commas; a comma inside a value is escaped. */
function customQuery(values: readonly string[]): string {
  return values.map((value) => value.replaceAll(",", "\\,")).join(",");
}

/** The Prometheus variable editor's query types; Grafana re-derives them from the text on load. */
function prometheusQueryType(query: string): number {
  if (/^\s*label_names\(/.test(query)) return 0;
  if (/^\s*label_values\(/.test(query)) return 1;
  if (/^\s*metrics\(/.test(query)) return 2;
  if (/^\s*query_result\(/.test(query)) return 3;
  return 5; // classic query
}

function queryVariable(
  project: Project,
  dashboard: Dashboard,
  variable: Extract<Variable, { type: "query" }>,
): QueryVariableJson {
  // Query variables without a datasource run on Prometheus, like the designer's variable editor.
  const wanted =
    variable.datasource && !variable.datasource.startsWith("$")
      ? (project.datasources.find((ds) => ds.uid === variable.datasource)?.type ?? "prometheus")
      : "prometheus";
  const datasource = datasourceRef(project, dashboard, wanted, variable.datasource);
  const query =
    datasource.type === GRAFANA_PLUGIN_ID.prometheus
      ? {
          qryType: prometheusQueryType(variable.query),
          query: variable.query,
          refId: "PrometheusVariableQueryEditor-VariableQuery",
        }
      : variable.query;
  return omitUndefined<QueryVariableJson>({
    allValue: variable.allValue,
    current: current([], variable.multi, variable.includeAll, variable.current),
    datasource,
    definition: variable.query,
    hide: hide(variable),
    includeAll: variable.includeAll,
    label: variable.label,
    multi: variable.multi,
    name: variable.name,
    options: [],
    query,
    refresh: variable.refresh === "timeRange" ? 2 : 1,
    regex: variable.regex,
    skipUrlSync: false,
    sort: 1,
    type: "query",
  });
}

function customVariable(variable: Extract<Variable, { type: "custom" }>): VariableModel {
  const selected = current(variable.values, variable.multi, variable.includeAll, variable.current);
  const firstSelected = !variable.includeAll;
  return omitUndefined<VariableModel>({
    allValue: variable.allValue,
    current: selected,
    hide: hide(variable),
    includeAll: variable.includeAll,
    label: variable.label,
    multi: variable.multi,
    name: variable.name,
    options: [
      ...(variable.includeAll ? [ALL] : []),
      ...variable.values.map((value, index) => option(value, firstSelected && index === 0)),
    ],
    query: customQuery(variable.values),
    skipUrlSync: false,
    type: "custom",
  });
}

function toGrafanaVariable(project: Project, dashboard: Dashboard, variable: Variable): VariableModel {
  switch (variable.type) {
    case "query":
      return queryVariable(project, dashboard, variable);
    case "custom":
      return customVariable(variable);
    case "constant":
      // Grafana always hides constants: they are settings for queries, not choices.
      return omitUndefined<VariableModel>({
        current: option(variable.value, true),
        hide: 2,
        label: variable.label,
        name: variable.name,
        options: [option(variable.value, true)],
        query: variable.value,
        skipUrlSync: true,
        type: "constant",
      });
    case "interval":
      return omitUndefined<VariableModel>({
        current: current(variable.values, false, false, variable.current),
        hide: hide(variable),
        label: variable.label,
        name: variable.name,
        options: variable.values.map((value, index) => option(value, index === 0)),
        query: variable.values.join(","),
        refresh: 2,
        skipUrlSync: false,
        type: "interval",
      });
    case "datasource": {
      const fallback = resolveDatasource(project.datasources, variable.datasourceType, undefined);
      return omitUndefined<VariableModel>({
        current: fallback ? { text: fallback.name, value: fallback.uid } : undefined,
        hide: hide(variable),
        includeAll: false,
        label: variable.label,
        multi: false,
        name: variable.name,
        options: [],
        query: GRAFANA_PLUGIN_ID[variable.datasourceType],
        refresh: 1,
        regex: "",
        skipUrlSync: false,
        type: "datasource",
      });
    }
    default: {
      const exhaustive: never = variable;
      throw new Error(`unknown variable type ${JSON.stringify(exhaustive)}`);
    }
  }
}

/**
 * A variable with what an import kept raw laid over it, never over a field the model holds: a kept
 * flag (`hide: 1`) is used only while it reads as the model's value.
 */
function withKept(json: VariableModel, variable: Variable): VariableModel {
  const flags = VARIABLE_FLAG_PATHS[variable.type];
  const own = readVariableFlags(json as unknown as JsonObject);
  return mergeKept(json, variable.extra, {
    owned: [...VARIABLE_KEYS_OWNED, ...flags],
    stillCurrent: (path, kept) => {
      if (!flags.includes(path)) return false;
      const read = readVariableFlags({ ...(json as unknown as JsonObject), [path]: kept });
      return read[path as keyof typeof read] === own[path as keyof typeof own];
    },
  });
}

/** `templating.list`, in the model's order (later variables may refer to earlier ones). */
export function toTemplating(project: Project, dashboard: Dashboard): VariableModel[] {
  const modelled = dashboard.variables.map((variable) =>
    withKept(toGrafanaVariable(project, dashboard, variable), variable),
  );
  // Variables of kinds the model lacks (textbox, adhoc …), kept whole by an import.
  const raw = (dashboard.extra?.templating as { list?: unknown } | undefined)?.list;
  return Array.isArray(raw) ? [...modelled, ...(raw as VariableModel[])] : modelled;
}
