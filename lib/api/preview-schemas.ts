import { z } from "zod";
import { HttpUrlSchema, parseDuration } from "../model/common";
import { PREVIEW_ERROR_KINDS } from "../prometheus/errors";
import { isQueryData } from "../prometheus/quick-check";
import {
  AlertsDataSchema,
  RulesDataSchema,
  LabelsDataSchema,
  MetadataDataSchema,
  type QueryData,
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
// and Grafana variables as `var-<name>` (repeat for several values; `$__all` for All, which a
// variable's custom all value given as `allValue-<name>` stands for), as Grafana's own URLs carry
// them. `datasource`, `var-*` and `allValue-*` are read apart from these schemas.

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

/** …/preview/rules */
export const RulesPreviewSchema = z.object({ type: z.enum(["alert", "record"]).optional() });

/** POST …/preview/lint */
export const LintPreviewBodySchema = z.object({
  expressions: z.array(z.string().max(50_000)).min(1).max(500),
  datasource: z.string().optional(),
});
export type LintPreviewBody = z.infer<typeof LintPreviewBodySchema>;

/** A Prometheus base URL as the server may call it: http(s), without credentials, query or fragment. */
export const PrometheusBaseUrlSchema = HttpUrlSchema.superRefine((text, context) => {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (url && (url.username || url.password)) {
    context.addIssue({ code: "custom", message: "must not carry credentials in the URL" });
  }
  if (url && (url.search || url.hash)) {
    context.addIssue({ code: "custom", message: "must not have a query or fragment" });
  }
});

/**
 * POST …/preview/test-connection: `{url}` checks that URL; `{datasource: {url, previewUrl?}}` checks
 * the URL previews of a Prometheus datasource with those URLs, as typed in Settings, would use (its
 * previewUrl; else the server's demo Prometheus when it runs one; else its url).
 */
export const TestConnectionBodySchema = z
  .object({
    url: PrometheusBaseUrlSchema.optional(),
    datasource: z
      .object({ url: PrometheusBaseUrlSchema, previewUrl: PrometheusBaseUrlSchema.optional() })
      .optional(),
  })
  .superRefine((body, context) => {
    if ((body.url === undefined) === (body.datasource === undefined)) {
      context.addIssue({ code: "custom", message: "give either url or datasource" });
    }
  });
export type TestConnectionBody = z.infer<typeof TestConnectionBodySchema>;

// ---- Responses --------------------------------------------------------------------------------

export const PreviewErrorKindSchema = z.enum(PREVIEW_ERROR_KINDS);
export const PreviewSourceSchema = z.enum(["previewUrl", "url", "demo"]);

/**
 * What a failed preview call says beside its message (the `preview` member of the error body):
 * why it failed, and which Prometheus it tried, so the designer can say once that a Prometheus
 * cannot be reached instead of each panel repeating the network error.
 */
export const PreviewErrorDetailSchema = z.object({
  kind: PreviewErrorKindSchema,
  /** For `prometheus`: Prometheus's own errorType (bad_data, execution, timeout …). */
  errorType: z.string().optional(),
  /** The Prometheus base URL tried, when the call got that far. */
  url: z.string().optional(),
  source: PreviewSourceSchema.optional(),
  /** The project's datasource uid the URL belongs to. */
  datasource: z.string().optional(),
});
export type PreviewErrorDetail = z.infer<typeof PreviewErrorDetailSchema>;

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

/**
 * QueryPreviewResponseSchema for reading answers, in the browser and wherever else they are read:
 * the data is first checked without zod (quick-check.ts accepts only what QueryDataSchema accepts
 * and returns unchanged), and only what that check refuses goes through QueryDataSchema, for its
 * defaults and its messages. zod's copy of a range answer of a few thousand points costs the
 * browser about 2 ms, and a dashboard reads dozens of them as it opens. Not for the OpenAPI
 * document: a transform has no JSON Schema.
 */
export const QueryPreviewAnswerSchema = previewResponseSchema(
  z.unknown().transform((value, context): QueryData => {
    if (isQueryData(value)) return value;
    const parsed = QueryDataSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const { message, path } of parsed.error.issues)
      context.issues.push({ code: "custom", message, path, input: value });
    return z.NEVER;
  }),
);
export const SeriesPreviewResponseSchema = previewResponseSchema(SeriesDataSchema);
export type SeriesPreviewResponse = z.infer<typeof SeriesPreviewResponseSchema>;
export const LabelsPreviewResponseSchema = previewResponseSchema(LabelsDataSchema);
export type LabelsPreviewResponse = z.infer<typeof LabelsPreviewResponseSchema>;
export const MetadataPreviewResponseSchema = previewResponseSchema(MetadataDataSchema);
export type MetadataPreviewResponse = z.infer<typeof MetadataPreviewResponseSchema>;
export const AlertsPreviewResponseSchema = previewResponseSchema(AlertsDataSchema);
export type AlertsPreviewResponse = z.infer<typeof AlertsPreviewResponseSchema>;
export const RulesPreviewResponseSchema = previewResponseSchema(RulesDataSchema);
export type RulesPreviewResponse = z.infer<typeof RulesPreviewResponseSchema>;

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

/**
 * POST …/preview/test-connection: what was tested and how it went. A Prometheus that cannot be
 * used is an answer too (`ok: false`, with the preview error's kind and message), not an HTTP error.
 */
export const TestConnectionResponseSchema = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    url: z.string(),
    source: PreviewSourceSchema,
    /** From /api/v1/status/buildinfo. */
    version: z.string(),
    revision: z.string().optional(),
    /** Series in the head block (/api/v1/status/tsdb); null when the server does not say. */
    series: z.number().int().nonnegative().nullable(),
    /** Why `series` is null. */
    seriesError: z.string().optional(),
  }),
  z.object({
    ok: z.literal(false),
    url: z.string(),
    source: PreviewSourceSchema,
    kind: PreviewErrorKindSchema,
    error: z.string(),
  }),
]);
export type TestConnectionResponse = z.infer<typeof TestConnectionResponseSchema>;
