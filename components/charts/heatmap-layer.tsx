"use client";

import { type MouseEvent, type ReactNode, useMemo } from "react";
import { DefaultZIndexes, usePlotArea, ZIndexLayer } from "recharts";
import type { HeatmapData } from "@/lib/dashboard/series";
import { cellAt, heatmapCellPaths } from "./heatmap-cells";
import { TENTHS } from "./series-paths";
import { useLinearAxes } from "./use-linear-axes";

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
  onHover: (hover: HeatmapHover | undefined) => void;
}

/**
 * A heatmap's cells, placed with the chart's axes, and the pointer's cell for the tooltip. Used
 * instead of a recharts scatter with a shape per cell, which builds a component per cell.
 */
export function HeatmapLayer({ heat, step, colorScheme, onHover }: HeatmapLayerProps): ReactNode {
  const { x, y } = useLinearAxes();
  const plot = usePlotArea();
  const xKey = x ? `${x.offset},${x.factor}` : "";
  const yKey = y ? `${y.offset},${y.factor}` : "";
  // biome-ignore lint/correctness/useExhaustiveDependencies: the axes are keyed by their numbers, not their identity
  const paths = useMemo(
    () => (x && y ? heatmapCellPaths(heat, step, x, y, colorScheme) : []),
    [heat, step, colorScheme, xKey, yKey],
  );
  if (!x || !y || !plot) return null;
  const hover = (event: MouseEvent<SVGRectElement>): void => {
    const box = event.currentTarget.ownerSVGElement?.getBoundingClientRect();
    if (!box) return;
    const pixel = { x: event.clientX - box.left, y: event.clientY - box.top };
    const cell = cellAt(heat, step, x, y, pixel);
    onHover(
      cell && (heat.counts[cell.timeIndex]?.[cell.bucketIndex] ?? 0) > 0 ? { ...cell, ...pixel } : undefined,
    );
  };
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.scatter}>
      <g className="dash-heatmap-cells" transform={TENTHS}>
        {paths.map((path) => (
          <path key={path.color} d={path.d} fill={path.color} stroke="none" />
        ))}
      </g>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a pointer-only tooltip, as recharts' own; the query inspector has the values */}
      <rect
        x={plot.x}
        y={plot.y}
        width={plot.width}
        height={plot.height}
        fill="transparent"
        onMouseMove={hover}
        onMouseLeave={() => onHover(undefined)}
      />
    </ZIndexLayer>
  );
}
