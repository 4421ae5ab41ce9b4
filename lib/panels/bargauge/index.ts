import type { PanelTypeDefinition } from "../types";
import { BarGaugePanelSchema } from "./schema";

export const barGaugePanelType: PanelTypeDefinition<"bargauge"> = {
  type: "bargauge",
  label: "Bar gauge",
  schema: BarGaugePanelSchema,
  defaultSize: { w: 12, h: 8 },
};
