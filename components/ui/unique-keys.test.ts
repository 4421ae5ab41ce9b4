import { describe, expect, it } from "vitest";
import { uniqueKeys } from "./unique-keys";

describe("uniqueKeys", () => {
  it("keeps unique values and numbers repeats", () => {
    expect(uniqueKeys(["a", "b", "a", "a"])).toEqual(["a", "b", "a#2", "a#3"]);
    expect(uniqueKeys([])).toEqual([]);
  });
});
