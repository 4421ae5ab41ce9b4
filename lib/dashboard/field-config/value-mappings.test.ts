import { describe, expect, it } from "vitest";
import type { ValueMapping } from "../../model/field-config";
import { type MappableValue, mapValue } from "./value-mappings";

/**
 * Cases ported from Grafana's own tests of getValueMappingResult
 * (packages/grafana-data/src/utils/valueMappings.test.ts): the same mappings, values and results.
 */

type Result = { text?: string; color?: string };
const valueToText = (options: Record<string, Result>): ValueMapping => ({ type: "value", options });
const rangeToText = (from: number | null, to: number | null, result: Result): ValueMapping => ({
  type: "range",
  options: { from, to, result },
});
const regexToText = (pattern: string, result: Result): ValueMapping => ({
  type: "regex",
  options: { pattern, result },
});
const special = (
  match: "null" | "nan" | "null+nan" | "true" | "false" | "empty",
  result: Result,
): ValueMapping => ({ type: "special", options: { match, result } });

const CASES: Array<{
  what: string;
  mappings: ValueMapping[];
  value: MappableValue;
  expected: Result | null;
}> = [
  {
    what: "value: the mapped result when the key exists",
    mappings: [valueToText({ online: { text: "UP" }, offline: { text: "DOWN" } })],
    value: "online",
    expected: { text: "UP" },
  },
  {
    what: "value: null when the key is not in the map",
    mappings: [valueToText({ online: { text: "UP" } })],
    value: "unknown",
    expected: null,
  },
  {
    what: "value: skipped when the value is null",
    mappings: [valueToText({ online: { text: "UP" } })],
    value: null,
    expected: null,
  },
  {
    what: "value: a number is looked up as its text",
    mappings: [valueToText({ "1": { text: "up", color: "green" }, "0": { text: "down", color: "red" } })],
    value: 0,
    expected: { text: "down", color: "red" },
  },
  {
    what: "range: a value inside",
    mappings: [rangeToText(0, 10, { text: "low" })],
    value: 5,
    expected: { text: "low" },
  },
  { what: "range: below", mappings: [rangeToText(0, 10, { text: "low" })], value: -1, expected: null },
  { what: "range: above", mappings: [rangeToText(0, 10, { text: "low" })], value: 11, expected: null },
  {
    what: "range: bounds are inclusive (from)",
    mappings: [rangeToText(10, 20, { text: "10-20" })],
    value: 10,
    expected: { text: "10-20" },
  },
  {
    what: "range: bounds are inclusive (to)",
    mappings: [rangeToText(1, 10, { text: "1-10" })],
    value: "10",
    expected: { text: "1-10" },
  },
  {
    what: "range: non-numeric input skipped",
    mappings: [rangeToText(0, 10, { text: "low" })],
    value: "abc",
    expected: null,
  },
  {
    what: "range: an unset from is -Infinity",
    mappings: [rangeToText(null, 10, { text: "low" })],
    value: -9999,
    expected: { text: "low" },
  },
  {
    what: "range: an unset to is +Infinity",
    mappings: [rangeToText(0, null, { text: "high" })],
    value: 9999,
    expected: { text: "high" },
  },
  {
    what: "regex: the matched part rewritten, the rest kept",
    mappings: [regexToText("/^web-/", { text: "host-" })],
    value: "web-01",
    expected: { text: "host-01" },
  },
  {
    what: "regex: capture groups in the result",
    mappings: [regexToText("/^web-(\\d+)$/", { text: "host-$1" })],
    value: "web-42",
    expected: { text: "host-42" },
  },
  {
    what: "regex: no match",
    mappings: [regexToText("/^web-/", { text: "web host" })],
    value: "db-01",
    expected: null,
  },
  {
    what: "regex: a number is not matched",
    mappings: [regexToText("/^web-/", { text: "web host" })],
    value: 42,
    expected: null,
  },
  {
    what: "special: null",
    mappings: [special("null", { text: "N/A" })],
    value: null,
    expected: { text: "N/A" },
  },
  {
    what: "special: NaN",
    mappings: [special("nan", { text: "NaN" })],
    value: Number.NaN,
    expected: { text: "NaN" },
  },
  {
    what: "special: null+nan on null",
    mappings: [special("null+nan", { text: "missing" })],
    value: null,
    expected: { text: "missing" },
  },
  {
    what: "special: null+nan on NaN",
    mappings: [special("null+nan", { text: "missing" })],
    value: Number.NaN,
    expected: { text: "missing" },
  },
  {
    what: "special: true",
    mappings: [special("true", { text: "yes" })],
    value: true,
    expected: { text: "yes" },
  },
  {
    what: "special: 'true'",
    mappings: [special("true", { text: "yes" })],
    value: "true",
    expected: { text: "yes" },
  },
  {
    what: "special: false",
    mappings: [special("false", { text: "no" })],
    value: false,
    expected: { text: "no" },
  },
  {
    what: "special: 'false'",
    mappings: [special("false", { text: "no" })],
    value: "false",
    expected: { text: "no" },
  },
  {
    what: "special: empty",
    mappings: [special("empty", { text: "empty" })],
    value: "",
    expected: { text: "empty" },
  },
  ...(
    [
      ["null", 42],
      ["nan", 42],
      ["null+nan", 42],
      ["true", "not-true"],
      ["false", "not-false"],
      ["empty", "not-empty"],
    ] as const
  ).map(([match, value]) => ({
    what: `special: ${match} on ${JSON.stringify(value)} falls through to the next mapping`,
    mappings: [special(match, { text: "should-not-hit" }), valueToText({ [String(value)]: { text: "hit" } })],
    value,
    expected: { text: "hit" },
  })),
  {
    what: "a range skipped for null, the next mapping used",
    mappings: [rangeToText(0, 10, { text: "range" }), special("null", { text: "null-hit" })],
    value: null,
    expected: { text: "null-hit" },
  },
  {
    what: "a regex skipped for null, the next mapping used",
    mappings: [regexToText("/./", { text: "regex" }), special("null", { text: "null-hit" })],
    value: null,
    expected: { text: "null-hit" },
  },
  { what: "no mappings", mappings: [], value: "anything", expected: null },
  {
    what: "the first match in order wins",
    mappings: [valueToText({ hit: { text: "FIRST" } }), valueToText({ hit: { text: "SECOND" } })],
    value: "hit",
    expected: { text: "FIRST" },
  },
  {
    what: "the first match wins over a later value map (range first)",
    mappings: [rangeToText(1, 20, { text: "1-20" }), valueToText({ "10": { text: "tio" } })],
    value: "10",
    expected: { text: "1-20" },
  },
  {
    what: "a regex that does not match falls through to the next mapping",
    mappings: [regexToText("/^never-matches-/", { text: "X" }), valueToText({ "7": { text: "lucky" } })],
    value: "7",
    expected: { text: "lucky" },
  },
];

describe("mapValue (Grafana's getValueMappingResult)", () => {
  it.each(CASES)("$what", ({ mappings, value, expected }) => {
    expect(mapValue(mappings, value)).toEqual(expected);
  });

  it("does not read keys of Object.prototype as mapped values", () => {
    expect(mapValue([valueToText({})], "constructor")).toBeNull();
  });
});
