import { describe, expect, it } from "vitest";
import { downsampleMatrix, downsamplePoints, type MatrixSeries, type SamplePair } from "./downsample";

function series(values: number[], start = 1000): SamplePair[] {
  return values.map((value, i) => [start + i * 15, String(value)] as const);
}

describe("downsamplePoints", () => {
  const cases: { name: string; input: SamplePair[]; maxPoints: number; output: SamplePair[] }[] = [
    { name: "short series unchanged", input: series([1, 2, 3]), maxPoints: 10, output: series([1, 2, 3]) },
    { name: "exactly at the limit", input: series([1, 2, 3, 4]), maxPoints: 4, output: series([1, 2, 3, 4]) },
    {
      name: "min and max of each bucket, in time order",
      input: series([5, 1, 9, 3, 2, 8, 7, 4]),
      maxPoints: 4,
      output: [
        [1015, "1"],
        [1030, "9"],
        [1060, "2"],
        [1075, "8"],
      ],
    },
    {
      name: "a single spike survives",
      input: series([0, 0, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0]),
      maxPoints: 4,
      output: [
        [1000, "0"],
        [1075, "100"],
        [1090, "0"],
      ],
    },
    {
      name: "a flat bucket gives one point",
      input: series([2, 2, 2, 2, 2, 2]),
      maxPoints: 2,
      output: [[1000, "2"]],
    },
    {
      name: "NaN-only buckets keep one NaN so the gap shows",
      input: [
        [1, "NaN"],
        [2, "NaN"],
        [3, "1"],
        [4, "3"],
        [5, "2"],
      ],
      maxPoints: 4,
      output: [
        [1, "NaN"],
        [3, "1"],
        [4, "3"],
      ],
    },
    {
      name: "infinities count as extremes",
      input: [
        [1, "1"],
        [2, "+Inf"],
        [3, "-Inf"],
        [4, "2"],
      ],
      maxPoints: 2,
      output: [
        [2, "+Inf"],
        [3, "-Inf"],
      ],
    },
    { name: "one point: the peak", input: series([1, 7, 3]), maxPoints: 1, output: [[1015, "7"]] },
  ];

  it.each(cases)("$name", ({ input, maxPoints, output }) => {
    expect(downsamplePoints(input, maxPoints)).toEqual(output);
  });

  it("never returns more than maxPoints and keeps the extremes of a long series", () => {
    const values = Array.from({ length: 10_000 }, (_, i) => Math.sin(i / 50) * 10 + (i === 7777 ? 500 : 0));
    for (const maxPoints of [2, 3, 10, 99, 100, 1000]) {
      const out = downsamplePoints(series(values), maxPoints);
      expect(out.length).toBeLessThanOrEqual(maxPoints);
      const numbers = out.map(([, value]) => Number(value));
      expect(Math.max(...numbers)).toBe(Math.max(...values));
      expect(Math.min(...numbers)).toBe(Math.min(...values));
      const times = out.map(([time]) => time);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });
});

describe("downsampleMatrix", () => {
  const matrix = (count: number, length: number): MatrixSeries[] =>
    Array.from({ length: count }, (_, i) => ({
      metric: { instance: `i${i}` },
      values: series(Array(length).fill(i)),
    }));

  it("keeps small results as they are", () => {
    const result = downsampleMatrix(matrix(3, 10), { maxPoints: 100 });
    expect(result).toMatchObject({
      totalSeries: 3,
      droppedSeries: 0,
      totalPoints: 30,
      droppedPoints: 0,
      thinnedSeries: 0,
    });
    expect(result.series).toEqual(matrix(3, 10));
  });

  it("reports the series beyond the cap instead of dropping them silently", () => {
    const result = downsampleMatrix(matrix(105, 2), { maxPoints: 100, maxSeries: 100 });
    expect(result.series).toHaveLength(100);
    expect(result.droppedSeries).toBe(5);
    expect(result.totalSeries).toBe(105);
    expect(result.droppedSeriesExamples).toEqual([
      { instance: "i100" },
      { instance: "i101" },
      { instance: "i102" },
      { instance: "i103" },
      { instance: "i104" },
    ]);
  });

  it("counts the points thinned away", () => {
    const result = downsampleMatrix(matrix(2, 1000), { maxPoints: 100 });
    expect(result.thinnedSeries).toBe(2);
    expect(result.totalPoints).toBe(2000);
    expect(result.droppedPoints).toBe(2000 - result.series.reduce((sum, s) => sum + s.values.length, 0));
    for (const entry of result.series) expect(entry.values.length).toBeLessThanOrEqual(100);
  });
});
