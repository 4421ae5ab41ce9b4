"use client";

import type { ReactNode } from "react";
import type { Series } from "@/lib/dashboard/series";
import { areaPath, axisThrough, linePath, TENTHS } from "./series-paths";

/** A block, so no line-height gap opens under it. */
const BLOCK = { display: "block" } as const;

export interface SparklineProps {
  points: Series["points"];
  width: number;
  height: number;
  stroke: string;
  fill: string;
  fillOpacity: number;
}

/**
 * A stat's sparkline: the series from its lowest to its highest value, gaps bridged, filled below.
 * Plain SVG: a whole recharts chart per stat cost more than the rest of the stat together.
 */
export function Sparkline({ points, width, height, stroke, fill, fillOpacity }: SparklineProps): ReactNode {
  const shown = points.filter(
    (point): point is [number, number] => point[1] !== null && Number.isFinite(point[1]),
  );
  if (shown.length < 2) return null;
  const times = shown.map(([time]) => time);
  const values = shown.map(([, value]) => value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const x = axisThrough(times[0] ?? 0, 0, times[times.length - 1] ?? 0, width);
  // A flat series sits in the middle, as recharts draws a one-value domain.
  const y = low === high ? axisThrough(low - 1, height, high + 1, 0) : axisThrough(low, height, high, 0);
  // Filled down to 0 when the range crosses it, else to its nearer end (recharts' Area base).
  const base = high < 0 ? high : Math.max(low, 0);
  return (
    <svg width={width} height={height} className="dash-sparkline" style={BLOCK} aria-hidden="true">
      <g transform={TENTHS}>
        <path
          d={areaPath(times, values, values, base, x, y)}
          fill={fill}
          fillOpacity={fillOpacity}
          stroke="none"
        />
        <path
          d={linePath(times, values, x, y)}
          fill="none"
          stroke={stroke}
          vectorEffect="non-scaling-stroke"
        />
      </g>
    </svg>
  );
}
