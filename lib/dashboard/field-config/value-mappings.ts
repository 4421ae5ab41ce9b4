import type { ValueMapping, ValueMappingResult } from "../../model/field-config";
import { regexOf } from "./regex";

/** A value as a mapping sees it: a sample (number, NaN or null for a gap) or a table cell's text. */
export type MappableValue = number | string | boolean | null | undefined;

function isNaNValue(value: MappableValue): boolean {
  // Grafana's `isNaN(value)`: true for NaN and for text that is not a number ("abc"), false for null.
  if (value === null || value === undefined) return value === undefined;
  if (typeof value === "boolean") return false;
  return Number.isNaN(Number(value));
}

/** A value as a value map's key: Grafana looks the value up as `options[value]`, i.e. as text. */
function keyOf(value: Exclude<MappableValue, null | undefined>): string {
  return String(value);
}

function rangeResult(
  options: Extract<ValueMapping, { type: "range" }>["options"],
  value: MappableValue,
): ValueMappingResult | undefined {
  if (value === null || value === undefined || typeof value === "boolean") return undefined;
  const number = typeof value === "number" ? value : Number.parseFloat(value);
  if (Number.isNaN(number)) return undefined;
  // An unset bound is open (Grafana's editor leaves it undefined; a null from older JSON reads alike).
  const from = options.from ?? undefined;
  const to = options.to ?? undefined;
  if (from !== undefined && number < from) return undefined;
  if (to !== undefined && number > to) return undefined;
  return options.result;
}

function regexResult(
  options: Extract<ValueMapping, { type: "regex" }>["options"],
  value: MappableValue,
): ValueMappingResult | undefined {
  // Only text is matched: a sample's number never is, as in Grafana.
  if (typeof value !== "string") return undefined;
  const regex = regexOf(options.pattern);
  if (!regex?.test(value)) return undefined;
  regex.lastIndex = 0;
  const result = { ...options.result };
  // The matched part is replaced by the result's text ($1 for groups); the rest is kept.
  if (result.text !== undefined && result.text !== null) result.text = value.replace(regex, result.text);
  return result;
}

function specialResult(
  options: Extract<ValueMapping, { type: "special" }>["options"],
  value: MappableValue,
): ValueMappingResult | undefined {
  const isNull = value === null || value === undefined;
  switch (options.match) {
    case "null":
      return isNull ? options.result : undefined;
    case "nan":
      return isNaNValue(value) ? options.result : undefined;
    case "null+nan":
      return isNull || isNaNValue(value) ? options.result : undefined;
    case "true":
      return value === true || value === "true" ? options.result : undefined;
    case "false":
      return value === false || value === "false" ? options.result : undefined;
    case "empty":
      return value === "" ? options.result : undefined;
    default: {
      const never: never = options.match;
      throw new Error(`unknown special value ${String(never)}`);
    }
  }
}

/**
 * What a value shows under the mappings: the first mapping (in order) that matches it, or null.
 * Grafana's getValueMappingResult: value maps look the value up as text, ranges are inclusive and
 * skip what is not a number, regexes match text only and rewrite the matched part, special values
 * match null, NaN, true, false and the empty text.
 */
export function mapValue(
  mappings: readonly ValueMapping[] | undefined,
  value: MappableValue,
): ValueMappingResult | null {
  for (const mapping of mappings ?? []) {
    let result: ValueMappingResult | undefined;
    switch (mapping.type) {
      case "value":
        result =
          value === null || value === undefined
            ? undefined
            : Object.hasOwn(mapping.options, keyOf(value))
              ? mapping.options[keyOf(value)]
              : undefined;
        break;
      case "range":
        result = rangeResult(mapping.options, value);
        break;
      case "regex":
        result = regexResult(mapping.options, value);
        break;
      case "special":
        result = specialResult(mapping.options, value);
        break;
      default: {
        const never: never = mapping;
        throw new Error(`unknown value mapping ${JSON.stringify(never)}`);
      }
    }
    if (result) return result;
  }
  return null;
}
