import { describe, expect, it } from "vitest";
import { downsamplingText } from "./downsampling-text";

describe("downsamplingText", () => {
  const none = {
    totalSeries: 3,
    droppedSeries: 0,
    totalPoints: 30,
    droppedPoints: 0,
    thinnedSeries: 0,
    maxPoints: 500,
  };

  it("says how many series are shown", () => {
    expect(downsamplingText({ ...none, totalSeries: 240, droppedSeries: 140 })).toBe(
      "showing 100 of 240 series",
    );
  });

  it("says how many points were thinned, and nothing when nothing was", () => {
    expect(downsamplingText({ ...none, droppedPoints: 1200, totalPoints: 2700, thinnedSeries: 3 })).toBe(
      "3 series thinned to 500 points (1200 of 2700 points left out)",
    );
    expect(downsamplingText(none)).toBe("");
  });
});
