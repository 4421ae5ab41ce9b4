import type { BarGaugeSizing, VizOrientation } from "@grafana/schema";
import type { Options as GaugeOptions } from "@grafana/schema/dist/esm/raw/composable/gauge/panelcfg/x/GaugePanelCfg_types.gen";
import { asEnum } from "../../generate/grafana/schema-enum";
import { fieldOverrides, reduceOptions, standardDefaults } from "../common/grafana-export";
import type { PanelOf, PanelTypeExport, PanelTypeGrafana } from "../types";
import { gaugeImport } from "./import";

function options(panel: PanelOf<"gauge">): Partial<GaugeOptions> {
  return {
    minVizHeight: 75,
    minVizWidth: 75,
    orientation: asEnum<VizOrientation>("auto"),
    reduceOptions: reduceOptions(panel.reduce),
    showThresholdLabels: false,
    showThresholdMarkers: panel.showThresholdMarkers,
    sizing: asEnum<BarGaugeSizing>("auto"),
  };
}

const gaugeExport: PanelTypeExport<"gauge"> = {
  pluginId: "gauge",
  options,
  fieldConfig: (panel) => ({
    defaults: standardDefaults(panel, "thresholds"),
    overrides: fieldOverrides(panel),
  }),
};

export const gaugeGrafana: PanelTypeGrafana<"gauge"> = {
  type: "gauge",
  export: gaugeExport,
  import: gaugeImport,
};
