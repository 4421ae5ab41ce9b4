import {
  asArray,
  asNumber,
  asObject,
  asString,
  isPlainObject,
  type JsonObject,
} from "../../dashboard/grafana-import/json";
import {
  dropUndefined,
  type LegacyConversion,
  leftovers,
  shared,
  singlestatThresholds,
  VALUE_NAME_CALCS,
} from "../common/legacy";

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

/** What a legacy mapping of `null` (value "null", or a range from or to "null") shows: a special null mapping. */
function nullMapping(text: unknown): JsonObject {
  return { options: { match: "null", result: { text: String(text ?? "") } }, type: "special" };
}

/**
 * Singlestat's value and range maps as value mappings, as Grafana's convertOldAngularValueMappings
 * upgrades them: a map of "null" becomes a special null mapping. "null" shown as "N/A" is left out:
 * it is what a gap shows anyway.
 */
function singlestatMappings(panel: JsonObject): JsonObject[] {
  const valueMaps = asArray(panel.valueMaps)
    .filter(isPlainObject)
    .filter((m) => m.value !== "null" || m.text !== "N/A")
    .map((m) =>
      m.value === "null"
        ? nullMapping(m.text)
        : { options: { [String(m.value)]: { text: String(m.text ?? "") } }, type: "value" },
    );
  const rangeMaps = asArray(panel.rangeMaps)
    .filter(isPlainObject)
    .filter((m) => m.from !== "null" || m.text !== "N/A")
    .map((m) =>
      m.from === "null" || m.to === "null"
        ? nullMapping(m.text)
        : {
            options: {
              from: asNumber(m.from) ?? null,
              result: { text: String(m.text ?? "") },
              to: asNumber(m.to) ?? null,
            },
            type: "range",
          },
    );
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
