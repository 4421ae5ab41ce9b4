import type { Series } from "@/lib/dashboard/series";
import type { Panel, QueryPanel } from "@/lib/model/panel";

/** What every visualization gets: the panel's options, its series, and the pixels it may use. */
export interface VisualizationProps<P extends QueryPanel = QueryPanel> {
  panel: P;
  series: Series[];
  width: number;
  height: number;
  /** The chosen time range in epoch ms: a time axis spans it, as Grafana's does, not the data. */
  timeRange?: TimeRange;
}

export interface TimeRange {
  from: number;
  to: number;
}

export type PanelOfType<T extends Panel["type"]> = Extract<Panel, { type: T }>;
