import { z } from "zod";
import { queryPanelShape } from "../../model/panel-base";

export const HeatmapPanelSchema = z.object({
  ...queryPanelShape,
  type: z.literal("heatmap"),
  /** Buckets come from the query (`_bucket` series with `format: heatmap`), Grafana does not bin. */
  calculate: z.boolean().default(false),
  colorScheme: z.string().default("Oranges"),
});
