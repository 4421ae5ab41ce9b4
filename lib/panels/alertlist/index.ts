import type { PanelTypeDefinition } from "../types";
import { AlertListPanelSchema } from "./schema";

export const alertListPanelType: PanelTypeDefinition<"alertlist"> = {
  type: "alertlist",
  label: "Alert list",
  schema: AlertListPanelSchema,
  defaultSize: { w: 12, h: 8 },
};
