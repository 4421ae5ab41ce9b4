import type {
  FieldColorModeId,
  FieldConfig,
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
    mappings: [],
    max: panel.max,
    min: panel.min,
    thresholds: thresholdsConfig(panel.thresholds),
    unit: panel.unit,
  });
}
