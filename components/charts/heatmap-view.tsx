"use client";

import { type ReactNode, useMemo, useState } from "react";
import { ComposedChart, XAxis, YAxis } from "recharts";
import { heatmapBuckets } from "@/lib/dashboard/series";
import { axisTick } from "./axis-tick";
import { everyNth, timeTicks } from "./axis-ticks";
import { formatFullTime, formatPanelValue, timeTickFormatter } from "./format";
import { type HeatmapHover, HeatmapLayer } from "./heatmap-layer";
import type { PanelOfType, VisualizationProps } from "./visualization-props";

type HeatmapPanel = PanelOfType<"heatmap">;

const Y_AXIS_WIDTH = 56;
const MARGIN = { top: 6, right: 10, bottom: 0, left: 0 };
const X_AXIS_HEIGHT = 30;
/** The tooltip's distance from the pointer, as recharts places its own. */
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
  const tick = useMemo(() => timeTickFormatter(last - first), [first, last]);
  // Ticks chosen to fit (interval 0, a label every few buckets): recharts would otherwise measure
  // every label's text to drop the ones that overlap.
  const xTicks = useMemo(() => timeTicks(first, last, plotWidth), [first, last, plotWidth]);
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
  return (
    <div style={{ position: "relative", width, height }}>
      <ComposedChart width={width} height={height} margin={MARGIN}>
        {/* A dataKey, though there is no data: recharts gives a horizontal chart's x axis without one index ticks. */}
        <XAxis
          dataKey="x"
          type="number"
          domain={[first - step / 2, last + step / 2]}
          allowDataOverflow
          ticks={xTicks}
          interval={0}
          tick={axisTick(tick, 11)}
          height={X_AXIS_HEIGHT}
        />
        <YAxis
          type="number"
          domain={[-0.5, heat.buckets.length - 0.5]}
          allowDataOverflow
          ticks={bucketTicks}
          interval={0}
          tick={axisTick(bucketLabel, 10)}
          width={Y_AXIS_WIDTH}
        />
        <HeatmapLayer heat={heat} step={step} colorScheme={panel.colorScheme} onHover={setHover} />
      </ComposedChart>
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
          <div>{formatFullTime(hovered.time)}</div>
          <div>
            le {hovered.bucket}: <strong>{Math.round(hovered.count * 100) / 100}</strong>
          </div>
        </div>
      ) : null}
    </div>
  );
}
