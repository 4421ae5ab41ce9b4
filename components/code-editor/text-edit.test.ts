import { describe, expect, it } from "vitest";
import { minimalReplacement } from "./text-edit";

function apply(text: string, next: string): string {
  const edit = minimalReplacement(text, next);
  return edit ? text.slice(0, edit.start) + edit.text + text.slice(edit.end) : text;
}

describe("minimalReplacement", () => {
  it("is undefined for equal texts", () => {
    expect(minimalReplacement("abc", "abc")).toBeUndefined();
  });

  it.each([
    { previous: '{"a": 1}', next: '{"a": 2}', edit: { start: 6, end: 7, text: "2" } },
    { previous: "abc", next: "abXc", edit: { start: 2, end: 2, text: "X" } },
    { previous: "abXc", next: "abc", edit: { start: 2, end: 3, text: "" } },
    { previous: "", next: "new", edit: { start: 0, end: 0, text: "new" } },
    { previous: "old", next: "", edit: { start: 0, end: 3, text: "" } },
    { previous: "aaaa", next: "aa", edit: { start: 2, end: 4, text: "" } },
    { previous: "abab", next: "ab", edit: { start: 2, end: 4, text: "" } },
  ])("$previous → $next", ({ previous, next, edit }) => {
    expect(minimalReplacement(previous, next)).toEqual(edit);
    expect(apply(previous, next)).toBe(next);
  });
});
