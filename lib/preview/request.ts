import { z } from "zod";
import { parseDuration } from "../model";
import type { PreviewEndpoint } from "./allowlist";
import type { VariableValue } from "./interpolate";

/**
 * The preview API's parameters, per endpoint: Prometheus's own (query, start, end, step,
 * match[], ...), plus what a preview adds — `datasource` (a uid), `width` (pixels, for the step),
 * `range` (for `$__range` in instant queries) and Grafana variables as `var-<name>` (repeat for
 * several values; `$__all` for All), as Grafana's own URLs carry them.
 */

/** Query-string and form parameters, each name with all its values. */
export type RawParams = Record<string, string[]>;

const TIME = /^(?:\d+(?:\.\d+)?|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d))$/;
const TimeSchema = z.string().regex(TIME, "a unix timestamp in seconds or an RFC 3339 time");
const DurationParamSchema = z
  .string()
  .refine((text) => /^\d+(\.\d+)?$/.test(text) || parseDuration(text) !== undefined, {
    error: "seconds or a duration such as 30s, 5m, 1h",
  });
const SelectorsSchema = z.array(z.string().min(1).max(20_000)).max(50);
const QueryTextSchema = z.string().min(1, "a query is required").max(50_000);
const WidthSchema = z.coerce.number().int().min(10).max(10_000).default(1000);

export const QueryPreviewSchema = z.object({
  query: QueryTextSchema,
  time: TimeSchema.optional(),
  range: DurationParamSchema.default("1h"),
  width: WidthSchema,
  timeout: DurationParamSchema.optional(),
});

export const QueryRangePreviewSchema = z.object({
  query: QueryTextSchema,
  start: TimeSchema.optional(),
  end: TimeSchema.optional(),
  /** Default: chosen from the range, the width and the scrape interval. */
  step: DurationParamSchema.optional(),
  width: WidthSchema,
  timeout: DurationParamSchema.optional(),
});

export const SeriesPreviewSchema = z.object({
  "match[]": SelectorsSchema.min(1, "at least one match[] selector is required"),
  start: TimeSchema.optional(),
  end: TimeSchema.optional(),
});

export const LabelsPreviewSchema = z.object({
  "match[]": SelectorsSchema.optional(),
  start: TimeSchema.optional(),
  end: TimeSchema.optional(),
});

export const MetadataPreviewSchema = z.object({
  metric: z.string().min(1).max(300).optional(),
  limit: z.string().regex(/^\d+$/).optional(),
});

export const AlertsPreviewSchema = z.object({});

export type PreviewParams =
  | { kind: "query"; params: z.infer<typeof QueryPreviewSchema> }
  | { kind: "query_range"; params: z.infer<typeof QueryRangePreviewSchema> }
  | { kind: "series"; params: z.infer<typeof SeriesPreviewSchema> }
  | { kind: "labels"; params: z.infer<typeof LabelsPreviewSchema> }
  | { kind: "label_values"; label: string; params: z.infer<typeof LabelsPreviewSchema> }
  | { kind: "metadata"; params: z.infer<typeof MetadataPreviewSchema> }
  | { kind: "alerts"; params: z.infer<typeof AlertsPreviewSchema> };

/** Parameters that are not Prometheus's but the preview's own. */
const PREVIEW_ONLY = new Set(["datasource"]);

/** One value per name, except list parameters; Grafana variables go elsewhere. */
function flatten(raw: RawParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, values] of Object.entries(raw)) {
    if (name.startsWith("var-") || PREVIEW_ONLY.has(name)) continue;
    out[name] = name.endsWith("[]") ? values : (values[values.length - 1] ?? "");
  }
  return out;
}

/** Parses the raw parameters for an endpoint; unknown parameters are refused, not forwarded. */
export function parsePreviewParams(endpoint: PreviewEndpoint, raw: RawParams): PreviewParams {
  const flat = flatten(raw);
  switch (endpoint.kind) {
    case "query":
      return { kind: "query", params: QueryPreviewSchema.strict().parse(flat) };
    case "query_range":
      return { kind: "query_range", params: QueryRangePreviewSchema.strict().parse(flat) };
    case "series":
      return { kind: "series", params: SeriesPreviewSchema.strict().parse(flat) };
    case "labels":
      return { kind: "labels", params: LabelsPreviewSchema.strict().parse(flat) };
    case "label_values":
      return {
        kind: "label_values",
        label: endpoint.label,
        params: LabelsPreviewSchema.strict().parse(flat),
      };
    case "metadata":
      return { kind: "metadata", params: MetadataPreviewSchema.strict().parse(flat) };
    case "alerts":
      return { kind: "alerts", params: AlertsPreviewSchema.strict().parse(flat) };
    default: {
      const never: never = endpoint;
      throw new Error(`unknown endpoint ${JSON.stringify(never)}`);
    }
  }
}

/** `var-<name>` parameters as variable selections: one value, or several. */
export function variablesFromParams(raw: RawParams): Record<string, VariableValue> {
  const out: Record<string, VariableValue> = {};
  for (const [name, values] of Object.entries(raw)) {
    if (!name.startsWith("var-") || name.length === 4) continue;
    out[name.slice(4)] = values.length === 1 ? (values[0] ?? "") : values;
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
