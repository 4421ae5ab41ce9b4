import { toTemplating } from "../../generate/grafana/variables";
import {
  type Dashboard,
  type DatasourceType,
  type Project,
  type Variable,
  VariableSchema,
} from "../../model";
import { type DatasourceResolver, datasourceTypeOfPlugin } from "./datasources";
import { extraDiff } from "./extra-diff";
import { variableDefaults } from "./grafana-defaults";
import { asBoolean, asObject, asString, isPlainObject, type JsonObject, withDefaults } from "./json";
import type { ImportReporter } from "./report";

const MODEL_TYPES = new Set(["query", "custom", "constant", "interval", "datasource"]);

/**
 * Mapped by the importer, or state Grafana recomputes on load (`current`, `options`, the
 * runtime-only keys some exports carry); the rest is compared with the exporter's JSON.
 */
const MAPPED_KEYS = new Set([
  "name",
  "type",
  "label",
  "datasource",
  "query",
  "definition",
  "current",
  "options",
  "id",
  "index",
  "global",
  "error",
  "state",
  "rootStateKey",
]);

const VARIABLE_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export type VariableMapping = { ok: true; variable: Variable } | { ok: false; reason: string };

/** The text of a query variable's query: a string, Prometheus's `{query}`, or Loki's label query. */
export function queryText(json: JsonObject): string {
  const query = json.query;
  if (typeof query === "string") return query;
  if (isPlainObject(query)) {
    if (typeof query.query === "string" && query.query !== "") return query.query;
    if (typeof query.rawSql === "string" && query.rawSql !== "") return query.rawSql;
    if (typeof query.label === "string" && query.label !== "") {
      const stream = asString(query.stream) ?? "";
      return stream === "" ? `label_values(${query.label})` : `label_values(${stream}, ${query.label})`;
    }
  }
  return asString(json.definition) ?? "";
}

/** Grafana splits a custom variable's query on commas not escaped as `\,`. */
export function customValues(query: string): string[] {
  return (query.match(/(?:\\,|[^,])+/g) ?? [])
    .map((value) => value.trim().replaceAll("\\,", ","))
    .filter((v) => v !== "");
}

function datasourceOf(
  json: JsonObject,
  resolver: DatasourceResolver,
): { ok: true; datasource: string | undefined } | { ok: false; reason: string } {
  const resolution = resolver.resolve(json.datasource);
  switch (resolution.kind) {
    case "project": {
      // The exporter runs a query variable without a datasource on Prometheus: name any other type.
      if (resolution.uid !== undefined || resolution.type === "prometheus")
        return { ok: true, datasource: resolution.uid };
      return { ok: true, datasource: resolver.defaultOf(resolution.type)?.uid };
    }
    case "variable":
      return { ok: true, datasource: resolution.ref };
    case "unset":
      return { ok: true, datasource: undefined };
    case "unknown":
      resolver.note(
        `datasource "${resolution.name}" is not in the project: its query variables use Prometheus`,
      );
      return { ok: true, datasource: undefined };
    case "mixed":
      return { ok: false, reason: "a query variable on -- Mixed --" };
    case "unsupported":
      return { ok: false, reason: `a query variable of ${resolution.what}` };
    default: {
      const exhaustive: never = resolution;
      throw new Error(`unknown resolution ${JSON.stringify(exhaustive)}`);
    }
  }
}

/** Grafana's custom all value; `""` and null (Grafana's "none") leave it unset. */
function allValueOf(json: JsonObject): { allValue?: string } {
  const text = asString(json.allValue);
  return text ? { allValue: text } : {};
}

function fields(json: JsonObject, resolver: DatasourceResolver): Record<string, unknown> | string {
  const type = json.type as Variable["type"];
  switch (type) {
    case "query": {
      const query = queryText(json).trim();
      if (query === "") return "a query variable without a query";
      const datasource = datasourceOf(json, resolver);
      if (!datasource.ok) return datasource.reason;
      return {
        ...(datasource.datasource ? { datasource: datasource.datasource } : {}),
        query,
        regex: asString(json.regex) ?? "",
        multi: asBoolean(json.multi) ?? false,
        includeAll: asBoolean(json.includeAll) ?? false,
        ...allValueOf(json),
        refresh: json.refresh === 2 ? "timeRange" : "load",
      };
    }
    case "custom": {
      const values = customValues(asString(json.query) ?? "");
      if (values.length === 0) return "a custom variable without values";
      return {
        values,
        multi: asBoolean(json.multi) ?? false,
        includeAll: asBoolean(json.includeAll) ?? false,
        ...allValueOf(json),
      };
    }
    case "constant":
      return { value: asString(json.query) ?? "" };
    case "interval": {
      const values = customValues(asString(json.query) ?? "");
      if (values.length === 0) return "an interval variable without intervals";
      return { values };
    }
    case "datasource": {
      const plugin = asString(json.query) ?? "";
      const datasourceType: DatasourceType | undefined = datasourceTypeOfPlugin(plugin);
      if (!datasourceType)
        return `a datasource variable for ${plugin === "" ? "no plugin" : `"${plugin}"`} datasources`;
      return { datasourceType };
    }
    default: {
      const exhaustive: never = type;
      throw new Error(`unknown variable type ${String(exhaustive)}`);
    }
  }
}

/** A template variable as a model variable, with what the model does not hold in `extra`. */
export function mapVariable(
  json: JsonObject,
  path: string,
  project: Project,
  draft: Dashboard,
  resolver: DatasourceResolver,
  report: ImportReporter,
): VariableMapping {
  const type = asString(json.type) ?? "";
  if (!MODEL_TYPES.has(type)) return { ok: false, reason: `variable type "${type}" has no model equivalent` };
  const name = asString(json.name) ?? "";
  if (!VARIABLE_NAME.test(name))
    return { ok: false, reason: `variable name "${name}" is not letters, digits and _` };
  const defaults = variableDefaults(type);
  const filled = withDefaults(json, defaults);
  const mapped = fields(filled, resolver);
  if (typeof mapped === "string") return { ok: false, reason: mapped };
  const label = asString(json.label);
  const parsed = VariableSchema.safeParse({
    type,
    name,
    ...(label ? { label } : {}),
    hide: filled.hide === 2,
    ...mapped,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `not a valid ${type} variable for the model (${issue?.path.join(".")}: ${issue?.message})`,
    };
  }
  const variable = parsed.data;
  const [generated] = toTemplating(project, { ...draft, variables: [variable], extra: undefined });
  const { extra, paths } = extraDiff(filled, asObject(generated), defaults, MAPPED_KEYS);
  for (const lost of paths) {
    if (["hide", "refresh", "multi", "includeAll", "regex"].includes(lost)) {
      report.keep(
        `${path}.${lost}`,
        `value ${JSON.stringify(filled[lost])} does not fit the model's field; kept as raw JSON in extra`,
      );
    }
  }
  return { ok: true, variable: extra ? { ...variable, extra } : variable };
}
