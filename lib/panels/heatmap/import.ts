import { asBoolean, asObject, asString, type JsonObject } from "../../dashboard/grafana-import/json";
import { COMMON_PANEL_DEFAULTS, DEFAULT_HIDE_FROM } from "../common/grafana-import";
import type { ImportedFields, PanelTypeImport } from "../types";
import { convertOldHeatmap, isOldHeatmap, strayLegacyKeys } from "./legacy";

function fields(json: JsonObject): ImportedFields<"heatmap"> {
  const options = asObject(json.options);
  return {
    calculate: asBoolean(options.calculate) ?? false,
    colorScheme: asString(asObject(options.color).scheme) ?? "Oranges",
  };
}

export const heatmapImport: PanelTypeImport<"heatmap"> = {
  grafanaDefaults: {
    ...COMMON_PANEL_DEFAULTS,
    fieldConfig: {
      defaults: { custom: { hideFrom: DEFAULT_HIDE_FROM, scaleDistribution: { type: "linear" } } },
      overrides: [],
    },
    options: {
      calculate: false,
      cellGap: 1,
      color: {
        exponent: 0.5,
        fill: "dark-orange",
        mode: "scheme",
        reverse: false,
        scale: "exponential",
        scheme: "Oranges",
        steps: 64,
      },
      exemplars: { color: "rgba(255,0,255,0.7)" },
      filterValues: { le: 1e-9 },
      legend: { show: true },
      rowsFrame: { layout: "auto" },
      showValue: "auto",
      tooltip: { mode: "single", showColorScale: false, yHistogram: false },
      yAxis: { axisPlacement: "left", reverse: false },
    },
  },
  fields,
  // The heatmap keeps unit and decimals on its y axis and colours by its scheme, not by thresholds.
  standardFieldsAt: "options.yAxis",
  fieldConfigStandardOptions: false,
  modelledPaths: [
    "options.calculate",
    "options.color.scheme",
    "options.yAxis.unit",
    "options.yAxis.decimals",
  ],
  legacy: [
    {
      detect: (json) => (isOldHeatmap(json) ? "heatmap" : undefined),
      convert: convertOldHeatmap,
      strayKeys: strayLegacyKeys,
    },
  ],
};
