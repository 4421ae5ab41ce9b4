import { asArray, type JsonObject } from "../../dashboard/grafana-import/json";

/**
 * What Grafana's own migrations of retired panels share. Each migration, JSON to JSON, lives with
 * the panel type it migrates to (`graph` in timeseries/, `singlestat` in stat/, `table-old` in
 * table/, the legacy alert list in alertlist/, the old heatmap in heatmap/). What a migration cannot
 * express stays on the converted panel under its old key, and is noted.
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

export function shared(panel: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of SHARED_KEYS) if (panel[key] !== undefined) out[key] = panel[key];
  return out;
}

/** Keys a converter did not consume, kept on the converted panel so nothing is lost. */
export function leftovers(
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

/** Legacy reducer names (singlestat `valueName`, table-old columns) as Grafana's calcs. */
export const VALUE_NAME_CALCS: Record<string, string> = {
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

/** Grafana 7's default singlestat colours: ok, warning, critical. */
const SINGLESTAT_COLORS = ["#299c46", "rgba(237, 129, 40, 0.89)", "#d44a3a"];

/** Grafana 7's thresholds (singlestat, table-old column styles): values "50,80" and a colour per band. */
export function singlestatThresholds(panel: JsonObject): JsonObject {
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

export function dropUndefined(value: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined));
}
