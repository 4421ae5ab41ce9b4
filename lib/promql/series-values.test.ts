import { describe, expect, it } from "vitest";
import { type InputValue, promtoolValues, STALE } from "../alerting/rule-tests/notation";
import { readSeriesValues } from "./series-values";

describe("readSeriesValues", () => {
  it("expands promtool's notation to its sample count", () => {
    expect(readSeriesValues("0+10x30")).toEqual({ ok: true, count: 31 });
    expect(readSeriesValues("_x5 1 stale -2-1x3 Inf")).toEqual({ ok: true, count: 5 + 1 + 1 + 4 + 1 });
    // Not hexadecimal in series values: 0 repeated, then 5 more.
    expect(readSeriesValues("0x5")).toEqual({ ok: true, count: 6 });
  });

  it("names what is wrong and the column", () => {
    expect(readSeriesValues("0+10")).toEqual({
      ok: false,
      message: "expected x and a repetition count after 0+…, such as 0+10x30",
      column: 5,
    });
    expect(readSeriesValues("1 2x1.5")).toMatchObject({ ok: false, column: 5 });
    expect(readSeriesValues("1 foo")).toEqual({
      ok: false,
      message: 'unexpected "foo": expected a number or "stale"',
      column: 3,
    });
    expect(readSeriesValues("1 {")).toMatchObject({ ok: false, column: 3 });
    expect(readSeriesValues("1\n2")).toMatchObject({ ok: false, column: 2 });
  });

  it("reads back every values text the generator writes", () => {
    const samples: InputValue[][] = [
      [0, 1, 2, 3],
      [5, 5, 5],
      [undefined, undefined, 1.5, STALE, Number.NaN, -0, 2 ** 60],
    ];
    for (const values of samples) {
      const text = promtoolValues(values);
      expect(readSeriesValues(text)).toEqual({ ok: true, count: values.length });
    }
  });
});
