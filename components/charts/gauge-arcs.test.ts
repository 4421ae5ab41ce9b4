import { describe, expect, it } from "vitest";
import { annularSector, sectorSweeps } from "./gauge-arcs";

describe("sectorSweeps", () => {
  it("shares the sweep in proportion to the values, in order", () => {
    expect(sectorSweeps([1, 3], 225, -45)).toEqual([
      { from: 225, to: 157.5 },
      { from: 157.5, to: -45 },
    ]);
  });

  it("gives a zero value no angle and no sectors when everything is zero", () => {
    expect(sectorSweeps([0, 2], 90, 0)).toEqual([
      { from: 90, to: 90 },
      { from: 90, to: 0 },
    ]);
    expect(sectorSweeps([0, 0], 90, 0)).toEqual([]);
  });
});

describe("annularSector", () => {
  it("draws the ring between the radii, clockwise for decreasing angles", () => {
    // A quarter from twelve o'clock (90°) to three o'clock (0°) around (10, 10).
    expect(annularSector(10, 10, 5, 10, { from: 90, to: 0 })).toBe(
      "M10,0A10,10 0 0 1 20,10L15,10A5,5 0 0 0 10,5Z",
    );
  });

  it("uses the large arc past half a turn", () => {
    expect(annularSector(0, 0, 1, 2, { from: 225, to: -45 })).toContain("A2,2 0 1 1");
  });

  it("draws nothing for no angle", () => {
    expect(annularSector(0, 0, 1, 2, { from: 30, to: 30 })).toBe("");
  });
});
