import { describe, expect, it } from "vitest";
import { formatGridSize, readGridSize } from "./grid-size";

describe("the grid size cookie", () => {
  it("reads back what it wrote", () => {
    expect(readGridSize(formatGridSize({ width: 1234.4, fold: 567.6 }))).toEqual({ width: 1234, fold: 568 });
    expect(readGridSize("1360x581")).toEqual({ width: 1360, fold: 581 });
  });

  it("reads nothing from anything else, a screen taller than any among it", () => {
    for (const text of [
      undefined,
      "",
      "1234",
      "12x34",
      "99999x1",
      "1e3x5",
      "1200x-5",
      "1200x30000",
      "1200x6000",
      "<b>x</b>",
    ])
      expect(readGridSize(text)).toBeUndefined();
  });
});
