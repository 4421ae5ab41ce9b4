import { asObject, type JsonObject } from "../../dashboard/grafana-import/json";
import { DEFAULT_REDUCE, enumValue, reduceCalc, valuePanelDefaults } from "../common/grafana-import";
import type { ImportedFields, PanelTypeImport } from "../types";

function fields(json: JsonObject): ImportedFields<"bargauge"> {
  const options = asObject(json.options);
  return {
    reduce: reduceCalc(options),
    orientation: enumValue(options.orientation, ["horizontal", "vertical", "auto"] as const) ?? "auto",
    displayMode: enumValue(options.displayMode, ["gradient", "lcd", "basic"] as const) ?? "gradient",
  };
}

export const barGaugeImport: PanelTypeImport<"bargauge"> = {
  grafanaDefaults: valuePanelDefaults("thresholds", undefined, {
    displayMode: "gradient",
    legend: { calcs: [], displayMode: "list", placement: "bottom", showLegend: false },
    maxVizHeight: 300,
    minVizHeight: 16,
    minVizWidth: 8,
    namePlacement: "auto",
    orientation: "auto",
    reduceOptions: DEFAULT_REDUCE,
    showUnfilled: true,
    sizing: "auto",
    valueMode: "color",
  }),
  fields,
  standardFieldsAt: "fieldConfig.defaults",
  fieldConfigStandardOptions: true,
  modelledPaths: ["options.reduceOptions.calcs", "options.orientation", "options.displayMode"],
};
