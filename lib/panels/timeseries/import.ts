import {
  asArray,
  asBoolean,
  asNumber,
  asObject,
  getPath,
  type JsonObject,
} from "../../dashboard/grafana-import/json";
import { DEFAULT_HIDE_FROM, enumValue, valuePanelDefaults } from "../common/grafana-import";
import type { ImportedFields, PanelTypeImport } from "../types";
import { convertGraph } from "./legacy";

const LEGEND_CALCS = ["min", "max", "mean", "last", "lastNotNull", "sum"] as const;

function fields(json: JsonObject): ImportedFields<"timeseries"> {
  const options = asObject(json.options);
  const custom = asObject(getPath(json, "fieldConfig.defaults.custom"));
  const legend = asObject(options.legend);
  const hidden = legend.displayMode === "hidden";
  return {
    legend: {
      show: hidden ? false : (asBoolean(legend.showLegend) ?? true),
      placement: enumValue(legend.placement, ["bottom", "right"] as const) ?? "bottom",
      displayMode: enumValue(legend.displayMode, ["list", "table"] as const) ?? "list",
      calcs: asArray(legend.calcs).filter((calc): calc is (typeof LEGEND_CALCS)[number] =>
        LEGEND_CALCS.includes(calc as (typeof LEGEND_CALCS)[number]),
      ),
    },
    drawStyle: enumValue(custom.drawStyle, ["line", "bars", "points"] as const) ?? "line",
    fillOpacity: Math.min(100, Math.max(0, Math.round(asNumber(custom.fillOpacity) ?? 0))),
    stacking: enumValue(asObject(custom.stacking).mode, ["none", "normal", "percent"] as const) ?? "none",
  };
}

export const timeseriesImport: PanelTypeImport<"timeseries"> = {
  grafanaDefaults: valuePanelDefaults(
    "palette-classic",
    {
      axisBorderShow: false,
      axisCenteredZero: false,
      axisColorMode: "text",
      axisLabel: "",
      axisPlacement: "auto",
      barAlignment: 0,
      barWidthFactor: 0.6,
      drawStyle: "line",
      fillOpacity: 0,
      gradientMode: "none",
      hideFrom: DEFAULT_HIDE_FROM,
      insertNulls: false,
      lineInterpolation: "linear",
      lineWidth: 1,
      pointSize: 5,
      scaleDistribution: { type: "linear" },
      showPoints: "auto",
      spanNulls: false,
      stacking: { group: "A", mode: "none" },
      thresholdsStyle: { mode: "off" },
    },
    {
      legend: { calcs: [], displayMode: "list", placement: "bottom", showLegend: true },
      tooltip: { hideZeros: false, mode: "single", sort: "none" },
    },
  ),
  fields,
  standardFieldsAt: "fieldConfig.defaults",
  fieldConfigStandardOptions: true,
  modelledPaths: [
    "options.legend.showLegend",
    "options.legend.displayMode",
    "options.legend.placement",
    "options.legend.calcs",
    "fieldConfig.defaults.custom.drawStyle",
    "fieldConfig.defaults.custom.fillOpacity",
    "fieldConfig.defaults.custom.stacking.mode",
  ],
  legacy: [{ detect: (json) => (json.type === "graph" ? "graph" : undefined), convert: convertGraph }],
};
