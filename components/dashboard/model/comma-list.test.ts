import { describe, expect, it } from "vitest";
import { formatCommaList, parseCommaList } from "./comma-list";

describe("comma lists", () => {
  it.each([
    ["a,b,c", ["a", "b", "c"]],
    [" a , b ,, c, ", ["a", "b", "c"]],
    ["1m, 5m", ["1m", "5m"]],
    ["a\\, b, c", ["a, b", "c"]],
    ["", []],
    [" , ", []],
    ["back\\slash", ["back\\slash"]],
  ])("reads %j", (text, values) => {
    expect(parseCommaList(text)).toEqual(values);
  });

  it("writes values so they read back the same", () => {
    const values = ["prod", "eu, west", "dev"];
    expect(formatCommaList(values)).toBe("prod, eu\\, west, dev");
    expect(parseCommaList(formatCommaList(values))).toEqual(values);
  });
});
