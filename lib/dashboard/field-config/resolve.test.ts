import { describe, expect, it } from "vitest";
import type { FieldOverride } from "../../model/field-config";
import type { Series } from "../series";
import { displayValue } from "./display-value";
import { type FieldRef, matchesField } from "./matchers";
import { resolveField } from "./resolve";
import { displaySeries, drawnSeries } from "./series-display";

const field = (name: string, extra: Partial<FieldRef> = {}): FieldRef => ({
  name,
  refId: "A",
  type: "number",
  ...extra,
});

/** Matchers as Grafana's fieldMatchers decide (packages/grafana-data/src/transformations/matchers). */
const MATCHER_CASES: Array<{ matcher: FieldOverride["matcher"]; field: FieldRef; matches: boolean }> = [
  { matcher: { id: "byName", options: "Total" }, field: field("Total"), matches: true },
  { matcher: { id: "byName", options: "Total" }, field: field("total"), matches: false },
  { matcher: { id: "byName", options: "Total" }, field: field("Total used"), matches: false },
  { matcher: { id: "byRegexp", options: "/.*Tx.*/" }, field: field("eth0 Tx"), matches: true },
  { matcher: { id: "byRegexp", options: "/.*Tx.*/" }, field: field("eth0 Rx"), matches: false },
  { matcher: { id: "byRegexp", options: "/.*tx.*/i" }, field: field("eth0 TX"), matches: true },
  { matcher: { id: "byRegexp", options: "^eth" }, field: field("eth0 Rx"), matches: true },
  { matcher: { id: "byRegexp", options: "/(/" }, field: field("("), matches: false },
  { matcher: { id: "byFrameRefID", options: "B" }, field: field("x", { refId: "B" }), matches: true },
  { matcher: { id: "byFrameRefID", options: "B" }, field: field("x", { refId: "A" }), matches: false },
  { matcher: { id: "byType", options: "number" }, field: field("x"), matches: true },
  { matcher: { id: "byType", options: "time" }, field: field("x"), matches: false },
  { matcher: { id: "byType", options: "string" }, field: field("job", { type: "string" }), matches: true },
  {
    matcher: { id: "byNames", options: { mode: "include", names: ["a", "b"] } },
    field: field("b"),
    matches: true,
  },
  {
    matcher: {
      id: "byNames",
      options: { mode: "exclude", names: ["a"], prefix: "All except:", readOnly: true },
    },
    field: field("b"),
    matches: true,
  },
  {
    matcher: {
      id: "byNames",
      options: { mode: "exclude", names: ["a"], prefix: "All except:", readOnly: true },
    },
    field: field("a"),
    matches: false,
  },
  {
    matcher: { id: "byValue", options: { reducer: "max", op: "gte", value: 10 } },
    field: field("x", { values: [1, 10, null] }),
    matches: true,
  },
  {
    matcher: { id: "byValue", options: { reducer: "mean", op: "gt", value: 10 } },
    field: field("x", { values: [1, 10, null] }),
    matches: false,
  },
  { matcher: { id: "bySeries", options: "x" }, field: field("x"), matches: false },
  { matcher: { id: "byName" }, field: field("x"), matches: false },
];

describe("matchesField", () => {
  it.each(MATCHER_CASES)(
    "$matcher.id $matcher.options on $field.name: $matches",
    ({ matcher, field, matches }) => {
      expect(matchesField(matcher, field)).toBe(matches);
    },
  );
});

describe("resolveField (Grafana's applyFieldOverrides)", () => {
  const defaults = { unit: "bytes", decimals: 1, stacking: "normal" as const, fillOpacity: 10 };

  it("gives a field the panel's defaults when no override picks it", () => {
    const display = resolveField(defaults, [], field("Used"));
    expect(display).toMatchObject({
      displayName: "Used",
      unit: "bytes",
      decimals: 1,
      negativeY: false,
      hideFrom: { legend: false, tooltip: false, viz: false },
      stacking: { mode: "normal", group: "A" },
      fillOpacity: 10,
    });
  });

  it("applies overrides in order: the last one that picks the field wins", () => {
    const overrides: FieldOverride[] = [
      { matcher: { id: "byRegexp", options: "/.*/" }, properties: [{ id: "unit", value: "percent" }] },
      { matcher: { id: "byName", options: "Used" }, properties: [{ id: "unit", value: "short" }] },
    ];
    expect(resolveField(defaults, overrides, field("Used")).unit).toBe("short");
    expect(resolveField(defaults, overrides, field("Free")).unit).toBe("percent");
  });

  it("matches the field's own name, not a display name an earlier override gave it", () => {
    const overrides: FieldOverride[] = [
      { matcher: { id: "byName", options: "a" }, properties: [{ id: "displayName", value: "b" }] },
      {
        matcher: { id: "byName", options: "b" },
        properties: [{ id: "color", value: { mode: "fixed", fixedColor: "red" } }],
      },
    ];
    const display = resolveField(defaults, overrides, field("a"));
    expect(display.displayName).toBe("b");
    expect(display.fixedColor).toBeUndefined();
  });

  it("reads the properties the preview draws", () => {
    const overrides: FieldOverride[] = [
      {
        matcher: { id: "byName", options: "Tx" },
        properties: [
          { id: "custom.transform", value: "negative-Y" },
          { id: "custom.hideFrom", value: { legend: true, tooltip: false, viz: false } },
          { id: "custom.stacking", value: { group: false, mode: "none" } },
          { id: "custom.fillOpacity", value: 0 },
          { id: "custom.lineWidth", value: 2 },
          { id: "color", value: { mode: "fixed", fixedColor: "#E0F9D7" } },
          { id: "min", value: -5 },
          { id: "max", value: 5 },
          { id: "decimals", value: 3 },
          {
            id: "thresholds",
            value: { mode: "absolute", steps: [{ color: "green" }, { color: "red", value: 3 }] },
          },
          { id: "mappings", value: [{ type: "value", options: { "1": { text: "one" } } }] },
          { id: "custom.lineStyle", value: { fill: "dash", dash: [10, 10] } },
        ],
      },
    ];
    expect(resolveField(defaults, overrides, field("Tx"))).toEqual({
      displayName: "Tx",
      unit: "bytes",
      decimals: 3,
      min: -5,
      max: 5,
      thresholds: {
        mode: "absolute",
        steps: [
          { value: null, color: "green" },
          { value: 3, color: "red" },
        ],
      },
      mappings: [{ type: "value", options: { "1": { text: "one" } } }],
      fixedColor: "#E0F9D7",
      colorMode: "fixed",
      hideFrom: { legend: true, tooltip: false, viz: false },
      hidden: false,
      stacking: { mode: "none", group: "A" },
      negativeY: true,
      fillOpacity: 0,
      lineWidth: 2,
      width: undefined,
      cellType: undefined,
    });
  });

  it("ignores a property whose value it cannot read, and one without a value", () => {
    const overrides: FieldOverride[] = [
      {
        matcher: { id: "byName", options: "x" },
        properties: [
          { id: "unit", value: 7 },
          { id: "decimals" },
          { id: "custom.transform", value: "sideways" },
        ],
      },
    ];
    expect(resolveField(defaults, overrides, field("x"))).toMatchObject({
      unit: "bytes",
      decimals: 1,
      negativeY: false,
    });
  });

  it("a hideFrom replaces the one before it, as Grafana sets the whole object", () => {
    const overrides: FieldOverride[] = [
      {
        matcher: { id: "byName", options: "x" },
        properties: [{ id: "custom.hideFrom", value: { legend: true, tooltip: true, viz: true } }],
      },
      {
        matcher: { id: "byType", options: "number" },
        properties: [{ id: "custom.hideFrom", value: { legend: false, tooltip: false, viz: true } }],
      },
    ];
    expect(resolveField(defaults, overrides, field("x")).hideFrom).toEqual({
      legend: false,
      tooltip: false,
      viz: true,
    });
  });
});

describe("displaySeries and drawnSeries", () => {
  const series: Series[] = [
    {
      key: "A:rx",
      name: "eth0 Rx",
      refId: "A",
      labels: {},
      points: [
        [0, 1],
        [1, null],
        [2, 3],
      ],
    },
    {
      key: "B:tx",
      name: "eth0 Tx",
      refId: "B",
      labels: {},
      points: [
        [0, 2],
        [1, 4],
      ],
    },
  ];
  const overrides: FieldOverride[] = [
    {
      matcher: { id: "byRegexp", options: "/.*Tx.*/" },
      properties: [{ id: "custom.transform", value: "negative-Y" }],
    },
  ];

  it("mirrors a negative-Y series below zero, gaps kept, the others as they are", () => {
    const displayed = displaySeries(series, { overrides, defaults: {} });
    expect(displayed.map((entry) => entry.display.negativeY)).toEqual([false, true]);
    const [rx, tx] = displayed;
    if (!rx || !tx) throw new Error("two series expected");
    expect(drawnSeries(rx).points).toEqual(series[0]?.points);
    expect(drawnSeries(tx).points).toEqual([
      [0, -2],
      [1, -4],
    ]);
  });
});

describe("displayValue (Grafana's display processor, as far as the preview goes)", () => {
  const base = resolveField({ unit: "percent", decimals: 0 }, [], field("x"));

  it("writes a number with the unit and decimals", () => {
    expect(displayValue(42.4, base)).toEqual({ text: "42%", color: undefined, mapped: false });
  });

  it("shows a mapping's text and colour instead", () => {
    const display = {
      ...base,
      mappings: [{ type: "value" as const, options: { "1": { text: "UP", color: "green" } } }],
    };
    expect(displayValue(1, display)).toEqual({ text: "UP", color: "#73BF69", mapped: true });
    expect(displayValue(2, display).text).toBe("2%");
  });

  it("a mapping with a colour and no text keeps the formatted value", () => {
    const display = {
      ...base,
      mappings: [{ type: "range" as const, options: { from: 0, to: 10, result: { color: "red" } } }],
    };
    expect(displayValue(5, display)).toEqual({ text: "5%", color: "#F2495C", mapped: true });
  });

  it("a gap is a dash unless a special mapping names it", () => {
    expect(displayValue(null, base).text).toBe("–");
    const display = {
      ...base,
      mappings: [{ type: "special" as const, options: { match: "null" as const, result: { text: "N/A" } } }],
    };
    expect(displayValue(null, display).text).toBe("N/A");
  });

  it("colours by the thresholds when there is no mapping", () => {
    const display = {
      ...base,
      thresholds: {
        mode: "absolute" as const,
        steps: [
          { value: null, color: "green" },
          { value: 80, color: "red" },
        ],
      },
    };
    expect(displayValue(90, display).color).toBe("#F2495C");
    expect(displayValue(10, display).color).toBe("#73BF69");
  });
});
