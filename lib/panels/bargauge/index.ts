import type { PanelTypeDefinition } from "../types";
import { barGaugeGrafana } from "./grafana";
import { barGaugeImport } from "./import";
import { BarGaugePanelSchema } from "./schema";

export const barGaugePanelType: PanelTypeDefinition<"bargauge"> = {
  type: "bargauge",
  label: "Bar gauge",
  schema: BarGaugePanelSchema,
  defaultSize: { w: 12, h: 8 },
  grafana: barGaugeGrafana,
  import: barGaugeImport,
};
