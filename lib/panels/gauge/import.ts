import { asBoolean, asObject, type JsonObject } from "../../dashboard/grafana-import/json";
import { DEFAULT_REDUCE, reduceCalc, valuePanelDefaults } from "../common/grafana-import";
import type { ImportedFields, PanelTypeImport } from "../types";

function fields(json: JsonObject): ImportedFields<"gauge"> {
  const options = asObject(json.options);
  return {
    reduce: reduceCalc(options),
    showThresholdMarkers: asBoolean(options.showThresholdMarkers) ?? true,
  };
}

export const gaugeImport: PanelTypeImport<"gauge"> = {
  grafanaDefaults: valuePanelDefaults("thresholds", undefined, {
    minVizHeight: 75,
    minVizWidth: 75,
    orientation: "auto",
    reduceOptions: DEFAULT_REDUCE,
    showThresholdLabels: false,
    showThresholdMarkers: true,
    sizing: "auto",
  }),
  fields,
  standardFieldsAt: "fieldConfig.defaults",
  fieldConfigStandardOptions: true,
  modelledPaths: ["options.reduceOptions.calcs", "options.showThresholdMarkers"],
};
