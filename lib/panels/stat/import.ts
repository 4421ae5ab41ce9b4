import { asObject, type JsonObject } from "../../dashboard/grafana-import/json";
import { DEFAULT_REDUCE, enumValue, reduceCalc, valuePanelDefaults } from "../common/grafana-import";
import type { ImportedFields, PanelTypeImport } from "../types";
import { convertSinglestat } from "./legacy";

function fields(json: JsonObject): ImportedFields<"stat"> {
  const options = asObject(json.options);
  return {
    reduce: reduceCalc(options),
    graphMode: enumValue(options.graphMode, ["area", "none"] as const) ?? "area",
    colorMode: enumValue(options.colorMode, ["value", "background", "none"] as const) ?? "value",
  };
}

export const statImport: PanelTypeImport<"stat"> = {
  grafanaDefaults: valuePanelDefaults("thresholds", undefined, {
    colorMode: "value",
    graphMode: "area",
    justifyMode: "auto",
    orientation: "auto",
    percentChangeColorMode: "standard",
    reduceOptions: DEFAULT_REDUCE,
    showPercentChange: false,
    textMode: "auto",
    wideLayout: true,
  }),
  fields,
  standardFieldsAt: "fieldConfig.defaults",
  fieldConfigStandardOptions: true,
  modelledPaths: ["options.reduceOptions.calcs", "options.graphMode", "options.colorMode"],
  legacy: [
    {
      // Becomes a gauge instead when the singlestat drew one.
      detect: (json) =>
        json.type === "singlestat" || json.type === "grafana-singlestat-panel" ? json.type : undefined,
      convert: convertSinglestat,
    },
  ],
};
