import type { VisualPanel, VisualPanelType } from "../model/panel";
import { alertListGrafana } from "./alertlist/grafana";
import { barGaugeGrafana } from "./bargauge/grafana";
import { gaugeGrafana } from "./gauge/grafana";
import { heatmapGrafana } from "./heatmap/grafana";
import { VISUAL_PANEL_TYPES } from "./registry";
import { statGrafana } from "./stat/grafana";
import { tableGrafana } from "./table/grafana";
import { timeseriesGrafana } from "./timeseries/grafana";
import type { LegacyPanel, PanelTypeGrafana } from "./types";

/**
 * Every visualization panel type's Grafana translation: its `options` and `fieldConfig`, and its
 * import with Grafana's defaults and the retired panels it takes over. Only the exporter and the
 * importer load this. The mapped type makes tsc refuse a type of the model's union without one.
 */
export const PANEL_TYPE_GRAFANA: { readonly [T in VisualPanelType]: PanelTypeGrafana<T> } = {
  timeseries: timeseriesGrafana,
  stat: statGrafana,
  gauge: gaugeGrafana,
  bargauge: barGaugeGrafana,
  heatmap: heatmapGrafana,
  table: tableGrafana,
  alertlist: alertListGrafana,
};

/**
 * The Grafana translation of a panel's type, typed for any panel. TypeScript cannot tie the entry
 * looked up by `panel.type` to that panel's own type, hence the one cast: the mapped type already
 * checks that each entry handles its key's panels, so pass it the panel it was looked up by.
 */
export function grafanaOf(panel: Pick<VisualPanel, "type">): PanelTypeGrafana {
  return PANEL_TYPE_GRAFANA[panel.type] as PanelTypeGrafana;
}

const BY_PLUGIN_ID = new Map(
  VISUAL_PANEL_TYPES.map((type) => [PANEL_TYPE_GRAFANA[type].export.pluginId, grafanaOf({ type })]),
);

/** The panel type Grafana's panel plugin id stands for, when the model has one. */
export function panelTypeByPluginId(pluginId: string): PanelTypeGrafana | undefined {
  return BY_PLUGIN_ID.get(pluginId);
}

/** Every retired Grafana panel some type takes over, for the importer to migrate first. */
export const LEGACY_PANELS: readonly LegacyPanel[] = VISUAL_PANEL_TYPES.flatMap(
  (type) => PANEL_TYPE_GRAFANA[type].import.legacy ?? [],
);
