import { describe, expect, it } from "vitest";
import { DEFAULT_GRID_SIZE, formatGridSize, parseGridSize, readGridSize } from "./grid-size";

describe("the grid size cookie", () => {
  it("reads back what it wrote", () => {
    expect(parseGridSize(formatGridSize({ width: 1234.4, fold: 567.6 }))).toEqual({ width: 1234, fold: 568 });
  });

  it("falls back to the default for anything else", () => {
    for (const text of [
      undefined,
      "",
      "1234",
      "12x34",
      "99999x1",
      "1e3x5",
      "1200x-5",
      "1200x30000",
      "<b>x</b>",
    ])
      expect(parseGridSize(text)).toEqual(DEFAULT_GRID_SIZE);
  });

  it("tells a measured size from none, for the server to lay the grid out only with a real one", () => {
    expect(readGridSize("1360x581")).toEqual({ width: 1360, fold: 581 });
    expect(readGridSize(undefined)).toBeUndefined();
    expect(readGridSize("99999x1")).toBeUndefined();
  });
});
