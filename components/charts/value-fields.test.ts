import { describe, expect, it } from "vitest";
import type { Series } from "@/lib/dashboard/series";
import { StatPanelSchema } from "@/lib/panels/stat/schema";
import { valueFields } from "./value-fields";

const series = (name: string, values: (number | null)[]): Series => ({
  key: `A:${name}`,
  name,
  refId: "A",
  labels: {},
  points: values.map((value, index) => [index * 1000, value]),
});

const panel = StatPanelSchema.parse({
  id: 1,
  type: "stat",
  title: "Up",
  gridPos: { x: 0, y: 0, w: 6, h: 4 },
  targets: [{ kind: "promql", refId: "A", expr: "up" }],
  unit: "percent",
  thresholds: {
    mode: "absolute",
    steps: [
      { value: null, color: "red" },
      { value: 1, color: "green" },
    ],
  },
  mappings: [
    { type: "value", options: { "1": { text: "UP" }, "0": { text: "DOWN", color: "dark-red" } } },
    { type: "special", options: { match: "null", result: { text: "N/A" } } },
  ],
  overrides: [
    {
      matcher: { id: "byName", options: "hidden" },
      properties: [{ id: "custom.hideFrom", value: { legend: false, tooltip: false, viz: true } }],
    },
    {
      matcher: { id: "byName", options: "load" },
      properties: [
        { id: "mappings", value: [] },
        { id: "displayName", value: "Load" },
      ],
    },
  ],
});

describe("valueFields", () => {
  it("shows each value through the mappings, colours by mapping or thresholds, names by override", () => {
    const fields = valueFields(
      panel,
      [
        series("a", [0, 1]),
        series("b", [1, 0]),
        series("gap", [null]),
        series("hidden", [1]),
        series("load", [42]),
      ],
      "lastNotNull",
    );
    expect(fields.map((field) => [field.name, field.text, field.color])).toEqual([
      ["a", "UP", "#73BF69"],
      ["b", "DOWN", "#C4162A"],
      ["gap", "N/A", "#F2495C"],
      ["Load", "42%", "#73BF69"],
    ]);
  });
});
