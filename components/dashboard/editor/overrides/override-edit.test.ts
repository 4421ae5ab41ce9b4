import { describe, expect, it } from "vitest";
import { FieldOverrideSchema, type FieldOverride } from "@/lib/model/field-config";
import { newMapping, setValueEntry, withResult } from "../value-mappings/mapping-edit";
import {
  EDITABLE_PROPERTIES,
  newOverride,
  withMatcher,
  withProperty,
  withPropertyValue,
} from "./override-edit";

describe("override edits", () => {
  it("a new override with each editable property at its starting value is one the model accepts", () => {
    let override = newOverride();
    for (const { id } of EDITABLE_PROPERTIES) override = withProperty(override, id);
    expect(FieldOverrideSchema.safeParse(override).success).toBe(true);
    expect(override.properties.map((property) => property.id)).toEqual(
      EDITABLE_PROPERTIES.map((entry) => entry.id),
    );
  });

  it("keeps one property per id, and the keys Grafana's legend adds", () => {
    const legend: FieldOverride = {
      matcher: {
        id: "byNames",
        options: { mode: "exclude", names: ["a"], prefix: "All except:", readOnly: true },
      },
      properties: [
        {
          id: "custom.hideFrom",
          value: { legend: false, tooltip: false, viz: true },
          __systemRef: "hideSeriesFrom",
        },
      ],
    };
    const edited = withPropertyValue(legend, 0, { legend: false, tooltip: true, viz: true });
    expect(edited.properties).toEqual([
      {
        id: "custom.hideFrom",
        value: { legend: false, tooltip: true, viz: true },
        __systemRef: "hideSeriesFrom",
      },
    ]);
    expect(withProperty(withProperty(newOverride(), "unit"), "unit").properties).toHaveLength(1);
  });

  it("switching the matcher to a type starts it at number", () => {
    expect(withMatcher(newOverride(), "byType").matcher).toEqual({ id: "byType", options: "number" });
    expect(
      withMatcher({ ...newOverride(), matcher: { id: "byName", options: "Tx" } }, "byRegexp").matcher,
    ).toEqual({
      id: "byRegexp",
      options: "Tx",
    });
  });
});

describe("value mapping edits", () => {
  it("edits one entry of a value map in place and leaves empty text or colour out", () => {
    const map = { type: "value" as const, options: { "0": { text: "down" }, "1": { text: "up" } } };
    expect(setValueEntry(map, 1, "2", withResult({ text: "up" }, { color: "green", text: "" }))).toEqual({
      type: "value",
      options: { "0": { text: "down" }, "2": { color: "green" } },
    });
  });

  it("a new mapping of each type is one the model accepts", () => {
    for (const type of ["value", "range", "regex", "special"] as const) {
      expect(newMapping(type).type).toBe(type);
    }
  });
});
