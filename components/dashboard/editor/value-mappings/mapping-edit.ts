import type { SpecialValueMatch, ValueMapping, ValueMappingResult } from "@/lib/model/field-config";

/** Pure edits of a value mapping list, for the panel form. */

export type MappingType = ValueMapping["type"];

/** A new mapping of a type, with an empty result to fill in. */
export function newMapping(type: MappingType): ValueMapping {
  switch (type) {
    case "value":
      return { type, options: { "": { text: "" } } };
    case "range":
      return { type, options: { from: 0, to: 100, result: { text: "" } } };
    case "regex":
      return { type, options: { pattern: "(.*)", result: { text: "$1" } } };
    case "special":
      return { type, options: { match: "null", result: { text: "N/A" } } };
    default: {
      const never: never = type;
      throw new Error(`unknown mapping type ${String(never)}`);
    }
  }
}

/** A value map's entries as a list, in order: each exact value with what it shows. */
export function valueEntries(
  mapping: Extract<ValueMapping, { type: "value" }>,
): Array<[string, ValueMappingResult]> {
  return Object.entries(mapping.options);
}

/** A value map with its entry at `index` replaced (key and result), other entries in place. */
export function setValueEntry(
  mapping: Extract<ValueMapping, { type: "value" }>,
  index: number,
  key: string,
  result: ValueMappingResult,
): ValueMapping {
  const entries = valueEntries(mapping);
  const next = entries.map(([k, r], i): [string, ValueMappingResult] =>
    i === index ? [key, result] : [k, r],
  );
  return { type: "value", options: Object.fromEntries(next) };
}

/** What a mapping shows (a value map's is its first entry's). */
export function resultOf(mapping: ValueMapping): ValueMappingResult {
  return mapping.type === "value" ? (valueEntries(mapping)[0]?.[1] ?? {}) : mapping.options.result;
}

/** A result's text or colour changed; an empty text or colour is left out, as Grafana writes it. */
export function withResult(
  result: ValueMappingResult,
  change: { text?: string; color?: string },
): ValueMappingResult {
  const next: ValueMappingResult = { ...result, ...change };
  if (next.text === "") delete next.text;
  if (next.color === "") delete next.color;
  return next;
}

export const SPECIAL_LABELS: ReadonlyArray<[SpecialValueMatch, string]> = [
  ["null", "Null"],
  ["nan", "NaN"],
  ["null+nan", "Null and NaN"],
  ["true", "True"],
  ["false", "False"],
  ["empty", "Empty"],
];

/** The list without the entry at `index`; undefined when that leaves none (the model holds no empty list). */
export function without<T>(list: readonly T[], index: number): T[] | undefined {
  const next = list.filter((_entry, i) => i !== index);
  return next.length > 0 ? next : undefined;
}

/** The list with the entry at `index` replaced. */
export function replaced<T>(list: readonly T[], index: number, entry: T): T[] {
  return list.map((current, i) => (i === index ? entry : current));
}
