import { describe, expect, it } from "vitest";
import { followRefIdRenames, refIdRenames } from "./refid-renames";

describe("refId renames", () => {
  const targets = [{ refId: "Rate" }, { refId: "Error Rate" }, { refId: "C" }];

  it("lists the refIds the import renames", () => {
    expect([...refIdRenames(targets)]).toEqual([
      ["Rate", "A"],
      ["Error Rate", "B"],
    ]);
  });

  it("makes overrides and transformations that name a renamed query name it by its new refId", () => {
    const panel = {
      targets,
      fieldConfig: {
        defaults: {},
        overrides: [
          { matcher: { id: "byFrameRefID", options: "Rate" }, properties: [{ id: "unit", value: "reqps" }] },
          { matcher: { id: "byName", options: "Value #Error Rate" }, properties: [] },
          { matcher: { id: "byName", options: "Value #C" }, properties: [] },
        ],
      },
      transformations: [
        {
          id: "organize",
          options: { renameByName: { "Value #Rate": "Rate", "Value #Error Rate": "Errors" } },
        },
        { id: "filterFieldsByName", options: { include: { names: ["Value #Rate"] } } },
        { id: "filterByRefId", options: { matcher: { id: "byFrameRefID", options: "Error Rate" } } },
      ],
    };
    const out = followRefIdRenames(panel, refIdRenames(targets));
    expect(out.fieldConfig).toEqual({
      defaults: {},
      overrides: [
        { matcher: { id: "byFrameRefID", options: "A" }, properties: [{ id: "unit", value: "reqps" }] },
        { matcher: { id: "byName", options: "Value #B" }, properties: [] },
        { matcher: { id: "byName", options: "Value #C" }, properties: [] },
      ],
    });
    expect(out.transformations).toEqual([
      { id: "organize", options: { renameByName: { "Value #A": "Rate", "Value #B": "Errors" } } },
      { id: "filterFieldsByName", options: { include: { names: ["Value #A"] } } },
      { id: "filterByRefId", options: { matcher: { id: "byFrameRefID", options: "B" } } },
    ]);
    expect(out.targets).toBe(targets);
  });

  it("leaves a panel whose refIds all stand as it is", () => {
    const panel = { targets: [{ refId: "A" }], transformations: [{ id: "merge" }] };
    expect(followRefIdRenames(panel, refIdRenames(panel.targets))).toBe(panel);
  });
});
