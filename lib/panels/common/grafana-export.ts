import type {
  FieldColorModeId,
  FieldConfig,
  FieldConfigSource,
  ReduceDataOptions,
  ThresholdsConfig,
  ThresholdsMode,
} from "@grafana/schema";
import { asEnum } from "../../generate/grafana/schema-enum";
import { compact } from "../../generate/yaml";
import type { Thresholds, VisualPanel } from "../../model/panel";

/** What the generators of every panel type share: the standard options and Grafana's reducer. */

export const HIDE_FROM_NOTHING = { legend: false, tooltip: false, viz: false };

export function reduceOptions(calc: string): ReduceDataOptions {
  // values: false reduces each series to one number; fields "" means every numeric field.
  return { calcs: [calc], fields: "", values: false };
}

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
export function standardDefaults(
  panel: VisualPanel,
  colorMode: "thresholds" | "palette-classic",
  custom?: Record<string, unknown>,
): FieldConfig {
  return compact({
    color: { mode: asEnum<FieldColorModeId>(colorMode) },
    custom,
    decimals: panel.decimals,
    // The model's mapping types are Grafana's MappingType values, written as the strings they are.
    mappings: sortedKeys("mappings" in panel ? (panel.mappings ?? []) : []) as FieldConfig["mappings"],
    max: panel.max,
    min: panel.min,
    thresholds: thresholdsConfig(panel.thresholds),
    unit: panel.unit,
  });
}

/**
 * A JSON value with every object's keys in alphabetical order, as Grafana's exports write them, so
 * the order of the model's schema (a mapping's `type` first) does not show in the export.
 */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
  );
}

/** `fieldConfig.overrides`: the panel's field overrides as Grafana writes them. */
export function fieldOverrides(panel: VisualPanel): FieldConfigSource["overrides"] {
  return sortedKeys("overrides" in panel ? (panel.overrides ?? []) : []) as FieldConfigSource["overrides"];
}
