import type { Variable } from "../../model";
import { asBoolean, asString, type JsonObject } from "./json";

/**
 * The model fields of a template variable that Grafana spells in more ways than the model writes
 * (`hide: 1` hides only the label, `refresh: 0` never refreshes). The importer reads them with
 * `readVariableFlags`; the exporter reads a kept spelling back the same way, to use it only while
 * it still means the model's value.
 */
export const VARIABLE_FLAG_PATHS: Readonly<Record<Variable["type"], readonly string[]>> = {
  query: ["hide", "includeAll", "multi", "regex", "refresh"],
  custom: ["hide", "includeAll", "multi"],
  constant: [],
  interval: ["hide"],
  datasource: ["hide"],
};

/** What every variable's model writes itself; a value kept raw there is never used. */
export const VARIABLE_KEYS_OWNED = [
  "name",
  "type",
  "label",
  "datasource",
  "query",
  "definition",
  "current",
  "options",
] as const;

export interface VariableFlags {
  hide: boolean;
  includeAll: boolean;
  multi: boolean;
  regex: string;
  refresh: "load" | "timeRange";
}

/** The flags as the model holds them, from a variable's JSON with Grafana's defaults filled in. */
export function readVariableFlags(json: JsonObject): VariableFlags {
  return {
    hide: json.hide === 2,
    includeAll: asBoolean(json.includeAll) ?? false,
    multi: asBoolean(json.multi) ?? false,
    regex: asString(json.regex) ?? "",
    refresh: json.refresh === 2 ? "timeRange" : "load",
  };
}
