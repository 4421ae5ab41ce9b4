"use client";

import { type ReactNode, useMemo } from "react";
import { Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { heatmapBuckets } from "../model/series";
import { heatColor } from "../model/thresholds";
import { formatFullTime, formatPanelValue, timeTickFormatter } from "./format";
import type { PanelOfType, VisualizationProps } from "./visualization-props";

type HeatmapPanel = PanelOfType<"heatmap">;

interface Cell {
  x: number;
  y: number;
  count: number;
  bucket: string;
}

const Y_AXIS_WIDTH = 56;
const MARGIN = { top: 6, right: 10, bottom: 0, left: 0 };
const X_AXIS_HEIGHT = 30;

/** Histogram buckets over time: one cell per bucket and step, darker for more observations. */
export function HeatmapView({ panel, series, width, height }: VisualizationProps<HeatmapPanel>): ReactNode {
  const heat = useMemo(() => heatmapBuckets(series), [series]);
  const cells: Cell[] = [];
  heat.times.forEach((time, timeIndex) => {
    heat.buckets.forEach((bucket, bucketIndex) => {
      const count = heat.counts[timeIndex]?.[bucketIndex] ?? 0;
      if (count > 0) cells.push({ x: time, y: bucketIndex, count, bucket });
    });
  });
  const first = heat.times[0] ?? 0;
  const last = heat.times[heat.times.length - 1] ?? first;
  const step = heat.times.length > 1 ? (last - first) / (heat.times.length - 1) : 60_000;
  const plotWidth = Math.max(10, width - Y_AXIS_WIDTH - MARGIN.right - MARGIN.left);
  const plotHeight = Math.max(10, height - X_AXIS_HEIGHT - MARGIN.top - MARGIN.bottom);
  const cellWidth = Math.max(1, plotWidth / Math.max(1, heat.times.length));
  const cellHeight = Math.max(1, plotHeight / Math.max(1, heat.buckets.length));
  const tick = timeTickFormatter(last - first);
  const bucketLabel = (index: number): string => {
    const bound = heat.buckets[index];
    if (bound === undefined) return "";
    const value = Number.parseFloat(bound);
    return Number.isFinite(value)
      ? formatPanelValue(value, { unit: panel.unit, decimals: panel.decimals })
      : bound;
  };
  return (
    <ScatterChart width={width} height={height} margin={MARGIN}>
      <XAxis
        dataKey="x"
        type="number"
        domain={[first - step / 2, last + step / 2]}
        tickFormatter={tick}
        tick={{ fontSize: 11 }}
        height={X_AXIS_HEIGHT}
        minTickGap={40}
      />
      <YAxis
        dataKey="y"
        type="number"
        domain={[-0.5, heat.buckets.length - 0.5]}
        ticks={heat.buckets.map((_bucket, index) => index)}
        tickFormatter={bucketLabel}
        width={Y_AXIS_WIDTH}
        tick={{ fontSize: 10 }}
        interval="preserveStartEnd"
      />
      <Tooltip
        isAnimationActive={false}
        cursor={false}
        content={({ payload }) => {
          const cell = payload?.[0]?.payload as Cell | undefined;
          if (!cell) return null;
          return (
            <div className="dash-tooltip">
              <div>{formatFullTime(cell.x)}</div>
              <div>
                le {cell.bucket}: <strong>{Math.round(cell.count * 100) / 100}</strong>
              </div>
            </div>
          );
        }}
      />
      <Scatter
        data={cells}
        isAnimationActive={false}
        shape={(props: { cx?: number; cy?: number; payload?: Cell }) => (
          <rect
            x={(props.cx ?? 0) - cellWidth / 2}
            y={(props.cy ?? 0) - cellHeight / 2}
            width={cellWidth + 0.5}
            height={cellHeight + 0.5}
            fill={heatColor(
              heat.max === 0 ? 0 : Math.sqrt((props.payload?.count ?? 0) / heat.max),
              panel.colorScheme,
            )}
          />
        )}
      />
    </ScatterChart>
  );
}
