import { asArray, asBoolean, asNumber, asObject, asString, isPlainObject, type JsonObject } from "./json";

/**
 * Grafana's own migrations of retired panels, JSON to JSON: `graph` → `timeseries`, `singlestat` →
 * `stat` (or `gauge`), `table-old` → `table`, the legacy alert list → the unified one. What a
 * migration cannot express stays on the converted panel under its old key, and is noted.
 */
export interface LegacyConversion {
  panel: JsonObject;
  notes: Array<{ key: string; what: string }>;
}

/** Keys every panel type shares; they carry over unchanged. */
const SHARED_KEYS = [
  "id",
  "gridPos",
  "title",
  "description",
  "datasource",
  "targets",
  "links",
  "transparent",
  "repeat",
  "repeatDirection",
  "maxPerRow",
  "timeFrom",
  "timeShift",
  "hideTimeOverride",
  "interval",
  "maxDataPoints",
  "transformations",
  "cacheTimeout",
  "libraryPanel",
];

/** Keys of retired panels that mean nothing once converted. */
const OBSOLETE_KEYS = new Set([
  "pluginVersion",
  "isNew",
  "error",
  "editable",
  "span",
  "height",
  "renderer",
  "options",
]);

function shared(panel: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of SHARED_KEYS) if (panel[key] !== undefined) out[key] = panel[key];
  return out;
}

/** Keys a converter did not consume, kept on the converted panel so nothing is lost. */
function leftovers(
  panel: JsonObject,
  consumed: ReadonlySet<string>,
  notes: LegacyConversion["notes"],
): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(panel)) {
    if (SHARED_KEYS.includes(key) || consumed.has(key) || OBSOLETE_KEYS.has(key) || key === "type") continue;
    if (value === null || value === undefined) continue;
    out[key] = value;
    notes.push({ key, what: `legacy option ${key} has no equivalent after conversion; kept as raw JSON` });
  }
  return out;
}

const LEGEND_CALCS: ReadonlyArray<readonly [string, string]> = [
  ["min", "min"],
  ["max", "max"],
  ["avg", "mean"],
  ["current", "lastNotNull"],
  ["total", "sum"],
];

const LEGEND_SORT_NAMES: Record<string, string> = {
  min: "Min",
  max: "Max",
  avg: "Mean",
  current: "Last *",
  total: "Total",
};

const THRESHOLD_COLORS: Record<string, string> = { critical: "red", warning: "orange", ok: "green" };

function graphThresholds(
  legacy: unknown[],
  notes: LegacyConversion["notes"],
): { thresholds?: JsonObject; style?: string } {
  const usable = legacy.filter(isPlainObject).filter((t) => asNumber(t.value) !== undefined);
  if (usable.length === 0) return {};
  if (usable.some((t) => t.op === "lt")) {
    notes.push({
      key: "thresholds",
      what: "graph thresholds with op lt are shown as steps upward from their value",
    });
  }
  const steps = usable
    .map((t) => ({
      color:
        t.colorMode === "custom"
          ? (asString(t.lineColor) ?? asString(t.fillColor) ?? "red")
          : (THRESHOLD_COLORS[asString(t.colorMode) ?? ""] ?? "red"),
      value: asNumber(t.value) as number,
    }))
    .sort((a, b) => a.value - b.value);
  const line = usable.some((t) => t.line !== false);
  const fill = usable.some((t) => t.fill === true);
  const style = line && fill ? "line+area" : fill ? "area" : "line";
  return {
    thresholds: { mode: "absolute", steps: [{ color: "transparent", value: null }, ...steps] },
    style,
  };
}

function aliasColorOverrides(aliasColors: unknown): JsonObject[] {
  return Object.entries(asObject(aliasColors))
    .filter(([, color]) => typeof color === "string")
    .map(([alias, color]) => ({
      matcher: { id: "byName", options: alias },
      properties: [{ id: "color", value: { fixedColor: color, mode: "fixed" } }],
    }));
}

const GRAPH_KEYS = new Set([
  "aliasColors",
  "alert",
  "bars",
  "dashLength",
  "dashes",
  "decimals",
  "fieldConfig",
  "fill",
  "fillGradient",
  "hiddenSeries",
  "legend",
  "lines",
  "linewidth",
  "nullPointMode",
  "percentage",
  "pointradius",
  "points",
  "seriesOverrides",
  "spaceLength",
  "stack",
  "steppedLine",
  "thresholds",
  "timeRegions",
  "tooltip",
  "xaxis",
  "yaxes",
  "yaxis",
]);

/** `graph` → `timeseries`, as Grafana's graph migration does it. */
export function convertGraph(panel: JsonObject): LegacyConversion {
  const notes: LegacyConversion["notes"] = [];
  const axes = asArray(panel.yaxes).map(asObject);
  const left = axes[0] ?? {};
  const legend = asObject(panel.legend);
  const tooltip = asObject(panel.tooltip);
  const bars = panel.bars === true;
  const lines = panel.lines !== false;
  const points = panel.points === true;
  const logBase = asNumber(left.logBase) ?? 1;
  const custom: JsonObject = {
    axisLabel: asString(left.label) ?? "",
    axisPlacement: left.show === false ? "hidden" : "auto",
    drawStyle: bars ? "bars" : !lines && points ? "points" : "line",
    fillOpacity: Math.min(100, Math.max(0, Math.round((asNumber(panel.fill) ?? 1) * 10))),
    gradientMode: (asNumber(panel.fillGradient) ?? 0) > 0 ? "opacity" : "none",
    lineInterpolation: panel.steppedLine === true ? "stepAfter" : "linear",
    lineWidth: asNumber(panel.linewidth) ?? 1,
    pointSize: Math.max(1, (asNumber(panel.pointradius) ?? 2.5) * 2),
    scaleDistribution: logBase > 1 ? { log: logBase, type: "log" } : { type: "linear" },
    showPoints: points ? "always" : "never",
    spanNulls: panel.nullPointMode === "connected",
    stacking: {
      group: "A",
      mode: panel.stack === true ? (panel.percentage === true ? "percent" : "normal") : "none",
    },
  };
  if (panel.dashes === true) {
    custom.lineStyle = {
      dash: [asNumber(panel.dashLength) ?? 10, asNumber(panel.spaceLength) ?? 10],
      fill: "dash",
    };
  }
  if (panel.nullPointMode === "null as zero") {
    notes.push({
      key: "nullPointMode",
      what: 'nullPointMode "null as zero" has no timeseries option; gaps stay gaps',
    });
  }
  const { thresholds, style } = graphThresholds(asArray(panel.thresholds), notes);
  if (style) custom.thresholdsStyle = { mode: style };

  const legendValues = legend.values === true;
  const calcs = legendValues
    ? LEGEND_CALCS.filter(([key]) => legend[key] === true).map(([, calc]) => calc)
    : [];
  const legendOptions: JsonObject = {
    calcs,
    displayMode: legend.alignAsTable === true ? "table" : "list",
    placement: legend.rightSide === true ? "right" : "bottom",
    showLegend: legend.show !== false,
  };
  const sort = asString(legend.sort);
  if (sort && LEGEND_SORT_NAMES[sort] && legendValues) {
    legendOptions.sortBy = LEGEND_SORT_NAMES[sort];
    legendOptions.sortDesc = legend.sortDesc === true;
  }
  for (const key of ["hideEmpty", "hideZero"]) {
    if (legend[key] === true)
      notes.push({ key: `legend.${key}`, what: `legend.${key} has no timeseries option; dropped` });
  }

  const sortOrder = asNumber(tooltip.sort) ?? 0;
  const defaults: JsonObject = {
    color: { mode: "palette-classic" },
    custom,
    decimals: asNumber(left.decimals) ?? asNumber(panel.decimals),
    links: asObject(asObject(panel.fieldConfig).defaults).links,
    mappings: [],
    max: asNumber(left.max),
    min: asNumber(left.min),
    thresholds: thresholds ?? { mode: "absolute", steps: [{ color: "green", value: null }] },
    unit: asString(left.format) ?? "short",
  };
  const overrides = [
    ...asArray(asObject(panel.fieldConfig).overrides),
    ...aliasColorOverrides(panel.aliasColors),
  ];
  const out: JsonObject = {
    ...shared(panel),
    type: "timeseries",
    fieldConfig: { defaults: dropUndefined(defaults), overrides },
    options: {
      legend: legendOptions,
      tooltip: {
        mode: tooltip.shared === false ? "single" : "multi",
        sort: ["none", "asc", "desc"][sortOrder] ?? "none",
      },
    },
  };
  const seriesOverrides = asArray(panel.seriesOverrides);
  if (seriesOverrides.length > 0) {
    out.seriesOverrides = seriesOverrides;
    notes.push({
      key: "seriesOverrides",
      what: `${seriesOverrides.length} graph series override(s) kept as raw JSON; timeseries panels ignore them (recreate as field overrides)`,
    });
  }
  const rightAxis = axes[1];
  if (rightAxis && seriesOverrides.some((o) => asObject(o).yaxis === 2)) {
    out.yaxes = panel.yaxes;
    notes.push({
      key: "yaxes",
      what: "right y-axis settings kept as raw JSON with the series overrides that use it",
    });
  }
  const xaxis = asObject(panel.xaxis);
  if (xaxis.mode !== undefined && xaxis.mode !== "time") {
    out.xaxis = panel.xaxis;
    notes.push({
      key: "xaxis.mode",
      what: `graph x-axis mode "${String(xaxis.mode)}" has no timeseries equivalent`,
    });
  }
  if (asArray(panel.timeRegions).length > 0) {
    out.timeRegions = panel.timeRegions;
    notes.push({
      key: "timeRegions",
      what: "graph time regions kept as raw JSON (annotations replace them)",
    });
  }
  if (isPlainObject(panel.alert)) {
    out.alert = panel.alert;
    notes.push({
      key: "alert",
      what: "legacy graph alert kept as raw JSON; Grafana 11+ ignores it: recreate it as a Prometheus alert rule",
    });
  }
  Object.assign(out, leftovers(panel, GRAPH_KEYS, notes));
  return { panel: out, notes };
}

const VALUE_NAME_CALCS: Record<string, string> = {
  avg: "mean",
  current: "lastNotNull",
  total: "sum",
  min: "min",
  max: "max",
  first: "first",
  delta: "delta",
  diff: "diff",
  range: "range",
  last_time: "lastNotNull",
};

const SINGLESTAT_KEYS = new Set([
  "cacheTimeout",
  "colorBackground",
  "colorPostfix",
  "colorPrefix",
  "colorValue",
  "colors",
  "decimals",
  "fieldConfig",
  "format",
  "gauge",
  "mappingType",
  "mappingTypes",
  "nullPointMode",
  "nullText",
  "postfix",
  "postfixFontSize",
  "prefix",
  "prefixFontSize",
  "rangeMaps",
  "sparkline",
  "tableColumn",
  "thresholds",
  "valueFontSize",
  "valueMaps",
  "valueName",
]);

const SINGLESTAT_COLORS = ["#299c46", "rgba(237, 129, 40, 0.89)", "#d44a3a"];

function singlestatThresholds(panel: JsonObject): JsonObject {
  const colors = asArray(panel.colors).filter((c): c is string => typeof c === "string");
  const palette = colors.length > 0 ? colors : SINGLESTAT_COLORS;
  const values = String(panel.thresholds ?? "")
    .split(",")
    .map((text) => text.trim())
    .filter((text) => text !== "" && Number.isFinite(Number(text)))
    .map(Number);
  return {
    mode: "absolute",
    steps: [
      { color: palette[0], value: null },
      ...values.map((value, index) => ({ color: palette[Math.min(index + 1, palette.length - 1)], value })),
    ],
  };
}

function singlestatMappings(panel: JsonObject): JsonObject[] {
  const valueMaps = asArray(panel.valueMaps)
    .filter(isPlainObject)
    .filter((m) => m.value !== "null" || m.text !== "N/A")
    .map((m) => ({ options: { [String(m.value)]: { text: String(m.text ?? "") } }, type: "value" }));
  const rangeMaps = asArray(panel.rangeMaps)
    .filter(isPlainObject)
    .filter((m) => m.from !== "null" || m.text !== "N/A")
    .map((m) => ({
      options: {
        from: asNumber(m.from) ?? null,
        result: { text: String(m.text ?? "") },
        to: asNumber(m.to) ?? null,
      },
      type: "range",
    }));
  return panel.mappingType === 2 ? [...rangeMaps, ...valueMaps] : [...valueMaps, ...rangeMaps];
}

/** `singlestat` → `stat`, or `gauge` when it drew one. */
export function convertSinglestat(panel: JsonObject): LegacyConversion {
  const notes: LegacyConversion["notes"] = [];
  const gauge = asObject(panel.gauge);
  const isGauge = gauge.show === true;
  const valueName = asString(panel.valueName) ?? "avg";
  const calc = VALUE_NAME_CALCS[valueName];
  if (!calc)
    notes.push({
      key: "valueName",
      what: `singlestat value "${valueName}" has no reducer; showing the last value`,
    });
  if (valueName === "last_time")
    notes.push({ key: "valueName", what: 'singlestat "Time of last point" shows the last value instead' });
  let unit = asString(panel.format) ?? "none";
  const prefix = asString(panel.prefix) ?? "";
  const postfix = asString(panel.postfix) ?? "";
  if ((prefix || postfix) && (unit === "none" || unit === "short")) {
    unit = postfix ? `suffix:${postfix}` : `prefix:${prefix}`;
    if (prefix && postfix)
      notes.push({
        key: "prefix",
        what: `singlestat prefix "${prefix}" dropped; the suffix became the unit`,
      });
  } else if (prefix || postfix) {
    notes.push({
      key: "postfix",
      what: `singlestat prefix/postfix "${prefix}"/"${postfix}" dropped (the unit ${unit} is kept)`,
    });
  }
  const tableColumn = asString(panel.tableColumn) ?? "";
  const reduceOptions = {
    calcs: [calc ?? "lastNotNull"],
    fields: tableColumn === "" ? "" : `/^${tableColumn.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$/`,
    values: false,
  };
  const defaults = dropUndefined({
    color: { mode: "thresholds" },
    decimals: asNumber(panel.decimals),
    mappings: singlestatMappings(panel),
    max: isGauge ? (asNumber(gauge.maxValue) ?? 100) : undefined,
    min: isGauge ? (asNumber(gauge.minValue) ?? 0) : undefined,
    thresholds: singlestatThresholds(panel),
    unit,
  });
  const options: JsonObject = isGauge
    ? {
        orientation: "horizontal",
        reduceOptions,
        showThresholdLabels: gauge.thresholdLabels === true,
        showThresholdMarkers: gauge.thresholdMarkers !== false,
      }
    : {
        colorMode:
          panel.colorBackground === true ? "background" : panel.colorValue === true ? "value" : "none",
        graphMode: asObject(panel.sparkline).show === true ? "area" : "none",
        justifyMode: "auto",
        orientation: "horizontal",
        reduceOptions,
        textMode: "auto",
      };
  const out: JsonObject = {
    ...shared(panel),
    type: isGauge ? "gauge" : "stat",
    fieldConfig: { defaults, overrides: asArray(asObject(panel.fieldConfig).overrides) },
    options,
  };
  Object.assign(out, leftovers(panel, SINGLESTAT_KEYS, notes));
  return { panel: out, notes };
}

const TABLE_OLD_KEYS = new Set([
  "columns",
  "fontSize",
  "pageSize",
  "scroll",
  "showHeader",
  "sort",
  "styles",
  "transform",
  "fieldConfig",
]);

const STYLE_ALIGN: Record<string, string> = { left: "left", right: "right", center: "center" };

function styleProperties(style: JsonObject): Array<{ id: string; value: unknown }> {
  const properties: Array<{ id: string; value: unknown }> = [];
  if (typeof style.alias === "string" && style.alias !== "")
    properties.push({ id: "displayName", value: style.alias });
  if (style.type === "hidden") properties.push({ id: "custom.hidden", value: true });
  if (style.type === "number" && typeof style.unit === "string")
    properties.push({ id: "unit", value: style.unit });
  if (typeof style.decimals === "number") properties.push({ id: "decimals", value: style.decimals });
  const align = STYLE_ALIGN[asString(style.align) ?? ""];
  if (align) properties.push({ id: "custom.align", value: align });
  if (style.colorMode === "cell" || style.colorMode === "value" || style.colorMode === "row") {
    properties.push({
      id: "custom.cellOptions",
      value: { type: style.colorMode === "value" ? "color-text" : "color-background" },
    });
    properties.push({
      id: "thresholds",
      value: singlestatThresholds({ thresholds: asArray(style.thresholds).join(","), colors: style.colors }),
    });
  }
  if (typeof style.link === "boolean" && style.link && typeof style.linkUrl === "string") {
    properties.push({
      id: "links",
      value: [{ title: asString(style.linkTooltip) ?? "", url: style.linkUrl }],
    });
  }
  return properties;
}

/** `table-old` (Grafana 7's table) → `table`: column styles become field overrides. */
export function convertTableOld(panel: JsonObject): LegacyConversion {
  const notes: LegacyConversion["notes"] = [];
  const overrides: JsonObject[] = [];
  const defaults: JsonObject = { custom: { align: "auto", cellOptions: { type: "auto" }, inspect: false } };
  for (const style of asArray(panel.styles).filter(isPlainObject)) {
    const pattern = asString(style.pattern) ?? "";
    const properties = styleProperties(style);
    if (style.type === "date") {
      notes.push({
        key: "styles",
        what: `date column style "${pattern}" dropped (the table formats times itself)`,
      });
    }
    if (properties.length === 0) continue;
    if (pattern === "/.*/") {
      for (const property of properties) {
        if (property.id === "custom.align") (defaults.custom as JsonObject).align = property.value;
        else if (property.id === "custom.cellOptions")
          (defaults.custom as JsonObject).cellOptions = property.value;
        else if (!property.id.includes(".")) defaults[property.id] = property.value;
      }
      continue;
    }
    const isRegexp = pattern.startsWith("/") && pattern.lastIndexOf("/") > 0;
    overrides.push({ matcher: { id: isRegexp ? "byRegexp" : "byName", options: pattern }, properties });
  }
  const transformations = [...asArray(panel.transformations)];
  const transform = asString(panel.transform);
  if (transform === "timeseries_to_rows") transformations.push({ id: "seriesToRows", options: {} });
  else if (transform === "timeseries_to_columns")
    transformations.push({ id: "seriesToColumns", options: {} });
  else if (transform && transform !== "table" && transform !== "timeseries_aggregations") {
    notes.push({ key: "transform", what: `table-old transform "${transform}" has no equivalent; dropped` });
  }
  if (transform === "timeseries_aggregations") {
    const calcs = asArray(panel.columns)
      .map(
        (column) =>
          VALUE_NAME_CALCS[asString(asObject(column).value) ?? ""] ?? asString(asObject(column).value),
      )
      .filter((calc): calc is string => typeof calc === "string");
    transformations.push({ id: "reduce", options: { reducers: calcs.length > 0 ? calcs : ["mean"] } });
  }
  const sort = asObject(panel.sort);
  if (typeof sort.col === "number") {
    notes.push({
      key: "sort",
      what: `table-old sort by column ${sort.col} dropped (the new table sorts by column name)`,
    });
  }
  if (panel.fontSize !== undefined && panel.fontSize !== "100%") {
    notes.push({ key: "fontSize", what: `table-old font size ${String(panel.fontSize)} dropped` });
  }
  const out: JsonObject = {
    ...shared(panel),
    type: "table",
    fieldConfig: { defaults, overrides },
    options: { showHeader: panel.showHeader !== false },
  };
  if (transformations.length > 0) out.transformations = transformations;
  Object.assign(out, leftovers(panel, TABLE_OLD_KEYS, notes));
  return { panel: out, notes };
}

const LEGACY_STATES: Record<string, string> = {
  alerting: "firing",
  pending: "pending",
  no_data: "noData",
  execution_error: "error",
  ok: "normal",
};

/** Is this alert list from legacy alerting (state filters as a list)? */
export function isLegacyAlertList(panel: JsonObject): boolean {
  const options = asObject(panel.options);
  return (
    Array.isArray(options.stateFilter) || Array.isArray(panel.stateFilter) || "onlyAlertsOnDashboard" in panel
  );
}

/** The legacy alert list → the unified one, state names translated. */
export function convertLegacyAlertList(panel: JsonObject): LegacyConversion {
  const notes: LegacyConversion["notes"] = [];
  const source =
    isPlainObject(panel.options) && Array.isArray(panel.options.stateFilter) ? panel.options : panel;
  const states = new Set(asArray(source.stateFilter).map((state) => LEGACY_STATES[String(state)]));
  const filter =
    states.size === 0
      ? { error: true, firing: true, noData: false, normal: false, pending: true }
      : {
          error: states.has("error"),
          firing: states.has("firing"),
          noData: states.has("noData"),
          normal: states.has("normal"),
          pending: states.has("pending"),
        };
  if (source.show === "changes")
    notes.push({ key: "show", what: "legacy alert list of state changes shows current alerts" });
  const out: JsonObject = {
    ...shared(panel),
    type: "alertlist",
    options: {
      alertName: asString(source.nameFilter) ?? "",
      dashboardAlerts: asBoolean(source.onlyAlertsOnDashboard) ?? false,
      maxItems: asNumber(source.limit) ?? asNumber(source.maxItems) ?? 10,
      sortOrder: asNumber(source.sortOrder) ?? 1,
      stateFilter: filter,
    },
  };
  return { panel: out, notes };
}

function dropUndefined(value: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined));
}

/** Is this the heatmap of Grafana 8 and before (options at the panel's root)? */
export function isOldHeatmap(panel: JsonObject): boolean {
  return (
    panel.type === "heatmap" && ("dataFormat" in panel || "cards" in panel || isPlainObject(panel.yAxis))
  );
}

const OLD_HEATMAP_KEYS = new Set([
  "cards",
  "color",
  "dataFormat",
  "heatmap",
  "hideZeroBuckets",
  "highlightCards",
  "legend",
  "reverseYBuckets",
  "tooltip",
  "tooltipDecimals",
  "xAxis",
  "xBucketNumber",
  "xBucketSize",
  "yAxis",
  "yBucketBound",
  "yBucketNumber",
  "yBucketSize",
  "fieldConfig",
]);

/** The old heatmap → the new one, as Grafana 9's heatmap migration does for the common options. */
export function convertOldHeatmap(panel: JsonObject): LegacyConversion {
  const notes: LegacyConversion["notes"] = [];
  const axis = asObject(panel.yAxis);
  const color = asObject(panel.color);
  const scheme = (asString(color.colorScheme) ?? "interpolateOranges").replace(/^interpolate/, "");
  const yAxis = dropUndefined({
    axisPlacement: axis.show === false ? "hidden" : "left",
    decimals: asNumber(axis.decimals),
    max: asNumber(axis.max),
    min: asNumber(axis.min),
    reverse: panel.reverseYBuckets === true,
    unit: asString(axis.format),
  });
  if (color.mode === "opacity")
    notes.push({ key: "color.mode", what: "opacity colour mode shown with the scheme's colours" });
  const out: JsonObject = {
    ...shared(panel),
    type: "heatmap",
    fieldConfig: {
      defaults: {
        custom: {
          hideFrom: { legend: false, tooltip: false, viz: false },
          scaleDistribution: { type: "linear" },
        },
      },
      overrides: [],
    },
    options: {
      calculate: panel.dataFormat !== "tsbuckets",
      color: { exponent: asNumber(color.exponent) ?? 0.5, mode: "scheme", scheme, steps: 128 },
      legend: { show: asObject(panel.legend).show !== false },
      tooltip: {
        mode: asObject(panel.tooltip).show === false ? "none" : "single",
        yHistogram: asObject(panel.tooltip).showHistogram === true,
      },
      yAxis,
    },
  };
  Object.assign(out, leftovers(panel, OLD_HEATMAP_KEYS, notes));
  return { panel: out, notes };
}
