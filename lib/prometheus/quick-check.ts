import type { QueryData } from "./schemas";

/**
 * A query answer checked without zod, for the preview's hot path: it accepts only answers that
 * QueryResponseSchema accepts and returns unchanged (no key it would strip, no default it would
 * fill), which is what Prometheus sends. Anything else, an error answer included, is left to the
 * schema, so its messages and its defaults stay the only ones. About ten times cheaper than the
 * schema on a range answer, and the data is the parsed value itself, not a copy.
 */

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Exactly these keys (any order): an extra key is one the schema would strip. */
function hasKeys(value: Record<string, unknown>, required: readonly string[]): boolean {
  let count = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (!required.includes(key)) return false;
    count++;
  }
  return count === required.length;
}

function isLabelSet(value: unknown): value is Record<string, string> {
  if (!isPlainObject(value)) return false;
  for (const key in value) {
    // The schema's copy would set the prototype instead of keeping such a label.
    if (key === "__proto__" || typeof value[key] !== "string") return false;
  }
  return true;
}

function isSamplePair(value: unknown): value is [number, string] {
  return (
    Array.isArray(value) && value.length === 2 && typeof value[0] === "number" && typeof value[1] === "string"
  );
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

const SERIES_KEYS = ["metric", "values"];
const SAMPLE_KEYS = ["metric", "value"];
const DATA_KEYS = ["resultType", "result"];

/** `data` of a query answer that QueryDataSchema accepts and returns unchanged. */
export function isQueryData(value: unknown): value is QueryData {
  if (!isPlainObject(value) || !hasKeys(value, DATA_KEYS)) return false;
  const { resultType, result } = value;
  switch (resultType) {
    case "matrix":
      return (
        Array.isArray(result) &&
        result.every(
          (series) =>
            isPlainObject(series) &&
            hasKeys(series, SERIES_KEYS) &&
            isLabelSet(series.metric) &&
            Array.isArray(series.values) &&
            series.values.every(isSamplePair),
        )
      );
    case "vector":
      return (
        Array.isArray(result) &&
        result.every(
          (sample) =>
            isPlainObject(sample) &&
            hasKeys(sample, SAMPLE_KEYS) &&
            isLabelSet(sample.metric) &&
            isSamplePair(sample.value),
        )
      );
    case "scalar":
    case "string":
      return isSamplePair(result);
    default:
      return false;
  }
}

export interface QuickQueryAnswer {
  data: QueryData;
  warnings?: string[];
}

/**
 * The successful answer in `json` when it passes the quick check, else undefined (then the schema
 * decides). `infos` are accepted and not kept, as the schema's answer is read.
 */
export function quickQueryAnswer(json: unknown): QuickQueryAnswer | undefined {
  if (!isPlainObject(json) || json.status !== "success") return undefined;
  for (const key in json) {
    if (key !== "status" && key !== "data" && key !== "warnings" && key !== "infos") return undefined;
  }
  if (json.warnings !== undefined && !isStrings(json.warnings)) return undefined;
  if (json.infos !== undefined && !isStrings(json.infos)) return undefined;
  if (!isQueryData(json.data)) return undefined;
  return json.warnings === undefined ? { data: json.data } : { data: json.data, warnings: json.warnings };
}

const SUCCESS_PREFIX = '{"status":"success","data":';

/**
 * The text of the data value in an answer of exactly `{"status":"success","data":…}` as Prometheus
 * writes it, for passing on without encoding it again; undefined for any other layout. The answer's
 * parsed value must have only those two keys: then what follows the prefix, up to the closing brace,
 * is the data (with a repeated "data" key it ends with the last one, the value JSON.parse kept).
 */
export function rawSuccessData(text: string, parsed: Record<string, unknown>): string | undefined {
  if (!text.startsWith(SUCCESS_PREFIX) || !hasKeys(parsed, ["status", "data"])) return undefined;
  const end = text.trimEnd();
  return end.endsWith("}") ? end.slice(SUCCESS_PREFIX.length, -1) : undefined;
}
