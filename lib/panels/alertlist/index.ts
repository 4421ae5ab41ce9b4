import type { PanelTypeDefinition } from "../types";
import { alertListGrafana } from "./grafana";
import { alertListImport } from "./import";
import { AlertListPanelSchema } from "./schema";

export const alertListPanelType: PanelTypeDefinition<"alertlist"> = {
  type: "alertlist",
  label: "Alert list",
  schema: AlertListPanelSchema,
  defaultSize: { w: 12, h: 8 },
  grafana: alertListGrafana,
  import: alertListImport,
};
