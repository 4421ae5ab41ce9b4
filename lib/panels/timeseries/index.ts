import type { PanelTypeDefinition } from "../types";
import { timeseriesGrafana } from "./grafana";
import { timeseriesImport } from "./import";
import { TimeseriesPanelSchema } from "./schema";

export const timeseriesPanelType: PanelTypeDefinition<"timeseries"> = {
  type: "timeseries",
  label: "Time series",
  schema: TimeseriesPanelSchema,
  defaultSize: { w: 12, h: 8 },
  grafana: timeseriesGrafana,
  import: timeseriesImport,
};
