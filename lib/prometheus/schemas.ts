import { z } from "zod";

/**
 * Prometheus HTTP API responses (https://prometheus.io/docs/prometheus/latest/querying/api/),
 * validated at the boundary as discriminated unions.
 */

const LabelSetSchema = z.record(z.string(), z.string());
/** `[unix seconds, "value"]`: values are strings so NaN and ±Inf survive JSON. */
export const SamplePairSchema = z.tuple([z.number(), z.string()]);

export const VectorSampleSchema = z.object({
  metric: LabelSetSchema,
  value: SamplePairSchema.optional(),
  /** Native histograms (Prometheus ≥ 2.40 with the feature flag) come as `histogram`. */
  histogram: z.tuple([z.number(), z.unknown()]).optional(),
});

export const MatrixSeriesSchema = z.object({
  metric: LabelSetSchema,
  values: z.array(SamplePairSchema).default([]),
  histograms: z.array(z.tuple([z.number(), z.unknown()])).optional(),
});

export const QueryDataSchema = z.discriminatedUnion("resultType", [
  z.object({ resultType: z.literal("vector"), result: z.array(VectorSampleSchema) }),
  z.object({ resultType: z.literal("matrix"), result: z.array(MatrixSeriesSchema) }),
  z.object({ resultType: z.literal("scalar"), result: SamplePairSchema }),
  z.object({ resultType: z.literal("string"), result: SamplePairSchema }),
]);
export type QueryData = z.infer<typeof QueryDataSchema>;

export const SeriesDataSchema = z.array(LabelSetSchema);
export const LabelsDataSchema = z.array(z.string());
export const MetadataDataSchema = z.record(
  z.string(),
  z.array(z.object({ type: z.string(), help: z.string(), unit: z.string() })),
);
export type MetadataData = z.infer<typeof MetadataDataSchema>;

export const AlertSchema = z.object({
  labels: LabelSetSchema,
  annotations: LabelSetSchema.default({}),
  state: z.enum(["pending", "firing", "inactive"]),
  activeAt: z.string().optional(),
  value: z.string().optional(),
});
export const AlertsDataSchema = z.object({ alerts: z.array(AlertSchema) });
export type AlertsData = z.infer<typeof AlertsDataSchema>;

/**
 * /api/v1/rules: the groups the server loaded and each rule's state. Only what the rules page reads
 * is required; `duration`/`keepFiringFor` are seconds. Recording rules have no state or alerts.
 */
const PrometheusRuleStateSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("alerting"),
    name: z.string(),
    query: z.string(),
    state: z.enum(["inactive", "pending", "firing"]),
    duration: z.number().optional(),
    keepFiringFor: z.number().optional(),
    labels: LabelSetSchema.default({}),
    annotations: LabelSetSchema.default({}),
    alerts: z.array(AlertSchema).default([]),
    health: z.string().optional(),
    lastError: z.string().optional(),
    lastEvaluation: z.string().optional(),
  }),
  z.object({
    type: z.literal("recording"),
    name: z.string(),
    query: z.string(),
    labels: LabelSetSchema.default({}),
    health: z.string().optional(),
    lastError: z.string().optional(),
    lastEvaluation: z.string().optional(),
  }),
]);
export const RulesDataSchema = z.object({
  groups: z.array(
    z.object({
      name: z.string(),
      file: z.string(),
      interval: z.number().optional(),
      rules: z.array(PrometheusRuleStateSchema),
    }),
  ),
});
export type RulesData = z.infer<typeof RulesDataSchema>;

/** /api/v1/status/buildinfo: only `version` is relied on; compatible servers may leave the rest out. */
export const BuildInfoDataSchema = z.object({
  version: z.string(),
  revision: z.string().optional(),
  branch: z.string().optional(),
  goVersion: z.string().optional(),
});
export type BuildInfoData = z.infer<typeof BuildInfoDataSchema>;

/** /api/v1/status/tsdb: only the head block's series count is read. */
export const TsdbStatusDataSchema = z.object({
  headStats: z.object({ numSeries: z.number().int().nonnegative() }),
});
export type TsdbStatusData = z.infer<typeof TsdbStatusDataSchema>;

/** The envelope every endpoint answers with, success or error. */
function envelopeSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion("status", [
    z.object({
      status: z.literal("success"),
      data,
      warnings: z.array(z.string()).optional(),
      infos: z.array(z.string()).optional(),
    }),
    z.object({
      status: z.literal("error"),
      errorType: z.string(),
      error: z.string(),
      warnings: z.array(z.string()).optional(),
    }),
  ]);
}

export const QueryResponseSchema = envelopeSchema(QueryDataSchema);
export const SeriesResponseSchema = envelopeSchema(SeriesDataSchema);
export const LabelsResponseSchema = envelopeSchema(LabelsDataSchema);
export const MetadataResponseSchema = envelopeSchema(MetadataDataSchema);
export const AlertsResponseSchema = envelopeSchema(AlertsDataSchema);
export const RulesResponseSchema = envelopeSchema(RulesDataSchema);
export const BuildInfoResponseSchema = envelopeSchema(BuildInfoDataSchema);
export const TsdbStatusResponseSchema = envelopeSchema(TsdbStatusDataSchema);
export type PrometheusEnvelope<T> =
  | { status: "success"; data: T; warnings?: string[]; infos?: string[] }
  | { status: "error"; errorType: string; error: string; warnings?: string[] };
