import type {
  AxisPlacement,
  BarGaugeDisplayMode,
  BarGaugeNamePlacement,
  BarGaugeSizing,
  BarGaugeValueMode,
  BigValueColorMode,
  BigValueGraphMode,
  BigValueJustifyMode,
  BigValueTextMode,
  HeatmapCellLayout,
  LegendDisplayMode,
  PercentChangeColorMode,
  ReduceDataOptions,
  SortOrder,
  TableCellHeight,
  TooltipDisplayMode,
  VisibilityMode,
  VizOrientation,
} from "@grafana/schema";
import type { Options as BarGaugeOptions } from "@grafana/schema/dist/esm/raw/composable/bargauge/panelcfg/x/BarGaugePanelCfg_types.gen";
import type { Options as GaugeOptions } from "@grafana/schema/dist/esm/raw/composable/gauge/panelcfg/x/GaugePanelCfg_types.gen";
import type {
  HeatmapColorMode,
  HeatmapColorScale,
  Options as HeatmapOptions,
} from "@grafana/schema/dist/esm/raw/composable/heatmap/panelcfg/x/HeatmapPanelCfg_types.gen";
import type { Options as StatOptions } from "@grafana/schema/dist/esm/raw/composable/stat/panelcfg/x/StatPanelCfg_types.gen";
import type { Options as TableOptions } from "@grafana/schema/dist/esm/raw/composable/table/panelcfg/x/TablePanelCfg_types.gen";
import type { Options as TimeseriesOptions } from "@grafana/schema/dist/esm/raw/composable/timeseries/panelcfg/x/TimeSeriesPanelCfg_types.gen";
import type { Panel } from "../../model";
import { compact } from "../yaml";
import { asEnum } from "./schema-enum";

type PanelOf<T extends Panel["type"]> = Extract<Panel, { type: T }>;

/** The alert list panel (unified alerting) ships no schema types; its options as Grafana saves them. */
export interface AlertListOptions {
  alertInstanceLabelFilter: string;
  alertName: string;
  dashboardAlerts: boolean;
  groupBy: string[];
  groupMode: "default" | "custom";
  maxItems: number;
  /** 1 alphabetical, 2 reverse alphabetical, 3 importance (firing first), 4/5 by time. */
  sortOrder: 1 | 2 | 3 | 4 | 5;
  stateFilter: { error: boolean; firing: boolean; noData: boolean; normal: boolean; pending: boolean };
  viewMode: "list" | "stat";
}

function reduceOptions(calc: string): ReduceDataOptions {
  // values: false reduces each series to one number; fields "" means every numeric field.
  return { calcs: [calc], fields: "", values: false };
}

function timeseriesOptions(panel: PanelOf<"timeseries">): Partial<TimeseriesOptions> {
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

function statOptions(panel: PanelOf<"stat">): Partial<StatOptions> {
  return {
    colorMode: asEnum<BigValueColorMode>(panel.colorMode),
    graphMode: asEnum<BigValueGraphMode>(panel.graphMode),
    justifyMode: asEnum<BigValueJustifyMode>("auto"),
    orientation: asEnum<VizOrientation>("auto"),
    percentChangeColorMode: asEnum<PercentChangeColorMode>("standard"),
    reduceOptions: reduceOptions(panel.reduce),
    showPercentChange: false,
    textMode: asEnum<BigValueTextMode>("auto"),
    wideLayout: true,
  };
}

function gaugeOptions(panel: PanelOf<"gauge">): Partial<GaugeOptions> {
  return {
    minVizHeight: 75,
    minVizWidth: 75,
    orientation: asEnum<VizOrientation>("auto"),
    reduceOptions: reduceOptions(panel.reduce),
    showThresholdLabels: false,
    showThresholdMarkers: panel.showThresholdMarkers,
    sizing: asEnum<BarGaugeSizing>("auto"),
  };
}

function barGaugeOptions(panel: PanelOf<"bargauge">): Partial<BarGaugeOptions> {
  return {
    displayMode: asEnum<BarGaugeDisplayMode>(panel.displayMode),
    legend: {
      calcs: [],
      displayMode: asEnum<LegendDisplayMode>("list"),
      placement: "bottom",
      showLegend: false,
    },
    maxVizHeight: 300,
    minVizHeight: 16,
    minVizWidth: 8,
    namePlacement: asEnum<BarGaugeNamePlacement>("auto"),
    orientation: asEnum<VizOrientation>(panel.orientation),
    reduceOptions: reduceOptions(panel.reduce),
    showUnfilled: true,
    sizing: asEnum<BarGaugeSizing>("auto"),
    valueMode: asEnum<BarGaugeValueMode>("color"),
  };
}

function heatmapOptions(panel: PanelOf<"heatmap">): Partial<HeatmapOptions> {
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

function tableOptions(panel: PanelOf<"table">): Partial<TableOptions> {
  return {
    cellHeight: asEnum<TableCellHeight>("sm"),
    showHeader: panel.showHeader,
    sortBy: panel.sortBy.map((sort) => ({ desc: sort.desc, displayName: sort.displayName })),
  };
}

function alertListOptions(panel: PanelOf<"alertlist">): AlertListOptions {
  const states = new Set(panel.stateFilter);
  return {
    alertInstanceLabelFilter: panel.labelFilter,
    alertName: "",
    dashboardAlerts: false,
    groupBy: [],
    groupMode: "default",
    maxItems: panel.maxItems,
    sortOrder: 3,
    stateFilter: {
      error: states.has("error"),
      firing: states.has("firing"),
      noData: states.has("noData"),
      // Grafana calls the model's "inactive" state "normal".
      normal: states.has("inactive"),
      pending: states.has("pending"),
    },
    viewMode: "list",
  };
}

/** `options` of a panel: the model's choices plus the defaults Grafana writes for that type. */
export function toPanelOptions(panel: Exclude<Panel, { type: "row" }>): Record<string, unknown> {
  switch (panel.type) {
    case "timeseries":
      return { ...timeseriesOptions(panel) };
    case "stat":
      return { ...statOptions(panel) };
    case "gauge":
      return { ...gaugeOptions(panel) };
    case "bargauge":
      return { ...barGaugeOptions(panel) };
    case "heatmap":
      return { ...heatmapOptions(panel) };
    case "table":
      return { ...tableOptions(panel) };
    case "alertlist":
      return { ...alertListOptions(panel) };
    default: {
      const exhaustive: never = panel;
      throw new Error(`unknown panel type ${JSON.stringify(exhaustive)}`);
    }
  }
}
