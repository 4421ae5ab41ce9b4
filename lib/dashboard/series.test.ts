import { describe, expect, it } from "vitest";
import {
  calculate,
  chartRows,
  defaultSeriesName,
  formatLegend,
  hasValues,
  heatmapBuckets,
  toSeries,
} from "./series";

describe("series from Prometheus results", () => {
  const matrix = {
    resultType: "matrix" as const,
    result: [
      {
        metric: { __name__: "up", instance: "a" },
        values: [
          [10, "1"],
          [20, "NaN"],
          [30, "+Inf"],
        ] as [number, string][],
      },
      { metric: { instance: "b" } as Record<string, string>, values: [[10, "2"]] as [number, string][] },
    ],
  };

  it("names series by legend format or Grafana's default, values in ms with NaN as a gap", () => {
    const series = toSeries(matrix, "A", "{{instance}} up", "up");
    expect(series.map((entry) => entry.name)).toEqual(["a up", "b up"]);
    expect(series[0]?.points).toEqual([
      [10_000, 1],
      [20_000, null],
      [30_000, Number.POSITIVE_INFINITY],
    ]);
    expect(toSeries(matrix, "A", undefined, "up")[0]?.name).toBe('up{instance="a"}');
    expect(defaultSeriesName({}, "sum(up)")).toBe("sum(up)");
    expect(formatLegend("{{ job }}-{{missing}}", { job: "x" })).toBe("x-");
  });

  it("reads instant vectors and scalars", () => {
    expect(
      toSeries({ resultType: "vector", result: [{ metric: {}, value: [5, "3"] }] }, "B", "", "x")[0]?.points,
    ).toEqual([[5000, 3]]);
    expect(toSeries({ resultType: "scalar", result: [5, "4"] }, "C", "", "4")[0]?.points).toEqual([
      [5000, 4],
    ]);
  });

  it("calculates the legend values, skipping gaps", () => {
    const points: [number, number | null][] = [
      [1, 4],
      [2, null],
      [3, 2],
      [4, null],
    ];
    expect(calculate(points, "min")).toBe(2);
    expect(calculate(points, "max")).toBe(4);
    expect(calculate(points, "mean")).toBe(3);
    expect(calculate(points, "sum")).toBe(6);
    expect(calculate(points, "lastNotNull")).toBe(2);
    expect(calculate(points, "last")).toBeNull();
    expect(calculate([], "mean")).toBeNull();
    expect(hasValues([{ key: "k", name: "n", refId: "A", labels: {}, points: [[1, null]] }])).toBe(false);
  });

  it("lines up series by time and stacks to 100%", () => {
    const series = [
      {
        key: "a",
        name: "a",
        refId: "A",
        labels: {},
        points: [
          [1, 1],
          [2, 3],
        ] as [number, number | null][],
      },
      {
        key: "b",
        name: "b",
        refId: "A",
        labels: {},
        points: [
          [2, 1],
          [3, 5],
        ] as [number, number | null][],
      },
    ];
    expect(chartRows(series, "none")).toEqual([
      { t: 1, a: 1, b: null },
      { t: 2, a: 3, b: 1 },
      { t: 3, a: null, b: 5 },
    ]);
    expect(chartRows(series, "percent")[1]).toEqual({ t: 2, a: 0.75, b: 0.25 });
  });

  it("turns cumulative le buckets into per-bucket counts, sorted by bound", () => {
    const bucket = (le: string, values: [number, number][]) => ({
      key: le,
      name: le,
      refId: "A",
      labels: { le },
      points: values.map(([t, v]) => [t, v] as [number, number | null]),
    });
    const heat = heatmapBuckets([bucket("+Inf", [[1, 10]]), bucket("0.1", [[1, 4]]), bucket("1", [[1, 9]])]);
    expect(heat.buckets).toEqual(["0.1", "1", "+Inf"]);
    expect(heat.counts).toEqual([[4, 5, 1]]);
    expect(heat.max).toBe(5);
  });
});
