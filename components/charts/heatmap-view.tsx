"use client";

import { type ReactNode, useMemo, useState } from "react";
import { heatmapBuckets } from "@/lib/dashboard/series";
import { everyNth, timeTicks } from "./axis-ticks";
import { ChartAxes, type PlotBox, xAxisOf, yAxisOf } from "./chart-axes";
import { formatFullTime, formatPanelValue, timeTickFormatter } from "./format";
import { zoneOffsetMinutes } from "./viewer-clock";
import { useViewerClock } from "./viewer-clock-context";
import { type HeatmapHover, HeatmapLayer } from "./heatmap-layer";
import type { PanelOfType, VisualizationProps } from "./visualization-props";

type HeatmapPanel = PanelOfType<"heatmap">;

const Y_AXIS_WIDTH = 56;
const MARGIN = { top: 6, right: 10, bottom: 0, left: 0 };
const X_AXIS_HEIGHT = 30;
/** The tooltip's distance from the pointer, as recharts placed its own. */
const TOOLTIP_OFFSET = 10;

/** Histogram buckets over time: one cell per bucket and step, darker for more observations. */
export function HeatmapView({ panel, series, width, height }: VisualizationProps<HeatmapPanel>): ReactNode {
  const heat = useMemo(() => heatmapBuckets(series), [series]);
  const [hover, setHover] = useState<HeatmapHover>();
  const first = heat.times[0] ?? 0;
  const last = heat.times[heat.times.length - 1] ?? first;
  const step = heat.times.length > 1 ? (last - first) / (heat.times.length - 1) : 60_000;
  const plotWidth = Math.max(10, width - Y_AXIS_WIDTH - MARGIN.right - MARGIN.left);
  const plotHeight = Math.max(10, height - X_AXIS_HEIGHT - MARGIN.top - MARGIN.bottom);
  const cellHeight = Math.max(1, plotHeight / Math.max(1, heat.buckets.length));
  const clock = useViewerClock();
  const tick = useMemo(() => timeTickFormatter(last - first, clock), [first, last, clock]);
  // Ticks chosen to fit (a label every few buckets): no label's text is measured.
  const xTicks = useMemo(
    () => timeTicks(first, last, plotWidth, -zoneOffsetMinutes(clock.timeZone, first)),
    [first, last, plotWidth, clock],
  );
  const bucketTicks = everyNth(heat.buckets.length, Math.ceil(14 / cellHeight));
  const bucketLabel = (index: number): string => {
    const bound = heat.buckets[index];
    if (bound === undefined) return "";
    const value = Number.parseFloat(bound);
    return Number.isFinite(value)
      ? formatPanelValue(value, { unit: panel.unit, decimals: panel.decimals })
      : bound;
  };
  const hovered = hover && {
    time: heat.times[hover.timeIndex] ?? 0,
    bucket: heat.buckets[hover.bucketIndex] ?? "",
    count: heat.counts[hover.timeIndex]?.[hover.bucketIndex] ?? 0,
  };
  const plot: PlotBox = {
    left: MARGIN.left + Y_AXIS_WIDTH,
    top: MARGIN.top,
    width: plotWidth,
    height: plotHeight,
  };
  const xDomain: [number, number] = [first - step / 2, last + step / 2];
  const yDomain: [number, number] = [-0.5, heat.buckets.length - 0.5];
  return (
    <div className="dash-chart" style={{ position: "relative", width, height }}>
      <svg width={width} height={height} className="dash-chart-surface" role="img" aria-label={panel.title}>
        <ChartAxes
          plot={plot}
          x={{ domain: xDomain, ticks: xTicks, format: tick, fontSize: 11 }}
          y={{ domain: yDomain, ticks: bucketTicks, format: bucketLabel, fontSize: 10 }}
        />
        <HeatmapLayer
          heat={heat}
          step={step}
          colorScheme={panel.colorScheme}
          x={xAxisOf(plot, xDomain)}
          y={yAxisOf(plot, yDomain)}
          plot={plot}
          onHover={setHover}
        />
      </svg>
      {hover && hovered ? (
        <div
          className="dash-tooltip"
          style={{
            position: "absolute",
            pointerEvents: "none",
            top: hover.y + TOOLTIP_OFFSET,
            left: hover.x > width / 2 ? hover.x - TOOLTIP_OFFSET : hover.x + TOOLTIP_OFFSET,
            transform: hover.x > width / 2 ? "translateX(-100%)" : undefined,
            whiteSpace: "nowrap",
          }}
        >
          <div>{formatFullTime(hovered.time, clock)}</div>
          <div>
            le {hovered.bucket}: <strong>{Math.round(hovered.count * 100) / 100}</strong>
          </div>
        </div>
      ) : null}
    </div>
  );
}
