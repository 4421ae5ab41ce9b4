import { z } from "zod";
import { PanelSchema } from "./panel";
import { VariableSchema } from "./variable";

export const DashboardUidSchema = z
  .string()
  .regex(/^[a-zA-Z0-9_-]{1,40}$/, "dashboard uids are 1-40 letters, digits, - or _ (Grafana's limit)");

export const TimeRangeSchema = z.object({
  from: z.string().min(1).default("now-6h"),
  to: z.string().min(1).default("now"),
});

export const DashboardSchema = z.object({
  uid: DashboardUidSchema,
  title: z.string().min(1).max(200),
  description: z.string().optional(),
  tags: z.array(z.string()).default([]),
  /** Auto-refresh interval, '' for off. */
  refresh: z.string().default("30s"),
  time: TimeRangeSchema.prefault({}),
  timezone: z.enum(["browser", "utc"]).default("browser"),
  /** Catalog entry this dashboard came from, if any. */
  catalogId: z.string().optional(),
  variables: z.array(VariableSchema).default([]),
  panels: z.array(PanelSchema).default([]),
  /**
   * Grafana dashboard JSON the designer does not model, kept so imports round-trip: top-level keys
   * (annotations, links, graphTooltip …) laid over the generated dashboard, plus `panels` and
   * `templating.list` holding whole panels and variables of kinds the model has no schema for.
   */
  extra: z.record(z.string(), z.unknown()).optional(),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
export type DashboardInput = z.input<typeof DashboardSchema>;
