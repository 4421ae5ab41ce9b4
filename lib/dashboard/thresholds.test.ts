import { describe, expect, it } from "vitest";
import { cssColor, heatColor, thresholdColor } from "./thresholds";

describe("threshold colours", () => {
  const thresholds = {
    mode: "absolute" as const,
    steps: [
      { value: null, color: "green" },
      { value: 0.01, color: "orange" },
      { value: 0.05, color: "red" },
    ],
  };

  it("picks the highest step at or below the value", () => {
    expect(thresholdColor(0, thresholds)).toBe(cssColor("green"));
    expect(thresholdColor(0.01, thresholds)).toBe(cssColor("orange"));
    expect(thresholdColor(0.3, thresholds)).toBe(cssColor("red"));
    expect(thresholdColor(null, thresholds)).toBe(cssColor("green"));
  });

  it("reads percentage thresholds against min and max", () => {
    const percentage = {
      mode: "percentage" as const,
      steps: [
        { value: null, color: "green" },
        { value: 50, color: "red" },
      ],
    };
    expect(thresholdColor(0.6, percentage, { min: 0, max: 1 })).toBe(cssColor("red"));
    expect(thresholdColor(0.4, percentage, { min: 0, max: 1 })).toBe(cssColor("green"));
  });

  it("passes CSS colours through and ramps heat", () => {
    expect(cssColor("#123456")).toBe("#123456");
    expect(heatColor(0, "Oranges")).toBe("rgb(254, 237, 222)");
    expect(heatColor(1, "Unknown")).toBe("rgb(166, 54, 3)");
  });
});
