import { describe, expect, it } from "vitest";
import { syntheticSeries } from "./synthetic-series";

describe("syntheticSeries", () => {
  it("makes the asked number of series and points, 15 s apart, with distinct keys", () => {
    const series = syntheticSeries(100, 1000);
    expect(series).toHaveLength(100);
    expect(new Set(series.map((entry) => entry.key)).size).toBe(100);
    for (const entry of series) {
      expect(entry.points).toHaveLength(1000);
      expect((entry.points[1]?.[0] ?? 0) - (entry.points[0]?.[0] ?? 0)).toBe(15_000);
      expect(entry.points.every(([, value]) => typeof value === "number" && value >= 0)).toBe(true);
    }
  });

  it("gives the same series for the same seed and others for another", () => {
    expect(syntheticSeries(3, 50, 7)).toEqual(syntheticSeries(3, 50, 7));
    expect(syntheticSeries(3, 50, 7)).not.toEqual(syntheticSeries(3, 50, 8));
  });
});
