import {
  asArray,
  asBoolean,
  asObject,
  isPlainObject,
  type JsonObject,
} from "../../dashboard/grafana-import/json";
import { valuePanelDefaults } from "../common/grafana-import";
import type { ImportedFields, PanelTypeImport } from "../types";
import { convertTableOld, isTableOld } from "./legacy";

function fields(json: JsonObject): ImportedFields<"table"> {
  const options = asObject(json.options);
  return {
    sortBy: asArray(options.sortBy)
      .filter(isPlainObject)
      .filter((sort) => typeof sort.displayName === "string")
      .map((sort) => ({ displayName: sort.displayName as string, desc: sort.desc === true })),
    showHeader: asBoolean(options.showHeader) ?? true,
  };
}

export const tableImport: PanelTypeImport<"table"> = {
  grafanaDefaults: valuePanelDefaults(
    "thresholds",
    { align: "auto", cellOptions: { type: "auto" }, inspect: false },
    {
      cellHeight: "sm",
      footer: { countRows: false, fields: "", reducer: ["sum"], show: false },
      showHeader: true,
      sortBy: [],
    },
  ),
  fields,
  standardFieldsAt: "fieldConfig.defaults",
  fieldConfigStandardOptions: true,
  modelledPaths: ["options.sortBy", "options.showHeader"],
  legacy: [{ detect: (json) => (isTableOld(json) ? "table-old" : undefined), convert: convertTableOld }],
};
