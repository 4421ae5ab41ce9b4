import { describe, expect, it } from "vitest";
import { distanceFromView } from "./use-panel-viewport";

describe("distanceFromView", () => {
  it("is 0 for a panel any of which shows, else the pixels to the nearest edge", () => {
    const height = 900;
    expect(distanceFromView({ top: 100, bottom: 400 }, height)).toBe(0);
    expect(distanceFromView({ top: -200, bottom: 10 }, height)).toBe(0);
    expect(distanceFromView({ top: 850, bottom: 1200 }, height)).toBe(0);
    expect(distanceFromView({ top: 1000, bottom: 1300 }, height)).toBe(100);
    expect(distanceFromView({ top: -700, bottom: -300 }, height)).toBe(300);
  });
});
