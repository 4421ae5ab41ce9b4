import {
  asArray,
  asNumber,
  asObject,
  asString,
  isPlainObject,
  type JsonObject,
} from "../../dashboard/grafana-import/json";
import { dropUndefined, type LegacyConversion, leftovers, shared } from "../common/legacy";
import { convertSeriesOverrides } from "./series-overrides";

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

/** The threshold keys of a graph's `grid` before schemaVersion 13. */
const GRID_THRESHOLD_KEYS = [
  "threshold1",
  "threshold1Color",
  "threshold2",
  "threshold2Color",
  "thresholdLine",
];

/**
 * Graphs saved before schemaVersion 13 keep up to two thresholds in `grid`; Grafana's DashboardMigrator
 * (its `oldVersion < 13` step) moves them to `thresholds`: a line or a fill in the given colour, both
 * `gt`, or both `lt` when the first is the larger. Null thresholds are none.
 */
function gridThresholds(grid: JsonObject): JsonObject[] {
  // Grafana leaves the other of line/fill unset, which its timeseries migration reads as off.
  const one = (value: number, color: unknown): JsonObject =>
    grid.thresholdLine === true
      ? { value, line: true, fill: false, lineColor: color, colorMode: "custom" }
      : { value, line: false, fill: true, fillColor: color, colorMode: "custom" };
  const t1 = typeof grid.threshold1 === "number" ? grid.threshold1 : undefined;
  const t2 = typeof grid.threshold2 === "number" ? grid.threshold2 : undefined;
  if (t1 === undefined) return [];
  if (t2 === undefined) return [{ ...one(t1, grid.threshold1Color), op: "gt" }];
  const op = t1 > t2 ? "lt" : "gt";
  return [
    { ...one(t1, grid.threshold1Color), op },
    { ...one(t2, grid.threshold2Color), op },
  ];
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
  "grid",
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
  const { thresholds, style } = graphThresholds(
    [...asArray(panel.thresholds), ...gridThresholds(asObject(panel.grid))],
    notes,
  );
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
  const series = convertSeriesOverrides(panel);
  if (series.overrides.length > 0) {
    (out.fieldConfig as JsonObject).overrides = [...overrides, ...series.overrides];
    const hidden = series.overrides.length - series.converted;
    notes.push({
      key: "seriesOverrides",
      what: `converted ${series.converted} series override${series.converted === 1 ? "" : "s"}${
        hidden > 0 ? ` and ${hidden} hidden series` : ""
      } to field overrides, as Grafana's graph migration does`,
    });
  }
  if (series.ignored.length > 0) {
    notes.push({
      key: "seriesOverrides",
      what: `series override options with no time series equivalent dropped, as Grafana drops them: ${series.ignored.join(", ")}`,
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
  const grid = Object.fromEntries(
    Object.entries(asObject(panel.grid)).filter(
      ([key, value]) => !GRID_THRESHOLD_KEYS.includes(key) && value !== null && value !== undefined,
    ),
  );
  if (Object.keys(grid).length > 0) {
    out.grid = grid;
    notes.push({ key: "grid", what: "legacy graph grid options other than its thresholds kept as raw JSON" });
  }
  Object.assign(out, leftovers(panel, GRAPH_KEYS, notes));
  return { panel: out, notes };
}
