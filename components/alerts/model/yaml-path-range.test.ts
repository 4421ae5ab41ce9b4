import { describe, expect, it } from "vitest";
import { yamlPathRange } from "./yaml-path-range";

const TEXT = `groups:
  - name: g
    query_offset: 1x
    rules:
      - alert: A
        expr: up == 0
        keep_firing_for: 5x
        labels:
          team.name: core
        annotations:
`;

function marked(path: string): { text: string; exact: boolean } {
  const range = yamlPathRange(TEXT, path);
  return { text: TEXT.slice(range.start, range.end), exact: range.exact };
}

describe("where a rule group's model path is in its YAML", () => {
  it.each([
    ["rules[0].expr", "up == 0", true],
    ["rules[0].keepFiringFor", "5x", true],
    ["queryOffset", "1x", true],
    ['rules[0].labels["team.name"]', "core", true],
    ["rules[0].labels.team.name", "core", true],
    // An empty value marks its key; a missing one its nearest ancestor's first line.
    ["rules[0].annotations", "annotations", true],
    ["rules[0].for", "alert: A", false],
    ["rules[3]", "- alert: A", false],
    ["(root)", "groups:", true],
  ])("%s → %j", (path, text, exact) => {
    const found = marked(path);
    expect(found.text.trim().startsWith(text) || found.text === text).toBe(true);
    expect(found.exact).toBe(exact);
  });

  it("gives the start of a text that does not parse", () => {
    expect(yamlPathRange("groups: [", "rules[0]")).toEqual({ start: 0, end: 1, exact: false });
  });
});
