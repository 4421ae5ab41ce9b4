import type {
  AxisPlacement,
  HeatmapCellLayout,
  ScaleDistribution,
  TooltipDisplayMode,
  VisibilityMode,
} from "@grafana/schema";
import type {
  HeatmapColorMode,
  HeatmapColorScale,
  FieldConfig as HeatmapFieldConfig,
  Options as HeatmapOptions,
} from "@grafana/schema/dist/esm/raw/composable/heatmap/panelcfg/x/HeatmapPanelCfg_types.gen";
import { asEnum } from "../../generate/grafana/schema-enum";
import { compact } from "../../generate/yaml";
import { HIDE_FROM_NOTHING } from "../common/grafana-export";
import type { PanelOf, PanelTypeExport, PanelTypeGrafana } from "../types";
import { heatmapImport } from "./import";

function options(panel: PanelOf<"heatmap">): Partial<HeatmapOptions> {
  return {
    calculate: panel.calculate,
    cellGap: 1,
    color: {
      exponent: 0.5,
      fill: "dark-orange",
      mode: asEnum<HeatmapColorMode>("scheme"),
      reverse: false,
      scale: asEnum<HeatmapColorScale>("exponential"),
      scheme: panel.colorScheme,
      steps: 64,
    },
    exemplars: { color: "rgba(255,0,255,0.7)" },
    // Hides the empty lowest bucket Prometheus histograms start with.
    filterValues: { le: 1e-9 },
    legend: { show: true },
    rowsFrame: { layout: asEnum<HeatmapCellLayout>("auto") },
    showValue: asEnum<VisibilityMode>("auto"),
    tooltip: { mode: asEnum<TooltipDisplayMode>("single"), showColorScale: false, yHistogram: false },
    yAxis: compact({
      axisPlacement: asEnum<AxisPlacement>("left"),
      decimals: panel.decimals,
      max: panel.max,
      min: panel.min,
      reverse: false,
      unit: panel.unit,
    }),
  };
}

function custom(): HeatmapFieldConfig {
  return { hideFrom: HIDE_FROM_NOTHING, scaleDistribution: { type: asEnum<ScaleDistribution>("linear") } };
}

const heatmapExport: PanelTypeExport<"heatmap"> = {
  pluginId: "heatmap",
  options,
  // The heatmap colours cells by its own scheme option; unit and decimals go on its y axis.
  fieldConfig: () => ({ defaults: { custom: { ...custom() } }, overrides: [] }),
};

export const heatmapGrafana: PanelTypeGrafana<"heatmap"> = {
  type: "heatmap",
  export: heatmapExport,
  import: heatmapImport,
};
