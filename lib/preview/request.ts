import type { z } from "zod";
import {
  AlertsPreviewSchema,
  LabelsPreviewSchema,
  MetadataPreviewSchema,
  QueryPreviewSchema,
  QueryRangePreviewSchema,
  RulesPreviewSchema,
  SeriesPreviewSchema,
} from "../api/preview-schemas";
import { parseDuration } from "../model";
import type { PreviewEndpoint } from "./allowlist";
import type { TemplateVariable, VariableValue } from "./interpolate";

/**
 * Reading a preview request: its parameters (schemas in lib/api/preview-schemas.ts, shared with
 * the browser) checked per endpoint, the chosen datasource and the Grafana variables.
 */

/** Query-string and form parameters, each name with all its values. */
export type RawParams = Record<string, string[]>;

export type PreviewParams =
  | { kind: "query"; params: z.infer<typeof QueryPreviewSchema> }
  | { kind: "query_range"; params: z.infer<typeof QueryRangePreviewSchema> }
  | { kind: "series"; params: z.infer<typeof SeriesPreviewSchema> }
  | { kind: "labels"; params: z.infer<typeof LabelsPreviewSchema> }
  | { kind: "label_values"; label: string; params: z.infer<typeof LabelsPreviewSchema> }
  | { kind: "metadata"; params: z.infer<typeof MetadataPreviewSchema> }
  | { kind: "alerts"; params: z.infer<typeof AlertsPreviewSchema> }
  | { kind: "rules"; params: z.infer<typeof RulesPreviewSchema> };

/** Parameters that are not Prometheus's but the preview's own. */
const PREVIEW_ONLY = new Set(["datasource"]);

/** One value per name, except list parameters; Grafana variables go elsewhere. */
function flatten(raw: RawParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, values] of Object.entries(raw)) {
    if (name.startsWith("var-") || name.startsWith(ALL_VALUE_PREFIX) || PREVIEW_ONLY.has(name)) continue;
    out[name] = name.endsWith("[]") ? values : (values[values.length - 1] ?? "");
  }
  return out;
}

// Strict variants made once: zod builds (and compiles) a schema on first use, which per request
// cost more than the parse itself.
const QueryStrict = QueryPreviewSchema.strict();
const QueryRangeStrict = QueryRangePreviewSchema.strict();
const SeriesStrict = SeriesPreviewSchema.strict();
const LabelsStrict = LabelsPreviewSchema.strict();
const MetadataStrict = MetadataPreviewSchema.strict();
const AlertsStrict = AlertsPreviewSchema.strict();
const RulesStrict = RulesPreviewSchema.strict();

/** Parses the raw parameters for an endpoint; unknown parameters are refused, not forwarded. */
export function parsePreviewParams(endpoint: PreviewEndpoint, raw: RawParams): PreviewParams {
  const flat = flatten(raw);
  switch (endpoint.kind) {
    case "query":
      return { kind: "query", params: QueryStrict.parse(flat) };
    case "query_range":
      return { kind: "query_range", params: QueryRangeStrict.parse(flat) };
    case "series":
      return { kind: "series", params: SeriesStrict.parse(flat) };
    case "labels":
      return { kind: "labels", params: LabelsStrict.parse(flat) };
    case "label_values":
      return { kind: "label_values", label: endpoint.label, params: LabelsStrict.parse(flat) };
    case "metadata":
      return { kind: "metadata", params: MetadataStrict.parse(flat) };
    case "alerts":
      return { kind: "alerts", params: AlertsStrict.parse(flat) };
    case "rules":
      return { kind: "rules", params: RulesStrict.parse(flat) };
    default: {
      const never: never = endpoint;
      throw new Error(`unknown endpoint ${JSON.stringify(never)}`);
    }
  }
}

/** `allValue-<name>`: the custom all value of variable `name`, which "All" (`$__all`) stands for. */
const ALL_VALUE_PREFIX = "allValue-";

/**
 * `var-<name>` parameters as variable selections: one value, or several; with an
 * `allValue-<name>`, "All" of that variable stands for that text, as Grafana's custom all value.
 */
export function variablesFromParams(raw: RawParams): Record<string, VariableValue | TemplateVariable> {
  const out: Record<string, VariableValue | TemplateVariable> = {};
  for (const [name, values] of Object.entries(raw)) {
    if (!name.startsWith("var-") || name.length === 4) continue;
    const value = values.length === 1 ? (values[0] ?? "") : values;
    const allValue = raw[`${ALL_VALUE_PREFIX}${name.slice(4)}`]?.at(-1);
    out[name.slice(4)] = allValue === undefined ? value : { value, allValue, multi: Array.isArray(value) };
  }
  return out;
}

/** The datasource uid the caller picked, if any. */
export function datasourceParam(raw: RawParams): string | undefined {
  const values = raw.datasource;
  return values && values.length > 0 ? values[values.length - 1] : undefined;
}

/** Seconds since the epoch of a Prometheus time parameter. */
export function timeSeconds(text: string): number {
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : Date.parse(text) / 1000;
}

/** Seconds in a step or range parameter (`15`, `15s`, `1m30s`). */
export function durationSeconds(text: string): number {
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : (parseDuration(text) ?? 0) / 1000;
}

/** Adds URLSearchParams (query string or form body) to a raw parameter map. */
export function addSearchParams(raw: RawParams, search: URLSearchParams): RawParams {
  for (const [name, value] of search) raw[name] = [...(raw[name] ?? []), value];
  return raw;
}
