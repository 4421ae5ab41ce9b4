import { describe, expect, it } from "vitest";
import type { HeatmapData } from "@/lib/dashboard/series";
import { heatColor } from "@/lib/dashboard/thresholds";
import { cellAt, heatmapCellPaths } from "./heatmap-cells";
import { axisThrough } from "./series-paths";

// Two times a minute apart over 0–100 px (each cell 50 px wide); two buckets over 40–0 px.
const heat: HeatmapData = {
  buckets: ["0.1", "+Inf"],
  times: [60_000, 120_000],
  counts: [
    [4, 0],
    [1, 4],
  ],
  max: 4,
};
const step = 60_000;
const x = axisThrough(30_000, 0, 150_000, 100);
const y = axisThrough(-0.5, 40, 1.5, 0);

describe("heatmapCellPaths", () => {
  it("draws every cell with observations, one path per shade, lightest first", () => {
    const paths = heatmapCellPaths(heat, step, x, y, "Oranges");
    expect(paths.map((path) => path.color)).toEqual([heatColor(0.5, "Oranges"), heatColor(1, "Oranges")]);
    // count 1 of 4 → √¼ = half the ramp: the cell at the second time, lower bucket.
    expect(paths[0]?.d).toBe("M500,200h505v205h-505Z");
    // count 4 → the darkest: the first time's lower bucket and the second time's upper one.
    expect(paths[1]?.d).toBe("M0,200h505v205h-505ZM500,0h505v205h-505Z");
  });

  it("draws nothing when there are no observations", () => {
    expect(
      heatmapCellPaths({ ...heat, counts: [[0, 0]], times: [60_000], max: 0 }, step, x, y, "Blues"),
    ).toEqual([]);
  });
});

describe("cellAt", () => {
  it("finds the time and bucket under a point", () => {
    expect(cellAt(heat, step, x, y, { x: 70, y: 5 })).toEqual({ timeIndex: 1, bucketIndex: 1 });
    expect(cellAt(heat, step, x, y, { x: 10, y: 35 })).toEqual({ timeIndex: 0, bucketIndex: 0 });
  });

  it("finds nothing outside the cells", () => {
    expect(cellAt(heat, step, x, y, { x: 130, y: 5 })).toBeUndefined();
    expect(cellAt(heat, step, x, y, { x: 10, y: 60 })).toBeUndefined();
  });
});
