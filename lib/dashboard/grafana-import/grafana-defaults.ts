import type { JsonObject } from "./json";

/**
 * What Grafana (10–12) assumes for a key a dashboard leaves out, per panel type. The importer fills
 * them in before mapping (a missing `fillOpacity` is Grafana's 0, not the designer's 10), and the
 * equivalence check drops them, so an export that spells a default out equals one that omits it.
 */

const HIDE_FROM = { legend: false, tooltip: false, viz: false };

export const GRAFANA_DEFAULT_THRESHOLDS = {
  mode: "absolute",
  steps: [
    { color: "green", value: null },
    { color: "red", value: 80 },
  ],
};

const REDUCE = { calcs: ["lastNotNull"], fields: "", values: false };

/** Keys every panel has unless set; timeFrom etc. are `null` in older exports. */
export const COMMON_PANEL_DEFAULTS: JsonObject = {
  cacheTimeout: null,
  description: "",
  hideTimeOverride: false,
  interval: null,
  links: [],
  maxDataPoints: null,
  timeFrom: null,
  timeShift: null,
  transformations: [],
  transparent: false,
};

function valuePanel(colorMode: string, custom?: JsonObject, options: JsonObject = {}): JsonObject {
  return {
    ...COMMON_PANEL_DEFAULTS,
    fieldConfig: {
      defaults: {
        color: { mode: colorMode },
        ...(custom ? { custom } : {}),
        mappings: [],
        thresholds: GRAFANA_DEFAULT_THRESHOLDS,
      },
      overrides: [],
    },
    options,
  };
}

export const PANEL_DEFAULTS: Record<string, JsonObject> = {
  timeseries: valuePanel(
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
      hideFrom: HIDE_FROM,
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
  stat: valuePanel("thresholds", undefined, {
    colorMode: "value",
    graphMode: "area",
    justifyMode: "auto",
    orientation: "auto",
    percentChangeColorMode: "standard",
    reduceOptions: REDUCE,
    showPercentChange: false,
    textMode: "auto",
    wideLayout: true,
  }),
  gauge: valuePanel("thresholds", undefined, {
    minVizHeight: 75,
    minVizWidth: 75,
    orientation: "auto",
    reduceOptions: REDUCE,
    showThresholdLabels: false,
    showThresholdMarkers: true,
    sizing: "auto",
  }),
  bargauge: valuePanel("thresholds", undefined, {
    displayMode: "gradient",
    legend: { calcs: [], displayMode: "list", placement: "bottom", showLegend: false },
    maxVizHeight: 300,
    minVizHeight: 16,
    minVizWidth: 8,
    namePlacement: "auto",
    orientation: "auto",
    reduceOptions: REDUCE,
    showUnfilled: true,
    sizing: "auto",
    valueMode: "color",
  }),
  heatmap: {
    ...COMMON_PANEL_DEFAULTS,
    fieldConfig: {
      defaults: { custom: { hideFrom: HIDE_FROM, scaleDistribution: { type: "linear" } } },
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
  table: valuePanel(
    "thresholds",
    { align: "auto", cellOptions: { type: "auto" }, inspect: false },
    {
      cellHeight: "sm",
      footer: { countRows: false, fields: "", reducer: ["sum"], show: false },
      showHeader: true,
      sortBy: [],
    },
  ),
  alertlist: {
    ...COMMON_PANEL_DEFAULTS,
    fieldConfig: { defaults: {}, overrides: [] },
    options: {
      alertInstanceLabelFilter: "",
      alertName: "",
      dashboardAlerts: false,
      groupBy: [],
      groupMode: "default",
      maxItems: 20,
      sortOrder: 1,
      stateFilter: { error: true, firing: true, noData: false, normal: false, pending: true },
      viewMode: "list",
    },
  },
  row: { collapsed: false, panels: [] },
};

export function panelDefaults(type: string): JsonObject {
  return PANEL_DEFAULTS[type] ?? COMMON_PANEL_DEFAULTS;
}

const VARIABLE_COMMON: JsonObject = { description: "", hide: 0, label: "", skipUrlSync: false };

export const VARIABLE_DEFAULTS: Record<string, JsonObject> = {
  query: {
    ...VARIABLE_COMMON,
    allValue: "",
    includeAll: false,
    multi: false,
    refresh: 1,
    regex: "",
    sort: 0,
    tagValuesQuery: "",
    tags: [],
    tagsQuery: "",
    useTags: false,
  },
  custom: { ...VARIABLE_COMMON, allValue: "", includeAll: false, multi: false, queryValue: "" },
  constant: { ...VARIABLE_COMMON, hide: 2, skipUrlSync: true },
  interval: { ...VARIABLE_COMMON, auto: false, auto_count: 30, auto_min: "10s", refresh: 2 },
  datasource: { ...VARIABLE_COMMON, includeAll: false, multi: false, queryValue: "", refresh: 1, regex: "" },
};

export function variableDefaults(type: string): JsonObject {
  return VARIABLE_DEFAULTS[type] ?? VARIABLE_COMMON;
}

export const BUILT_IN_ANNOTATION: JsonObject = {
  builtIn: 1,
  datasource: { type: "grafana", uid: "-- Grafana --" },
  enable: true,
  hide: true,
  iconColor: "rgba(0, 211, 255, 1)",
  name: "Annotations & Alerts",
  type: "dashboard",
};

export const DASHBOARD_DEFAULTS: JsonObject = {
  annotations: { list: [BUILT_IN_ANNOTATION] },
  description: "",
  editable: true,
  fiscalYearStartMonth: 0,
  gnetId: null,
  graphTooltip: 0,
  links: [],
  liveNow: false,
  refresh: "",
  style: "dark",
  tags: [],
  time: { from: "now-6h", to: "now" },
  timepicker: {},
  timezone: "",
  weekStart: "",
};
