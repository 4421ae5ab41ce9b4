import {
  asArray,
  asNumber,
  asObject,
  asString,
  isPlainObject,
  type JsonObject,
} from "../../dashboard/grafana-import/json";

/**
 * A graph panel's `seriesOverrides` (and `hiddenSeries`) as time series field overrides, as Grafana's
 * graph → timeseries migration converts them: `flotToGraphOptions` (later `graphToTimeseriesOptions`)
 * in grafana/grafana public/app/plugins/panel/timeseries/migrations.ts. An alias written as a regex
 * (`/…/`) matches by regexp, any other alias by name; each graph option becomes the field config
 * property that draws the same. Options the time series panel has no property for are listed in
 * `ignored` (Grafana's migration drops them too, with a console line).
 */

export interface SeriesOverridesConversion {
  overrides: JsonObject[];
  /** How many series overrides became a field override (those with an alias and a convertible option). */
  converted: number;
  /** `alias: option` of each option with no time series equivalent. */
  ignored: string[];
}

/** Grafana's test for a regex alias: the same delimiter at both ends, then flags. */
const REGEX_ALIAS = /^([/~@;%#'])(.*?)\1([gimsuy]*)$/;

/** `getFieldConfigFromOldAxis`: a graph y-axis as standard and custom field config. */
function axisConfig(axis: JsonObject | undefined): { standard: JsonObject; custom: JsonObject } {
  if (!axis) return { standard: {}, custom: {} };
  const custom: JsonObject = { axisPlacement: axis.show === false ? "hidden" : "auto" };
  const label = asString(axis.label);
  if (label) custom.axisLabel = label;
  const log = asNumber(axis.logBase);
  if (log === 2 || log === 10) custom.scaleDistribution = { log, type: "log" };
  const standard: JsonObject = {};
  const unit = asString(axis.format);
  if (unit) standard.unit = unit;
  for (const key of ["decimals", "min", "max"] as const) {
    const value = asNumber(axis[key]);
    if (value !== undefined) standard[key] = value;
  }
  return { standard, custom };
}

/**
 * `yaxis: 2`: the series moves to an axis on the right (hidden if the right axis is), with the
 * right axis's unit, limits, label and scale where they differ from the left one's
 * (`fillY2DynamicValues`).
 */
function rightAxisProperties(yaxes: readonly JsonObject[]): JsonObject[] {
  const left = axisConfig(yaxes[0]);
  const right = axisConfig(yaxes[1] ?? {});
  const properties: JsonObject[] = [];
  for (const [key, value] of Object.entries(right.standard)) {
    if (JSON.stringify(value) !== JSON.stringify(left.standard[key])) properties.push({ id: key, value });
  }
  const placement = right.custom.axisPlacement === "hidden" ? "hidden" : "right";
  properties.push({ id: "custom.axisPlacement", value: placement });
  for (const [key, value] of Object.entries(right.custom)) {
    if (key === "axisPlacement") continue;
    if (JSON.stringify(value) !== JSON.stringify(left.custom[key]))
      properties.push({ id: `custom.${key}`, value });
  }
  return properties;
}

function stacking(value: unknown): JsonObject {
  if (value === false) return { group: "A", mode: "none" };
  return { group: typeof value === "string" && value !== "" ? value : "A", mode: "normal" };
}

/** One option of a series override as field config properties, or undefined when there is none. */
function properties(key: string, value: unknown, yaxes: readonly JsonObject[]): JsonObject[] | undefined {
  switch (key) {
    case "yaxis":
      return value === 2 ? rightAxisProperties(yaxes) : [];
    case "fill":
      return [{ id: "custom.fillOpacity", value: (asNumber(value) ?? 0) * 10 }];
    case "fillBelowTo":
      return [{ id: "custom.fillBelowTo", value }];
    case "fillGradient":
      return value
        ? [
            { id: "custom.gradientMode", value: "opacity" },
            { id: "custom.fillOpacity", value: (asNumber(value) ?? 0) * 10 },
          ]
        : [];
    case "points":
      return [{ id: "custom.showPoints", value: value ? "always" : "never" }];
    case "bars":
      return value
        ? [
            { id: "custom.drawStyle", value: "bars" },
            { id: "custom.fillOpacity", value: 100 },
          ]
        : [{ id: "custom.drawStyle", value: "line" }];
    case "lines":
      // Lines on: drawn as lines; lines off: a line zero wide (points or bars still show).
      return value ? [{ id: "custom.drawStyle", value: "line" }] : [{ id: "custom.lineWidth", value: 0 }];
    case "linewidth":
      return [{ id: "custom.lineWidth", value: asNumber(value) ?? 1 }];
    case "pointradius":
      return [{ id: "custom.pointSize", value: 2 + (asNumber(value) ?? 0) * 2 }];
    case "steppedLine":
      return [{ id: "custom.lineInterpolation", value: value ? "stepAfter" : "linear" }];
    case "stack":
      return [{ id: "custom.stacking", value: stacking(value) }];
    case "color":
      return typeof value === "string" ? [{ id: "color", value: { fixedColor: value, mode: "fixed" } }] : [];
    case "transform":
      return [{ id: "custom.transform", value: value === "negative-Y" ? "negative-Y" : "constant" }];
    case "legend":
      return value === false
        ? [{ id: "custom.hideFrom", value: { legend: true, tooltip: false, viz: false } }]
        : [];
    case "hideTooltip":
      return value === true
        ? [{ id: "custom.hideFrom", value: { legend: false, tooltip: true, viz: false } }]
        : [];
    default:
      return undefined;
  }
}

/** `dashes`, `dashLength`, `spaceLength` of one override: one lineStyle, from the panel's own. */
function lineStyle(override: JsonObject, panel: JsonObject): JsonObject | undefined {
  if (!["dashes", "dashLength", "spaceLength"].some((key) => key in override)) return undefined;
  const dashes = "dashes" in override ? override.dashes === true : panel.dashes === true;
  return {
    dash: [
      asNumber(override.dashLength) ?? asNumber(panel.dashLength) ?? 10,
      asNumber(override.spaceLength) ?? asNumber(panel.spaceLength) ?? 10,
    ],
    fill: dashes ? "dash" : "solid",
  };
}

/** hideFrom properties of one series merged, so a series hidden from legend and tooltip gets one. */
function mergeHideFrom(list: JsonObject[]): JsonObject[] {
  const hides = list.filter((property) => property.id === "custom.hideFrom");
  if (hides.length < 2) return list;
  const merged = { legend: false, tooltip: false, viz: false } as Record<string, boolean>;
  for (const hide of hides)
    for (const [key, on] of Object.entries(asObject(hide.value))) merged[key] = merged[key] || on === true;
  const rest = list.filter((property) => property.id !== "custom.hideFrom");
  return [...rest, { id: "custom.hideFrom", value: merged }];
}

/** One property per id: where two options set the same one (bars: false and lines: true), the last wins. */
function lastWins(list: JsonObject[]): JsonObject[] {
  const byId = new Map<unknown, JsonObject>();
  for (const property of list) byId.set(property.id, property);
  return [...byId.values()];
}

export function convertSeriesOverrides(panel: JsonObject): SeriesOverridesConversion {
  const yaxes = asArray(panel.yaxes).map(asObject);
  const overrides: JsonObject[] = [];
  const ignored: string[] = [];
  let converted = 0;
  for (const override of asArray(panel.seriesOverrides).filter(isPlainObject)) {
    const alias = asString(override.alias);
    if (!alias) continue;
    const list: JsonObject[] = [];
    for (const [key, value] of Object.entries(override)) {
      if (key === "alias" || key === "$$hashKey" || ["dashes", "dashLength", "spaceLength"].includes(key))
        continue;
      const props = properties(key, value, yaxes);
      if (props === undefined) ignored.push(`${alias}: ${key}`);
      else list.push(...props);
    }
    const dash = lineStyle(override, panel);
    if (dash) list.push({ id: "custom.lineStyle", value: dash });
    if (list.length === 0) continue;
    converted++;
    overrides.push({
      matcher: { id: REGEX_ALIAS.test(alias) ? "byRegexp" : "byName", options: alias },
      properties: lastWins(mergeHideFrom(list)),
    });
  }
  // Series switched off in the legend: hidden from the graph, still listed in legend and tooltip.
  for (const [name, hidden] of Object.entries(asObject(panel.hiddenSeries))) {
    if (hidden !== true) continue;
    overrides.push({
      matcher: { id: "byName", options: name },
      properties: [{ id: "custom.hideFrom", value: { legend: false, tooltip: false, viz: true } }],
    });
  }
  return { overrides, converted, ignored };
}
