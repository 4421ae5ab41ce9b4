import { z } from "zod";
import { fieldConfigShape, LegendSchema, queryPanelShape } from "../../model/panel-base";

export const TimeseriesPanelSchema = z.object({
  ...queryPanelShape,
  ...fieldConfigShape,
  type: z.literal("timeseries"),
  legend: LegendSchema.prefault({}),
  drawStyle: z.enum(["line", "bars", "points"]).default("line"),
  fillOpacity: z.int().min(0).max(100).default(10),
  stacking: z.enum(["none", "normal", "percent"]).default("none"),
});
