import type { PanelTypeDefinition } from "../types";
import { HeatmapPanelSchema } from "./schema";

export const heatmapPanelType: PanelTypeDefinition<"heatmap"> = {
  type: "heatmap",
  label: "Heatmap",
  schema: HeatmapPanelSchema,
  defaultSize: { w: 12, h: 8 },
};
