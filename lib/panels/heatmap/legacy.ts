import {
  asNumber,
  asObject,
  asString,
  isPlainObject,
  type JsonObject,
} from "../../dashboard/grafana-import/json";
import { dropUndefined, type LegacyConversion, leftovers, shared } from "../common/legacy";

/**
 * Is this the heatmap of Grafana 8 and before? Grafana's own migration (the heatmap panel's
 * migration handler) converts a heatmap only when its `options` are empty: a current heatmap that
 * still carries a stray legacy key (`dataFormat`, `cards`, a root `yAxis`) is read from its
 * options, and the stale keys mean nothing.
 */
export function isOldHeatmap(panel: JsonObject): boolean {
  return (
    panel.type === "heatmap" && Object.keys(asObject(panel.options)).length === 0 && hasLegacyKeys(panel)
  );
}

function hasLegacyKeys(panel: JsonObject): boolean {
  return "dataFormat" in panel || "cards" in panel || isPlainObject(panel.yAxis);
}

/** The legacy keys a current heatmap carries (Grafana ignores them), for the import report. */
export function strayLegacyKeys(panel: JsonObject): string[] {
  if (panel.type !== "heatmap" || isOldHeatmap(panel)) return [];
  return Object.keys(panel).filter((key) => OLD_HEATMAP_KEYS.has(key) && key !== "fieldConfig");
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
