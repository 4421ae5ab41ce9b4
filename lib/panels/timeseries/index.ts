import type { PanelTypeDefinition } from "../types";
import { TimeseriesPanelSchema } from "./schema";

export const timeseriesPanelType: PanelTypeDefinition<"timeseries"> = {
  type: "timeseries",
  label: "Time series",
  schema: TimeseriesPanelSchema,
  defaultSize: { w: 12, h: 8 },
};
