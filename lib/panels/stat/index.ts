import type { PanelTypeDefinition } from "../types";
import { StatPanelSchema } from "./schema";

export const statPanelType: PanelTypeDefinition<"stat"> = {
  type: "stat",
  label: "Stat",
  schema: StatPanelSchema,
  defaultSize: { w: 6, h: 4 },
};
