import type { JsonObject } from "../../dashboard/grafana-import/json";
import { asArray, asNumber, asObject } from "../../dashboard/grafana-import/json";
import { type ReduceCalc, ReduceCalcSchema } from "../../model/panel-base";

/** What the import mappings of every panel type share: Grafana's defaults and lenient readers. */

export const GRAFANA_DEFAULT_THRESHOLDS = {
  mode: "absolute",
  steps: [
    { color: "green", value: null },
    { color: "red", value: 80 },
  ],
};

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

/** Grafana's default reducer: the last non-null value of every numeric field. */
export const DEFAULT_REDUCE = { calcs: ["lastNotNull"], fields: "", values: false };

/** What Grafana's time series and heatmap assume for `custom.hideFrom`: hidden from nothing. */
export const DEFAULT_HIDE_FROM = { legend: false, tooltip: false, viz: false };

/** A value panel's defaults: the common keys, standard field options and its own `options`. */
export function valuePanelDefaults(
  colorMode: string,
  custom?: JsonObject,
  options: JsonObject = {},
): JsonObject {
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

export function enumValue<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.find((option) => option === value);
}

export function intIn(value: unknown, min: number, max: number): number | undefined {
  const number = asNumber(value);
  return number !== undefined && Number.isInteger(number) && number >= min && number <= max
    ? number
    : undefined;
}

/** The first of `reduceOptions.calcs` when the model has it, else the last non-null value. */
export function reduceCalc(options: JsonObject): ReduceCalc {
  const calc = asArray(asObject(options.reduceOptions).calcs)[0];
  const parsed = ReduceCalcSchema.safeParse(calc);
  return parsed.success ? parsed.data : "lastNotNull";
}
