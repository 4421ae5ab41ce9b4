import { describe, expect, it } from "vitest";
import type { Series } from "@/lib/dashboard/series";
import { TimeseriesPanelSchema } from "@/lib/panels/timeseries/schema";
import { timeseriesFields } from "./timeseries-fields";

const series = (name: string, values: number[]): Series => ({
  key: `A:${name}`,
  name,
  refId: "A",
  labels: {},
  points: values.map((value, index) => [index * 1000, value]),
});

/** node-exporter-full's "Memory Basic" and "Network Traffic Basic", as their overrides say. */
const panel = TimeseriesPanelSchema.parse({
  id: 1,
  type: "timeseries",
  title: "Memory",
  gridPos: { x: 0, y: 0, w: 12, h: 8 },
  targets: [{ kind: "promql", refId: "A", expr: "up" }],
  stacking: "normal",
  fillOpacity: 40,
  overrides: [
    {
      matcher: { id: "byName", options: "Total" },
      properties: [
        { id: "color", value: { fixedColor: "#E0F9D7", mode: "fixed" } },
        { id: "custom.fillOpacity", value: 0 },
        { id: "custom.stacking", value: { group: false, mode: "none" } },
      ],
    },
    {
      matcher: { id: "byRegexp", options: "/.*Tx.*/" },
      properties: [{ id: "custom.transform", value: "negative-Y" }],
    },
    {
      matcher: { id: "byName", options: "Secret" },
      properties: [{ id: "custom.hideFrom", value: { legend: true, tooltip: true, viz: false } }],
    },
    {
      matcher: { id: "byName", options: "Muted" },
      properties: [{ id: "custom.hideFrom", value: { legend: false, tooltip: false, viz: true } }],
    },
    { matcher: { id: "byName", options: "Used" }, properties: [{ id: "displayName", value: "RAM used" }] },
  ],
});

describe("timeseriesFields", () => {
  const all = [
    series("Used", [1, 2]),
    series("Total", [10, 10]),
    series("eth0 Tx", [3, 4]),
    series("Secret", [5, 5]),
    series("Muted", [6, 6]),
  ];

  it("lists in the legend every series not hidden from it, a series hidden from the chart switched off", () => {
    const fields = timeseriesFields(panel, all, new Set());
    expect(fields.legend.map((entry) => [entry.name, entry.off])).toEqual([
      ["RAM used", false],
      ["Total", false],
      ["eth0 Tx", false],
      ["Muted", true],
    ]);
  });

  it("draws what is not hidden from the chart: Tx mirrored below zero, Total unstacked, unfilled, in its colour", () => {
    const fields = timeseriesFields(panel, all, new Set());
    expect(fields.drawn.map((entry) => entry.name)).toEqual(["RAM used", "Total", "eth0 Tx", "Secret"]);
    expect(fields.drawn[2]?.points).toEqual([
      [0, -3],
      [1000, -4],
    ]);
    expect(fields.signs).toEqual([1, 1, -1, 1]);
    expect(fields.groups).toEqual(["A|above", undefined, "A|below", "A|above"]);
    expect(fields.fills).toEqual([0.4, 0, 0.4, 0.4]);
    expect(fields.colors[1]).toBe("#E0F9D7");
    expect(fields.displays[3]?.hideFrom.tooltip).toBe(true);
  });

  it("leaves out a series switched off in the legend, and keeps the others' colours", () => {
    const before = timeseriesFields(panel, all, new Set());
    const after = timeseriesFields(panel, all, new Set(["A:Used"]));
    expect(after.drawn.map((entry) => entry.name)).toEqual(["Total", "eth0 Tx", "Secret"]);
    expect(after.colors).toEqual(before.colors.slice(1));
    expect(after.legend[0]?.off).toBe(true);
  });
});
