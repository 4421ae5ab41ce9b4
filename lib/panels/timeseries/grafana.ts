import type {
  AxisColorMode,
  AxisPlacement,
  FieldConfigSource,
  GraphDrawStyle,
  GraphGradientMode,
  GraphThresholdsStyleMode,
  LegendDisplayMode,
  LineInterpolation,
  ScaleDistribution,
  SortOrder,
  StackingMode,
  TooltipDisplayMode,
  VisibilityMode,
} from "@grafana/schema";
import type {
  FieldConfig as TimeseriesFieldConfig,
  Options as TimeseriesOptions,
} from "@grafana/schema/dist/esm/raw/composable/timeseries/panelcfg/x/TimeSeriesPanelCfg_types.gen";
import { asEnum } from "../../generate/grafana/schema-enum";
import { fieldOverrides, HIDE_FROM_NOTHING, standardDefaults } from "../common/grafana-export";
import type { PanelOf, PanelTypeExport, PanelTypeGrafana } from "../types";
import { timeseriesImport } from "./import";

type TimeseriesPanel = PanelOf<"timeseries">;

function options(panel: TimeseriesPanel): Partial<TimeseriesOptions> {
  return {
    legend: {
      calcs: panel.legend.calcs,
      displayMode: asEnum<LegendDisplayMode>(panel.legend.displayMode),
      placement: panel.legend.placement,
      showLegend: panel.legend.show,
    },
    // Every series at the hovered time, largest first: what an incident needs from a shared crosshair.
    tooltip: {
      hideZeros: false,
      mode: asEnum<TooltipDisplayMode>("multi"),
      sort: asEnum<SortOrder>("desc"),
    },
  };
}

function custom(panel: TimeseriesPanel): Partial<TimeseriesFieldConfig> {
  return {
    axisBorderShow: false,
    axisCenteredZero: false,
    axisColorMode: asEnum<AxisColorMode>("text"),
    axisLabel: "",
    axisPlacement: asEnum<AxisPlacement>("auto"),
    barAlignment: 0,
    barWidthFactor: 0.6,
    drawStyle: asEnum<GraphDrawStyle>(panel.drawStyle),
    fillOpacity: panel.fillOpacity,
    gradientMode: asEnum<GraphGradientMode>("none"),
    hideFrom: HIDE_FROM_NOTHING,
    insertNulls: false,
    lineInterpolation: asEnum<LineInterpolation>("linear"),
    lineWidth: 1,
    pointSize: 5,
    scaleDistribution: { type: asEnum<ScaleDistribution>("linear") },
    showPoints: asEnum<VisibilityMode>("auto"),
    spanNulls: false,
    stacking: { group: "A", mode: asEnum<StackingMode>(panel.stacking) },
    thresholdsStyle: { mode: asEnum<GraphThresholdsStyleMode>("off") },
  };
}

function fieldConfig(panel: TimeseriesPanel): FieldConfigSource {
  return {
    defaults: standardDefaults(panel, "palette-classic", { ...custom(panel) }),
    overrides: fieldOverrides(panel),
  };
}

const timeseriesExport: PanelTypeExport<"timeseries"> = {
  pluginId: "timeseries",
  options,
  fieldConfig,
};

export const timeseriesGrafana: PanelTypeGrafana<"timeseries"> = {
  type: "timeseries",
  export: timeseriesExport,
  import: timeseriesImport,
};
