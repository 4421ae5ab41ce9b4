import type { ComponentType } from "react";
import type { QueryPanel, VisualPanelType } from "@/lib/model/panel";
import type { PanelOf } from "@/lib/panels/types";
import { AlertListView } from "./alert-list-view";
import type { PreviewAlert } from "./alerts";
import { BarGaugeView } from "./bar-gauge-view";
import { GaugeView } from "./gauge-view";
import { HeatmapView } from "./heatmap-view";
import { StatView } from "./stat-view";
import { TableView } from "./table-view";
import { TimeseriesView } from "./timeseries-view";
import type { VisualizationProps } from "./visualization-props";

/** What a panel without queries of its own draws from: the project's alerts, at the dashboard's time. */
export interface AlertsViewProps<P> {
  panel: P;
  alerts: readonly PreviewAlert[];
  now: number;
}

/** The view of panel type `T`: a chart of its queries' series, or (without queries) of the alerts. */
export type PanelTypeView<T extends VisualPanelType> =
  PanelOf<T> extends QueryPanel
    ? ComponentType<VisualizationProps<Extract<PanelOf<T>, QueryPanel>>>
    : ComponentType<AlertsViewProps<PanelOf<T>>>;

/**
 * Each panel type's view. The mapped type makes tsc refuse a type of the model's union without a
 * view here, or with a view for other data than its type's. Only `panel-visualization.tsx` imports
 * this: the views load in its chunk, after the page.
 */
export const PANEL_TYPE_VIEWS: { readonly [T in VisualPanelType]: PanelTypeView<T> } = {
  timeseries: TimeseriesView,
  stat: StatView,
  gauge: GaugeView,
  bargauge: BarGaugeView,
  heatmap: HeatmapView,
  table: TableView,
  alertlist: AlertListView,
};
