import {
  asArray,
  asNumber,
  asObject,
  asString,
  getPath,
  isPlainObject,
  type JsonObject,
  withDefaults,
} from "../../dashboard/grafana-import/json";
import { FieldOverridesSchema, ValueMappingsSchema } from "../../model/field-config";
import type { Thresholds } from "../../model/panel-base";
import type { PanelTypeGrafana } from "../types";
import { intIn } from "./grafana-import";

/**
 * Which parts of a panel's Grafana JSON the model holds, and how they read as the model's fields.
 * The importer reads a panel with it; the exporter asks it whether a value an import kept raw at
 * one of these paths still means what the model holds (so an edit in the designer always wins).
 */

/** Panel keys the model writes itself; a value kept raw there is never used. */
export const PANEL_KEYS_OWNED = [
  "id",
  "type",
  "title",
  "description",
  "gridPos",
  "datasource",
  "targets",
] as const;

/** Where the standard options sit, for a type whose export writes them. */
function standardAt(grafana: PanelTypeGrafana): string | undefined {
  const { standardFieldsAt, fieldConfigStandardOptions } = grafana.import;
  return standardFieldsAt === "fieldConfig.defaults" && !fieldConfigStandardOptions
    ? undefined
    : standardFieldsAt;
}

/**
 * The Grafana paths a panel type's model fields are read from and written to: unit, decimals,
 * min, max and thresholds where the type has them, then the type's own (`options.legend.calcs` …).
 */
export function modelledPaths(grafana: PanelTypeGrafana): string[] {
  const at = standardAt(grafana);
  return [
    ...(at ? ["unit", "decimals", "min", "max"].map((key) => `${at}.${key}`) : []),
    ...(grafana.import.fieldConfigStandardOptions ? FIELD_CONFIG_PATHS : []),
    ...grafana.import.modelledPaths,
  ];
}

/** Where thresholds, value mappings and field overrides sit, for a type with a field config. */
const FIELD_CONFIG_PATHS = [
  "fieldConfig.defaults.thresholds",
  "fieldConfig.defaults.mappings",
  "fieldConfig.overrides",
];

/**
 * A list the model holds (value mappings, field overrides): undefined when empty, and when any entry
 * does not fit the model, so the whole list is kept as Grafana wrote it (and exported so) instead.
 */
function readList<T>(
  schema: { safeParse(value: unknown): { success: boolean; data?: T[] } },
  value: unknown,
): T[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** What reading thresholds changed in form: notes for the import report. */
export type ThresholdNote = "base-step-value" | "sorted";

/**
 * Grafana's thresholds as the model's: the first step is the base (Grafana ignores its value and
 * treats a missing one as -Infinity), the others sorted by value, as Grafana sorts them on load.
 */
export function readThresholds(
  value: unknown,
  note: (what: ThresholdNote, detail: string) => void = () => {},
): Thresholds | undefined {
  if (!isPlainObject(value)) return undefined;
  const steps = asArray(value.steps)
    .filter(isPlainObject)
    .map((step) => ({
      value: step.value === null ? null : (asNumber(step.value) ?? null),
      color: asString(step.color) ?? "",
    }))
    .filter((step) => step.color !== "");
  if (steps.length === 0) return undefined;
  const [base, ...rest] = steps as [(typeof steps)[0], ...typeof steps];
  if (base.value !== null) note("base-step-value", String(base.value));
  const sorted = rest.filter((step) => step.value !== null).sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
  const unique = sorted.filter((step, index) => index === 0 || step.value !== sorted[index - 1]?.value);
  if (unique.length !== rest.length || sorted.some((step, index) => step !== rest[index])) {
    note("sorted", "");
  }
  return {
    mode: value.mode === "percentage" ? "percentage" : "absolute",
    steps: [{ value: null, color: base.color }, ...unique],
  };
}

/**
 * The model fields a panel of this type reads from its Grafana JSON (all but id, title, targets and
 * the other panel keys): standard options, thresholds and the type's own. `json` is read with
 * Grafana's defaults for the type filled in.
 */
export function readModelledFields(
  grafana: PanelTypeGrafana,
  json: JsonObject,
  note?: (what: ThresholdNote, detail: string) => void,
): Record<string, unknown> {
  const filled = withDefaults(json, grafana.import.grafanaDefaults);
  const source = asObject(getPath(filled, grafana.import.standardFieldsAt));
  const unit = asString(source.unit);
  const fields: Record<string, unknown> = {
    unit: unit === "" ? undefined : unit,
    decimals: intIn(source.decimals, 0, 10),
    min: asNumber(source.min),
    max: asNumber(source.max),
    thresholds: grafana.import.fieldConfigStandardOptions
      ? readThresholds(getPath(filled, "fieldConfig.defaults.thresholds"), note)
      : undefined,
    ...(grafana.import.fieldConfigStandardOptions
      ? {
          mappings: readList(ValueMappingsSchema, getPath(filled, "fieldConfig.defaults.mappings")),
          overrides: readList(FieldOverridesSchema, getPath(filled, "fieldConfig.overrides")),
        }
      : {}),
    ...grafana.import.fields(filled),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, entry]) => entry !== undefined));
}
