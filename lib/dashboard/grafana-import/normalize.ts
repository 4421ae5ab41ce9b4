import { asNumber, getPath, isPlainObject, type JsonObject, setPath } from "./json";

/**
 * A current (non-legacy) panel's JSON in one spelling per meaning, as Grafana reads it, so two
 * panels that Grafana draws alike compare equal. Used by the importer (is a value the model writes
 * differently still the same value?) and by the equivalence check (no false differences).
 *
 * - Thresholds: Grafana treats the first step as the base whatever its value (a missing one
 *   included) and sorts the others by value on load.
 * - `unit: ""` is no unit; `decimals`, `min` and `max` of null are unset (older exports).
 * - A legend `displayMode: "hidden"` is Grafana 8's hidden legend, migrated to `showLegend: false`.
 */
export function normalizeGrafanaPanel(panel: JsonObject): JsonObject {
  let out = panel;
  const thresholds = getPath(out, "fieldConfig.defaults.thresholds");
  if (isPlainObject(thresholds) && Array.isArray(thresholds.steps)) {
    out = setPath(out, "fieldConfig.defaults.thresholds.steps", normalizeSteps(thresholds.steps));
  }
  for (const at of ["fieldConfig.defaults", "options.yAxis"]) {
    const standard = getPath(out, at);
    if (!isPlainObject(standard)) continue;
    const cleaned = Object.fromEntries(
      Object.entries(standard).filter(
        ([key, value]) =>
          !(key === "unit" && value === "") && !(["decimals", "min", "max"].includes(key) && value === null),
      ),
    );
    for (const key of ["decimals", "min", "max"]) {
      const number = asNumber(cleaned[key]);
      if (number !== undefined) cleaned[key] = number;
    }
    out = setPath(out, at, cleaned);
  }
  const legend = getPath(out, "options.legend");
  if (isPlainObject(legend) && legend.displayMode === "hidden") {
    out = setPath(out, "options.legend", { ...legend, displayMode: "list", showLegend: false });
  }
  return out;
}

function normalizeSteps(steps: unknown[]): unknown[] {
  const [base, ...rest] = steps;
  if (!isPlainObject(base)) return steps;
  const stepValue = (step: unknown): number =>
    isPlainObject(step) ? (asNumber(step.value) ?? Number.NEGATIVE_INFINITY) : Number.NEGATIVE_INFINITY;
  const sorted = [...rest].sort((a, b) => stepValue(a) - stepValue(b));
  return [
    { ...base, value: null },
    ...sorted.map((step) =>
      isPlainObject(step) && step.value !== undefined && asNumber(step.value) !== undefined
        ? { ...step, value: asNumber(step.value) }
        : step,
    ),
  ];
}
