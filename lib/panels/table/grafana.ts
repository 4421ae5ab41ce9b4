import type { TableCellDisplayMode, TableCellHeight } from "@grafana/schema";
import type {
  FieldConfig as TableFieldConfig,
  Options as TableOptions,
} from "@grafana/schema/dist/esm/raw/composable/table/panelcfg/x/TablePanelCfg_types.gen";
import { asEnum } from "../../generate/grafana/schema-enum";
import { fieldOverrides, standardDefaults } from "../common/grafana-export";
import type { PanelOf, PanelTypeExport, PanelTypeGrafana } from "../types";
import { tableImport } from "./import";

function options(panel: PanelOf<"table">): Partial<TableOptions> {
  return {
    cellHeight: asEnum<TableCellHeight>("sm"),
    showHeader: panel.showHeader,
    sortBy: panel.sortBy.map((sort) => ({ desc: sort.desc, displayName: sort.displayName })),
  };
}

function custom(): Partial<TableFieldConfig> {
  return {
    align: "auto",
    cellOptions: { type: asEnum<TableCellDisplayMode.Auto>("auto") },
    inspect: false,
  };
}

const tableExport: PanelTypeExport<"table"> = {
  pluginId: "table",
  options,
  fieldConfig: (panel) => ({
    defaults: standardDefaults(panel, "thresholds", { ...custom() }),
    overrides: fieldOverrides(panel),
  }),
};

export const tableGrafana: PanelTypeGrafana<"table"> = {
  type: "table",
  export: tableExport,
  import: tableImport,
};
