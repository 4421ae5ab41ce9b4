import { describe, expect, it } from "vitest";
import { getPath } from "../../dashboard/grafana-import/json";
import { ValueMappingsSchema } from "../../model/field-config";
import { convertSinglestat } from "./legacy";

describe("singlestat value and range maps", () => {
  it("become value mappings as convertOldAngularValueMappings upgrades them, null as a special mapping", () => {
    const { panel } = convertSinglestat({
      type: "singlestat",
      title: "Up",
      mappingType: 1,
      valueMaps: [
        { op: "=", text: "DOWN", value: "0" },
        { op: "=", text: "no data", value: "null" },
        { op: "=", text: "N/A", value: "null" },
      ],
      rangeMaps: [
        { from: "1", text: "UP", to: "10" },
        { from: "null", text: "nothing", to: "null" },
      ],
    });
    const mappings = getPath(panel, "fieldConfig.defaults.mappings");
    expect(mappings).toEqual([
      { options: { "0": { text: "DOWN" } }, type: "value" },
      { options: { match: "null", result: { text: "no data" } }, type: "special" },
      { options: { from: 1, result: { text: "UP" }, to: 10 }, type: "range" },
      { options: { match: "null", result: { text: "nothing" } }, type: "special" },
    ]);
    expect(ValueMappingsSchema.safeParse(mappings).success).toBe(true);
  });
});
