import { z } from "zod";
import { parseDuration } from "../model";
import {
  AlertsDataSchema,
  LabelsDataSchema,
  MetadataDataSchema,
  QueryDataSchema,
  SeriesDataSchema,
} from "../prometheus/schemas";

/**
 * The live preview's HTTP contract (`/api/projects/{id}/preview/...`): what the browser sends and
 * what the route handler answers, used by both (lib/preview/request.ts parses requests with these
 * schemas, lib/preview/preview.ts builds answers typed by them, lib/api/preview-client.ts reads
 * answers with them). Prometheus's own answers are in lib/prometheus/schemas.ts.
 */

// ---- Requests ---------------------------------------------------------------------------------
// Prometheus's own parameters (query, start, end, step, match[], ...), plus what a preview adds:
// `datasource` (a uid), `width` (pixels, for the step), `range` (for `$__range` in instant queries)
// and Grafana variables as `var-<name>` (repeat for several values; `$__all` for All), as Grafana's
// own URLs carry them. `datasource` and `var-*` are read apart from these schemas.

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

/** …/preview/query */
export const QueryPreviewSchema = z.object({
  query: QueryTextSchema,
  time: TimeSchema.optional(),
  range: DurationParamSchema.default("1h"),
  width: WidthSchema,
  timeout: DurationParamSchema.optional(),
});

/** …/preview/query_range */
export const QueryRangePreviewSchema = z.object({
  query: QueryTextSchema,
  start: TimeSchema.optional(),
  end: TimeSchema.optional(),
  /** Default: chosen from the range, the width and the scrape interval. */
  step: DurationParamSchema.optional(),
  width: WidthSchema,
  timeout: DurationParamSchema.optional(),
});

/** …/preview/series */
export const SeriesPreviewSchema = z.object({
  "match[]": SelectorsSchema.min(1, "at least one match[] selector is required"),
  start: TimeSchema.optional(),
  end: TimeSchema.optional(),
});

/** …/preview/labels and …/preview/label/{name}/values */
export const LabelsPreviewSchema = z.object({
  "match[]": SelectorsSchema.optional(),
  start: TimeSchema.optional(),
  end: TimeSchema.optional(),
});

/** …/preview/metadata */
export const MetadataPreviewSchema = z.object({
  metric: z.string().min(1).max(300).optional(),
  limit: z.string().regex(/^\d+$/).optional(),
});

/** …/preview/alerts */
export const AlertsPreviewSchema = z.object({});

/** POST …/preview/lint */
export const LintPreviewBodySchema = z.object({
  expressions: z.array(z.string().max(50_000)).min(1).max(500),
  datasource: z.string().optional(),
});
export type LintPreviewBody = z.infer<typeof LintPreviewBodySchema>;

// ---- Responses --------------------------------------------------------------------------------

/** The call made to Prometheus, as the query inspector shows it. */
export const PrometheusCallSchema = z.object({
  url: z.string(),
  method: z.enum(["GET", "POST"]),
  params: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
});

export const DownsamplingSchema = z.object({
  totalSeries: z.number(),
  droppedSeries: z.number(),
  /** Labels of the first dropped series, to name a few in the UI. */
  droppedSeriesExamples: z.array(z.record(z.string(), z.string())).default([]),
  totalPoints: z.number(),
  /** Points removed by thinning the kept series (dropped series' points are not counted here). */
  droppedPoints: z.number(),
  /** Kept series that were thinned. */
  thinnedSeries: z.number(),
  maxPoints: z.number(),
  maxSeries: z.number(),
});
export type Downsampling = z.infer<typeof DownsamplingSchema>;

/** Every preview answer: Prometheus's data, and what the preview did to get it. */
export function previewResponseSchema<T extends z.ZodType>(data: T) {
  return z.object({
    status: z.literal("success"),
    data,
    warnings: z.array(z.string()).default([]),
    request: PrometheusCallSchema,
    /** The query after variable interpolation (query and query_range). */
    resolvedQuery: z.string().optional(),
    /** Variables the query uses that had no value: left as written, so Prometheus will complain. */
    unresolvedVariables: z.array(z.string()).optional(),
    stepSeconds: z.number().optional(),
    /** Present when series or points were left out. */
    downsampling: DownsamplingSchema.optional(),
    /** Where the Prometheus URL came from (the datasource, or the environment). */
    source: z.string(),
  });
}

/** Any endpoint's answer, as the route handler builds it. */
export const PreviewResponseSchema = previewResponseSchema(z.unknown());
export type PreviewResponse = z.input<typeof PreviewResponseSchema>;

export const QueryPreviewResponseSchema = previewResponseSchema(QueryDataSchema);
export type QueryPreviewResponse = z.infer<typeof QueryPreviewResponseSchema>;
export const SeriesPreviewResponseSchema = previewResponseSchema(SeriesDataSchema);
export type SeriesPreviewResponse = z.infer<typeof SeriesPreviewResponseSchema>;
export const LabelsPreviewResponseSchema = previewResponseSchema(LabelsDataSchema);
export type LabelsPreviewResponse = z.infer<typeof LabelsPreviewResponseSchema>;
export const MetadataPreviewResponseSchema = previewResponseSchema(MetadataDataSchema);
export type MetadataPreviewResponse = z.infer<typeof MetadataPreviewResponseSchema>;
export const AlertsPreviewResponseSchema = previewResponseSchema(AlertsDataSchema);
export type AlertsPreviewResponse = z.infer<typeof AlertsPreviewResponseSchema>;

/** POST …/preview/lint: per expression, the metric names Prometheus does not know, with the nearest it does. */
export const LintResponseSchema = z.object({
  results: z.array(
    z.object({
      expression: z.string(),
      unknown: z.array(z.object({ name: z.string(), suggestions: z.array(z.string()) })),
    }),
  ),
  knownNames: z.number(),
  source: z.string(),
});
export type LintResponse = z.infer<typeof LintResponseSchema>;
