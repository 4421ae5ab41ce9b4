"use client";

import { type PointerEvent, type ReactNode, useMemo } from "react";
import type { HeatmapData } from "@/lib/dashboard/series";
import type { PlotBox } from "./chart-axes";
import { cellAt, heatmapCellPaths } from "./heatmap-cells";
import { type Axis, TENTHS } from "./series-paths";

/** The cell under the pointer and where the pointer is, in pixels from the chart's top left. */
export interface HeatmapHover {
  timeIndex: number;
  bucketIndex: number;
  x: number;
  y: number;
}

export interface HeatmapLayerProps {
  heat: HeatmapData;
  /** Milliseconds between two times: a cell's width. */
  step: number;
  colorScheme: string;
  x: Axis;
  y: Axis;
  plot: PlotBox;
  onHover: (hover: HeatmapHover | undefined) => void;
}

/**
 * A heatmap's cells, one path per colour, and the pointer's cell for the tooltip. Used instead of
 * a scatter with a shape per cell, which builds a component per cell.
 */
export function HeatmapLayer({ heat, step, colorScheme, x, y, plot, onHover }: HeatmapLayerProps): ReactNode {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the axes are keyed by their numbers, not their identity
  const paths = useMemo(
    () => heatmapCellPaths(heat, step, x, y, colorScheme),
    [heat, step, colorScheme, x.offset, x.factor, y.offset, y.factor],
  );
  const hover = (event: PointerEvent<SVGRectElement>): void => {
    const box = event.currentTarget.ownerSVGElement?.getBoundingClientRect();
    if (!box) return;
    const pixel = { x: event.clientX - box.left, y: event.clientY - box.top };
    const cell = cellAt(heat, step, x, y, pixel);
    onHover(
      cell && (heat.counts[cell.timeIndex]?.[cell.bucketIndex] ?? 0) > 0 ? { ...cell, ...pixel } : undefined,
    );
  };
  return (
    <>
      <g className="dash-chart-marks dash-heatmap-cells" transform={TENTHS}>
        {paths.map((path) => (
          <path key={path.color} d={path.d} fill={path.color} stroke="none" />
        ))}
      </g>
      {/* A pointer-only tooltip; the query inspector has the values. */}
      <rect
        x={plot.left}
        y={plot.top}
        width={plot.width}
        height={plot.height}
        fill="transparent"
        onPointerMove={hover}
        onPointerLeave={() => onHover(undefined)}
      />
    </>
  );
}
