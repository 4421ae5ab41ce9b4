import type {
  BigValueColorMode,
  BigValueGraphMode,
  BigValueJustifyMode,
  BigValueTextMode,
  PercentChangeColorMode,
  VizOrientation,
} from "@grafana/schema";
import type { Options as StatOptions } from "@grafana/schema/dist/esm/raw/composable/stat/panelcfg/x/StatPanelCfg_types.gen";
import { asEnum } from "../../generate/grafana/schema-enum";
import { fieldOverrides, reduceOptions, standardDefaults } from "../common/grafana-export";
import type { PanelOf, PanelTypeExport, PanelTypeGrafana } from "../types";
import { statImport } from "./import";

function options(panel: PanelOf<"stat">): Partial<StatOptions> {
  return {
    colorMode: asEnum<BigValueColorMode>(panel.colorMode),
    graphMode: asEnum<BigValueGraphMode>(panel.graphMode),
    justifyMode: asEnum<BigValueJustifyMode>("auto"),
    orientation: asEnum<VizOrientation>("auto"),
    percentChangeColorMode: asEnum<PercentChangeColorMode>("standard"),
    reduceOptions: reduceOptions(panel.reduce),
    showPercentChange: false,
    textMode: asEnum<BigValueTextMode>("auto"),
    wideLayout: true,
  };
}

const statExport: PanelTypeExport<"stat"> = {
  pluginId: "stat",
  options,
  fieldConfig: (panel) => ({
    defaults: standardDefaults(panel, "thresholds"),
    overrides: fieldOverrides(panel),
  }),
};

export const statGrafana: PanelTypeGrafana<"stat"> = {
  type: "stat",
  export: statExport,
  import: statImport,
};
