import type {
  BarGaugeDisplayMode,
  BarGaugeNamePlacement,
  BarGaugeSizing,
  BarGaugeValueMode,
  LegendDisplayMode,
  VizOrientation,
} from "@grafana/schema";
import type { Options as BarGaugeOptions } from "@grafana/schema/dist/esm/raw/composable/bargauge/panelcfg/x/BarGaugePanelCfg_types.gen";
import { asEnum } from "../../generate/grafana/schema-enum";
import { fieldOverrides, reduceOptions, standardDefaults } from "../common/grafana-export";
import type { PanelOf, PanelTypeExport, PanelTypeGrafana } from "../types";
import { barGaugeImport } from "./import";

function options(panel: PanelOf<"bargauge">): Partial<BarGaugeOptions> {
  return {
    displayMode: asEnum<BarGaugeDisplayMode>(panel.displayMode),
    legend: {
      calcs: [],
      displayMode: asEnum<LegendDisplayMode>("list"),
      placement: "bottom",
      showLegend: false,
    },
    maxVizHeight: 300,
    minVizHeight: 16,
    minVizWidth: 8,
    namePlacement: asEnum<BarGaugeNamePlacement>("auto"),
    orientation: asEnum<VizOrientation>(panel.orientation),
    reduceOptions: reduceOptions(panel.reduce),
    showUnfilled: true,
    sizing: asEnum<BarGaugeSizing>("auto"),
    valueMode: asEnum<BarGaugeValueMode>("color"),
  };
}

const barGaugeExport: PanelTypeExport<"bargauge"> = {
  pluginId: "bargauge",
  options,
  fieldConfig: (panel) => ({
    defaults: standardDefaults(panel, "thresholds"),
    overrides: fieldOverrides(panel),
  }),
};

export const barGaugeGrafana: PanelTypeGrafana<"bargauge"> = {
  type: "bargauge",
  export: barGaugeExport,
  import: barGaugeImport,
};
