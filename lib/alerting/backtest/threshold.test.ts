import { describe, expect, it } from "vitest";
import { sampleValue } from "./engine";
import { applyThreshold, splitThreshold, withThreshold } from "./threshold";

describe("splitThreshold", () => {
  const cases: {
    expr: string;
    query?: string;
    operator?: string;
    threshold?: number;
    numberFirst?: boolean;
  }[] = [
    { expr: "up == 0", query: "up", operator: "==", threshold: 0, numberFirst: false },
    {
      expr: "sum by (job) (rate(x[5m])) > 0.5",
      query: "sum by (job) (rate(x[5m]))",
      operator: ">",
      threshold: 0.5,
    },
    { expr: "(node_load1 >= 4)", query: "node_load1", operator: ">=", threshold: 4 },
    { expr: "10 < x", query: "x", operator: "<", threshold: 10, numberFirst: true },
    { expr: "x > 1e3", query: "x", operator: ">", threshold: 1000 },
    { expr: "x > bool 1" },
    { expr: "x > 1 and y" },
    { expr: "x > on() y" },
    { expr: "1 > 2" },
    { expr: "rate(x[5m]" },
  ];
  for (const { expr, ...expected } of cases) {
    it(`${expr}`, () => {
      const split = splitThreshold(expr);
      if (expected.query === undefined) expect(split).toBeUndefined();
      else expect(split).toMatchObject(expected);
    });
  }

  it("edits the number in place", () => {
    const expr = "avg(x) > 0.9 # high";
    const split = splitThreshold("avg(x) > 0.9");
    expect(split && withThreshold(expr, split, 0.75)).toBe("avg(x) > 0.75 # high");
  });

  it("filters as Prometheus's comparison does: the vector's value kept, NaN never kept", () => {
    const series = [
      {
        metric: { a: "1" },
        values: [
          [1, "5"],
          [2, "NaN"],
          [3, "+Inf"],
          [4, "1"],
        ] as [number, string][],
      },
    ];
    expect(
      applyThreshold(series, { operator: ">", threshold: 2, numberFirst: false }, sampleValue)[0]?.values,
    ).toEqual([
      [1, "5"],
      [3, "+Inf"],
    ]);
    expect(
      applyThreshold(series, { operator: ">", threshold: 2, numberFirst: true }, sampleValue)[0]?.values,
    ).toEqual([[4, "1"]]);
  });
});
