import type {
  AxisColorMode,
  AxisPlacement,
  FieldColorModeId,
  FieldConfig,
  FieldConfigSource,
  GraphDrawStyle,
  GraphGradientMode,
  GraphThresholdsStyleMode,
  LineInterpolation,
  ScaleDistribution,
  StackingMode,
  TableCellDisplayMode,
  ThresholdsConfig,
  ThresholdsMode,
  VisibilityMode,
} from "@grafana/schema";
import type { FieldConfig as HeatmapFieldConfig } from "@grafana/schema/dist/esm/raw/composable/heatmap/panelcfg/x/HeatmapPanelCfg_types.gen";
import type { FieldConfig as TableFieldConfig } from "@grafana/schema/dist/esm/raw/composable/table/panelcfg/x/TablePanelCfg_types.gen";
import type { FieldConfig as TimeseriesFieldConfig } from "@grafana/schema/dist/esm/raw/composable/timeseries/panelcfg/x/TimeSeriesPanelCfg_types.gen";
import type { Panel, Thresholds } from "../../model";
import { compact } from "../yaml";
import { asEnum } from "./schema-enum";

type QueryPanel = Exclude<Panel, { type: "row" }>;

const HIDE_FROM_NOTHING = { legend: false, tooltip: false, viz: false };

/**
 * Without thresholds in the model, one green base step: Grafana's own default adds red at 80,
 * which would colour any value above 80 (requests per second, bytes) as a problem.
 */
function thresholdsConfig(thresholds: Thresholds | undefined): ThresholdsConfig {
  if (!thresholds)
    return { mode: asEnum<ThresholdsMode>("absolute"), steps: [{ color: "green", value: null }] };
  return {
    mode: asEnum<ThresholdsMode>(thresholds.mode),
    steps: thresholds.steps.map((step) => ({ color: step.color, value: step.value })),
  };
}

/** Unit, decimals, min, max, thresholds and colour: the standard options every value panel shares. */
function standardDefaults(
  panel: QueryPanel,
  colorMode: "thresholds" | "palette-classic",
  custom?: Record<string, unknown>,
): FieldConfig {
  return compact({
    color: { mode: asEnum<FieldColorModeId>(colorMode) },
    custom,
    decimals: panel.decimals,
    mappings: [],
    max: panel.max,
    min: panel.min,
    thresholds: thresholdsConfig(panel.thresholds),
    unit: panel.unit,
  });
}

function timeseriesCustom(panel: Extract<Panel, { type: "timeseries" }>): Partial<TimeseriesFieldConfig> {
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

function tableCustom(): Partial<TableFieldConfig> {
  return {
    align: "auto",
    cellOptions: { type: asEnum<TableCellDisplayMode.Auto>("auto") },
    inspect: false,
  };
}

function heatmapCustom(): HeatmapFieldConfig {
  return { hideFrom: HIDE_FROM_NOTHING, scaleDistribution: { type: asEnum<ScaleDistribution>("linear") } };
}

/** `fieldConfig` of a panel, with the defaults Grafana writes for a new panel of that type. */
export function toFieldConfig(panel: QueryPanel): FieldConfigSource {
  switch (panel.type) {
    case "timeseries":
      return {
        defaults: standardDefaults(panel, "palette-classic", { ...timeseriesCustom(panel) }),
        overrides: [],
      };
    case "stat":
    case "gauge":
    case "bargauge":
      return { defaults: standardDefaults(panel, "thresholds"), overrides: [] };
    case "table":
      return { defaults: standardDefaults(panel, "thresholds", { ...tableCustom() }), overrides: [] };
    case "heatmap":
      // The heatmap colours cells by its own scheme option; unit and decimals go on its y axis.
      return { defaults: { custom: { ...heatmapCustom() } }, overrides: [] };
    case "alertlist":
      return { defaults: {}, overrides: [] };
    default: {
      const exhaustive: never = panel;
      throw new Error(`unknown panel type ${JSON.stringify(exhaustive)}`);
    }
  }
}
