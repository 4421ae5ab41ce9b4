"use client";

import type { ReactNode } from "react";
import type { Series } from "@/lib/dashboard/series";
import type { QueryPanel } from "@/lib/model/panel";
import { BarGaugeView } from "./bar-gauge-view";
import { GaugeView } from "./gauge-view";
import { HeatmapView } from "./heatmap-view";
import { StatView } from "./stat-view";
import { TableView } from "./table-view";
import { TimeseriesView } from "./timeseries-view";

export interface PanelVisualizationProps {
  panel: QueryPanel;
  series: Series[];
  width: number;
  height: number;
}

/**
 * The chart of a query panel. This module and recharts load in their own chunk, after the page:
 * the grid and the toolbar do not wait for them.
 */
export function PanelVisualization({ panel, series, width, height }: PanelVisualizationProps): ReactNode {
  switch (panel.type) {
    case "timeseries":
      return <TimeseriesView panel={panel} series={series} width={width} height={height} />;
    case "stat":
      return <StatView panel={panel} series={series} width={width} height={height} />;
    case "gauge":
      return <GaugeView panel={panel} series={series} width={width} height={height} />;
    case "bargauge":
      return <BarGaugeView panel={panel} series={series} width={width} height={height} />;
    case "heatmap":
      return <HeatmapView panel={panel} series={series} width={width} height={height} />;
    case "table":
      return <TableView panel={panel} series={series} width={width} height={height} />;
    default: {
      const never: never = panel;
      throw new Error(`unknown panel ${JSON.stringify(never)}`);
    }
  }
}
