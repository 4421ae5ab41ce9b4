import { describe, expect, it } from "vitest";
import { areaPath, axisThrough, barsPath, dotsPath, linePath } from "./series-paths";

// x: time 0 → 0 px, 10 → 100 px; y: value 0 → 50 px, 10 → 0 px (SVG grows downwards).
const x = axisThrough(0, 0, 10, 100);
const y = axisThrough(0, 50, 10, 0);

describe("axisThrough", () => {
  it("maps linearly through the two given points", () => {
    expect(x.offset + 5 * x.factor).toBe(50);
    expect(y.offset + 5 * y.factor).toBe(25);
  });

  it("is flat when both values are the same", () => {
    expect(axisThrough(3, 7, 3, 9)).toEqual({ offset: 7, factor: 0 });
  });
});

describe("linePath", () => {
  it("joins the points and starts again after a gap", () => {
    expect(linePath([0, 1, 2, 3, 4], [0, 10, null, 5, 2], x, y)).toBe("M0,500L100,0M300,250L400,400");
  });

  it("gives whole tenths of a pixel", () => {
    expect(linePath([1 / 3], [1 / 3], x, y)).toBe("M33,483");
  });

  it("is empty without values", () => {
    expect(linePath([0, 1], [null, null], x, y)).toBe("");
  });
});

describe("areaPath", () => {
  it("closes each run of values down to the base value", () => {
    expect(areaPath([0, 1, 2, 3], [2, 4, null, 6], [2, 4, null, 6], 0, x, y)).toBe(
      "M0,400L100,300L100,500L0,500ZM300,200L300,500Z",
    );
  });

  it("closes down to a lower band when stacked", () => {
    expect(areaPath([0, 1], [1, 1], [4, 6], [2, 2], x, y)).toBe("M0,300L100,200L100,400L0,400Z");
  });
});

describe("dotsPath", () => {
  it("draws a circle of the radius at every point with a value", () => {
    expect(dotsPath([0, 1, 2], [0, null, 10], x, y, 2)).toBe(
      "M-20,500a20,20 0 1,0 40,0a20,20 0 1,0 -40,0M180,0a20,20 0 1,0 40,0a20,20 0 1,0 -40,0",
    );
  });
});

describe("barsPath", () => {
  it("draws a bar from the base up to each value, shifted and as wide as asked, none for a gap", () => {
    // Bars 4 px wide whose left edge is 2 px before their time: time 1 → 8 to 12 px.
    expect(barsPath([1, 2, 3], [5, null, 10], 0, x, y, -2, 4)).toBe(
      "M80,500h40v-250h-40ZM280,500h40v-500h-40Z",
    );
  });

  it("starts a stacked bar where the one below it ends", () => {
    expect(barsPath([1], [6], [2], x, y, 0, 1)).toBe("M100,400h10v-200h-10Z");
  });
});
