import type { PanelTypeDefinition } from "../types";
import { GaugePanelSchema } from "./schema";

export const gaugePanelType: PanelTypeDefinition<"gauge"> = {
  type: "gauge",
  label: "Gauge",
  schema: GaugePanelSchema,
  defaultSize: { w: 6, h: 6 },
};
