import { describe, expect, it } from "vitest";
import { MAX_INPUT_DEPTH, tooDeepAt } from "./nesting";

function deeplyNested(depth: number, leaf: unknown, asObject: boolean): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level++) value = asObject ? { a: value } : [value];
  return value;
}

describe("tooDeepAt", () => {
  it.each([
    [{ a: [1, { b: "x" }] }, 3, undefined],
    [{ a: [1, { b: { c: 1 } }] }, 3, "a[1].b"],
    [[[[]]], 2, "[0][0]"],
    ["text", 0, undefined],
    [{}, 0, "(root)"],
  ])("finds where %j nests deeper than %i", (value, limit, expected) => {
    expect(tooDeepAt(value, limit)).toBe(expected);
  });

  it("walks 100,000 levels without overflowing the stack", () => {
    expect(tooDeepAt(deeplyNested(100_000, 1, true))).toBe(Array(MAX_INPUT_DEPTH).fill("a").join("."));
    expect(tooDeepAt(deeplyNested(100_000, 1, false))).toBe("[0]".repeat(MAX_INPUT_DEPTH));
  });
});
