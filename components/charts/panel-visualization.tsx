"use client";

import type { ComponentType, ReactNode } from "react";
import type { Series } from "@/lib/dashboard/series";
import type { QueryPanel, VisualPanel } from "@/lib/model/panel";
import type { PreviewAlert } from "./alerts";
import { type AlertsViewProps, PANEL_TYPE_VIEWS } from "./panel-views";
import type { TimeRange, VisualizationProps } from "./visualization-props";

/** A panel that runs no queries and shows the project's alerts instead (the alert list). */
export type AlertsPanel = Exclude<VisualPanel, QueryPanel>;

export type PanelVisualizationProps =
  | { panel: QueryPanel; series: Series[]; width: number; height: number; timeRange?: TimeRange }
  | { panel: AlertsPanel; alerts: readonly PreviewAlert[]; now: number };

/**
 * The view of a panel, by its type's entry in PANEL_TYPE_VIEWS: a chart of a query panel's series,
 * or the alerts for a panel without queries. This module and the views load in their own chunk, after
 * the page: the grid and the toolbar do not wait for them.
 */
export function PanelVisualization(props: PanelVisualizationProps): ReactNode {
  // The registry's mapped type pairs each type with a view of its own panels; TypeScript cannot tie
  // the entry looked up by `panel.type` back to that panel, hence the casts.
  if ("series" in props) {
    const View = PANEL_TYPE_VIEWS[props.panel.type] as ComponentType<VisualizationProps<QueryPanel>>;
    return (
      <View
        panel={props.panel}
        series={props.series}
        width={props.width}
        height={props.height}
        timeRange={props.timeRange}
      />
    );
  }
  const View = PANEL_TYPE_VIEWS[props.panel.type] as ComponentType<AlertsViewProps<AlertsPanel>>;
  return <View panel={props.panel} alerts={props.alerts} now={props.now} />;
}
