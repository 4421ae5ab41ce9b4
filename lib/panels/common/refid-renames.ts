import { asArray, asString, isPlainObject, type JsonObject } from "../../dashboard/grafana-import/json";
import { assignRefIds } from "../../dashboard/grafana-import/targets";

/** Old refId → the model's, for each of a panel's queries whose refId the import renames ("Rate" → A). */
export function refIdRenames(targets: readonly unknown[]): Map<string, string> {
  const { refIds } = assignRefIds(targets);
  const renames = new Map<string, string>();
  targets.forEach((target, index) => {
    const old = isPlainObject(target) ? asString(target.refId) : undefined;
    const next = refIds[index];
    if (old !== undefined && next !== undefined && old !== next && !renames.has(old)) renames.set(old, next);
  });
  return renames;
}

/**
 * A panel's JSON with what names a renamed query following the rename, so it still points at it:
 * matchers by query (`byFrameRefID`, in field overrides and in transformations) and the
 * "Value #<refId>" column Grafana names a table query's value after (organize, sort, calculate).
 */
export function followRefIdRenames(panel: JsonObject, renames: ReadonlyMap<string, string>): JsonObject {
  if (renames.size === 0) return panel;
  const column = (text: string): string => {
    const match = /^Value #(.+)$/.exec(text);
    const next = match ? renames.get(match[1] ?? "") : undefined;
    return next ? `Value #${next}` : text;
  };
  const rewrite = (value: unknown): unknown => {
    if (typeof value === "string") return column(value);
    if (Array.isArray(value)) return value.map(rewrite);
    if (!isPlainObject(value)) return value;
    if (value.id === "byFrameRefID" && typeof value.options === "string") {
      return { ...value, options: renames.get(value.options) ?? value.options };
    }
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [column(key), rewrite(entry)]));
  };
  const out: JsonObject = { ...panel };
  if (Array.isArray(panel.transformations)) out.transformations = rewrite(panel.transformations);
  const fieldConfig = panel.fieldConfig;
  if (isPlainObject(fieldConfig) && Array.isArray(fieldConfig.overrides)) {
    out.fieldConfig = { ...fieldConfig, overrides: asArray(rewrite(fieldConfig.overrides)) };
  }
  return out;
}
