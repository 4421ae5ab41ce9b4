import { z } from "zod";
import { unknownTag } from "./common";

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
  format: z.enum(["time_series", "table", "heatmap"]).default("time_series"),
});

export const SqlTargetSchema = z.object({
  kind: z.literal("sql"),
  refId,
  datasource: z.string().optional(),
  rawSql: z.string().min(1, "an SQL query is required"),
  format: z.enum(["table", "time_series"]).default("table"),
});

export const LogqlTargetSchema = z.object({
  kind: z.literal("logql"),
  refId,
  datasource: z.string().optional(),
  expr: z.string().min(1, "a LogQL query is required"),
  legendFormat: z.string().optional(),
  instant: z.boolean().default(false),
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

const panelBase = {
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
const withTargets = {
  ...panelBase,
  targets: z.array(TargetSchema).min(1, "a panel needs at least one query"),
};

export const TimeseriesPanelSchema = z.object({
  ...withTargets,
  type: z.literal("timeseries"),
  legend: LegendSchema.prefault({}),
  drawStyle: z.enum(["line", "bars", "points"]).default("line"),
  fillOpacity: z.int().min(0).max(100).default(10),
  stacking: z.enum(["none", "normal", "percent"]).default("none"),
});

export const StatPanelSchema = z.object({
  ...withTargets,
  type: z.literal("stat"),
  reduce: ReduceCalcSchema.default("lastNotNull"),
  graphMode: z.enum(["area", "none"]).default("area"),
  colorMode: z.enum(["value", "background", "none"]).default("value"),
});

export const GaugePanelSchema = z.object({
  ...withTargets,
  type: z.literal("gauge"),
  reduce: ReduceCalcSchema.default("lastNotNull"),
  showThresholdMarkers: z.boolean().default(true),
});

export const BarGaugePanelSchema = z.object({
  ...withTargets,
  type: z.literal("bargauge"),
  reduce: ReduceCalcSchema.default("lastNotNull"),
  orientation: z.enum(["horizontal", "vertical", "auto"]).default("horizontal"),
  displayMode: z.enum(["gradient", "lcd", "basic"]).default("gradient"),
});

export const HeatmapPanelSchema = z.object({
  ...withTargets,
  type: z.literal("heatmap"),
  /** Buckets come from the query (`_bucket` series with `format: heatmap`), Grafana does not bin. */
  calculate: z.boolean().default(false),
  colorScheme: z.string().default("Oranges"),
});

export const TablePanelSchema = z.object({
  ...withTargets,
  type: z.literal("table"),
  sortBy: z.array(z.object({ displayName: z.string(), desc: z.boolean().default(true) })).default([]),
  showHeader: z.boolean().default(true),
});

export const AlertListPanelSchema = z.object({
  ...panelBase,
  type: z.literal("alertlist"),
  maxItems: z.int().min(1).max(1000).default(20),
  stateFilter: z
    .array(z.enum(["firing", "pending", "inactive", "error", "noData"]))
    .default(["firing", "pending"]),
  /** Filter by alert labels, in Grafana's `label="value"` syntax. */
  labelFilter: z.string().default(""),
});

/** A row header; panels below it (by y) until the next row belong to it. */
export const RowPanelSchema = z.object({
  id: z.int().min(1),
  type: z.literal("row"),
  title: z.string().min(1).max(200),
  collapsed: z.boolean().default(false),
  gridPos: GridPosSchema,
  /** Grafana row options the designer does not model (e.g. `repeat`), kept so imports round-trip. */
  extra: z.record(z.string(), z.unknown()).optional(),
});

export const PanelSchema = z.discriminatedUnion(
  "type",
  [
    TimeseriesPanelSchema,
    StatPanelSchema,
    GaugePanelSchema,
    BarGaugePanelSchema,
    HeatmapPanelSchema,
    TablePanelSchema,
    AlertListPanelSchema,
    RowPanelSchema,
  ],
  {
    error: unknownTag("panel", "type", [
      "timeseries",
      "stat",
      "gauge",
      "bargauge",
      "heatmap",
      "table",
      "alertlist",
      "row",
    ]),
  },
);
export type Panel = z.infer<typeof PanelSchema>;
export type PanelInput = z.input<typeof PanelSchema>;
export type PanelType = Panel["type"];
export type RowPanel = z.infer<typeof RowPanelSchema>;
export type QueryPanel = Exclude<Panel, RowPanel | z.infer<typeof AlertListPanelSchema>>;

export const PANEL_TYPES = PanelSchema.options.map((option) => option.shape.type.value);

export function panelTargets(panel: Panel): Target[] {
  return "targets" in panel ? panel.targets : [];
}
