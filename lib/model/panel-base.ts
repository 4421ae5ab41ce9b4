import { z } from "zod";
import { unknownTag } from "./common";
import { FieldOverridesSchema, ValueMappingsSchema } from "./field-config";

/**
 * What panels of every type share: grid position, queries, thresholds, legend and the common fields.
 * Each panel type's own schema lives with the rest of that type in `lib/panels/<type>/schema.ts`;
 * `panel.ts` assembles them into the panel union.
 */

export const GridPosSchema = z.object({
  x: z.int().min(0).max(23),
  y: z.int().min(0),
  w: z.int().min(1).max(24),
  h: z.int().min(1).max(100),
});
export type GridPos = z.infer<typeof GridPosSchema>;

const refId = z.string().regex(/^[A-Z][A-Z0-9]*$/, "refId is upper-case letters and digits, e.g. A");

export const PromqlTargetSchema = z.object({
  kind: z.literal("promql"),
  refId,
  datasource: z.string().optional(),
  expr: z.string().min(1, "a PromQL query is required"),
  legendFormat: z.string().optional(),
  /** Instant query (tables, stats of the latest value) instead of a range query. */
  instant: z.boolean().default(false),
  interval: z.string().optional(),
  /**
   * Grafana's "Resolution" (1/1, 1/2 … 1/10 in its editor): the step is the interval times this
   * factor, so fewer points are asked for. Absent means 1.
   */
  intervalFactor: z.int().min(1).optional(),
  format: z.enum(["time_series", "table", "heatmap"]).default("time_series"),
  /** Hidden in Grafana: not drawn, but still run (other queries and expressions may use it). */
  hide: z.boolean().optional(),
});

export const SqlTargetSchema = z.object({
  kind: z.literal("sql"),
  refId,
  datasource: z.string().optional(),
  rawSql: z.string().min(1, "an SQL query is required"),
  format: z.enum(["table", "time_series"]).default("table"),
  /** Hidden in Grafana: not drawn, but still run (other queries and expressions may use it). */
  hide: z.boolean().optional(),
});

export const LogqlTargetSchema = z.object({
  kind: z.literal("logql"),
  refId,
  datasource: z.string().optional(),
  expr: z.string().min(1, "a LogQL query is required"),
  legendFormat: z.string().optional(),
  instant: z.boolean().default(false),
  /** Hidden in Grafana: not drawn, but still run (other queries and expressions may use it). */
  hide: z.boolean().optional(),
});

export const TargetSchema = z.discriminatedUnion(
  "kind",
  [PromqlTargetSchema, SqlTargetSchema, LogqlTargetSchema],
  {
    error: unknownTag("query", "kind", ["promql", "sql", "logql"]),
  },
);
export type Target = z.infer<typeof TargetSchema>;
export type TargetKind = Target["kind"];

export const ThresholdStepSchema = z.object({
  /** null is the base step, below every other threshold. */
  value: z.number().nullable(),
  color: z.string().min(1),
});

export const ThresholdsSchema = z.object({
  mode: z.enum(["absolute", "percentage"]).default("absolute"),
  steps: z.array(ThresholdStepSchema).min(1),
});
export type Thresholds = z.infer<typeof ThresholdsSchema>;

export const LegendSchema = z.object({
  show: z.boolean().default(true),
  placement: z.enum(["bottom", "right"]).default("bottom"),
  displayMode: z.enum(["list", "table"]).default("list"),
  calcs: z.array(z.enum(["min", "max", "mean", "last", "lastNotNull", "sum"])).default([]),
});

export const ReduceCalcSchema = z.enum(["lastNotNull", "last", "mean", "max", "min", "sum"]);
export type ReduceCalc = z.infer<typeof ReduceCalcSchema>;

/** The fields every visualization panel has, whatever its type. */
export const panelBaseShape = {
  id: z.int().min(1),
  title: z.string().min(1).max(200),
  description: z.string().optional(),
  gridPos: GridPosSchema,
  datasource: z.string().optional(),
  unit: z.string().optional(),
  decimals: z.int().min(0).max(10).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  thresholds: ThresholdsSchema.optional(),
  /** Grafana options the designer does not model, kept so imports round-trip. */
  extra: z.record(z.string(), z.unknown()).optional(),
};
/** The fields of a panel that runs queries. */
export const queryPanelShape = {
  ...panelBaseShape,
  targets: z.array(TargetSchema).min(1, "a panel needs at least one query"),
};

/**
 * Value mappings and field overrides, for the types whose Grafana JSON has a field config the model
 * reads (time series, stat, gauge, bar gauge, table). Absent when empty, so an import of its own
 * export reads back the same model.
 */
export const fieldConfigShape = {
  mappings: ValueMappingsSchema.optional(),
  overrides: FieldOverridesSchema.optional(),
};
