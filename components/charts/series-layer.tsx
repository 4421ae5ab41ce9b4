"use client";

import { type ReactNode, useMemo } from "react";
import { DefaultZIndexes, ZIndexLayer } from "recharts";
import { areaPath, dotsPath, linePath, TENTHS } from "./series-paths";
import type { StackedColumns } from "./time-columns";
import { useLinearAxes } from "./use-linear-axes";

export interface SeriesLayerProps {
  times: readonly number[];
  /** Per series, its key: React keys its shapes by it. */
  keys: readonly string[];
  /** Per series, its values (gaps null), as the tooltip shows them. */
  values: readonly (number | null)[][];
  /** Per series, where its band lies when stacked. */
  stacked: StackedColumns | undefined;
  colors: readonly string[];
  drawStyle: "line" | "points";
  /** Per series, 0 to 1; 0 draws no fill. */
  fills: readonly number[];
  /** Per series, its line's width in pixels when an override sets one. */
  lineWidths?: readonly (number | undefined)[];
}

interface SeriesShape {
  line: string;
  area: string;
  dots: string;
}

/** Where an unstacked area fills down (or up) to: 0 when the axis shows it, else its nearest end. */
function baseValue(domain: readonly unknown[] | undefined): number {
  const [from, to] = domain ?? [];
  if (typeof from !== "number" || typeof to !== "number") return 0;
  const low = Math.min(from, to);
  const high = Math.max(from, to);
  return high < 0 ? high : Math.max(low, 0);
}

/**
 * Every series of a time series chart as plain SVG paths, placed with the chart's own axes. Used
 * instead of one recharts `<Line>`/`<Area>` per series, which builds several objects per point:
 * 100 series of 1,000 points took most of a second to draw that way.
 */
export function SeriesLayer({
  times,
  keys,
  values,
  stacked,
  colors,
  drawStyle,
  fills,
  lineWidths,
}: SeriesLayerProps): ReactNode {
  const { x, y, yDomain } = useLinearAxes();
  const base = baseValue(yDomain);
  const xKey = x ? `${x.offset},${x.factor}` : "";
  const yKey = y ? `${y.offset},${y.factor}` : "";
  // biome-ignore lint/correctness/useExhaustiveDependencies: the axes are keyed by their numbers, not their identity
  const shapes = useMemo((): SeriesShape[] => {
    if (!x || !y) return [];
    return values.map((column, index) => {
      const fill = fills[index] ?? 0;
      const upper = stacked?.upper[index];
      const drawn = upper ? column.map((value, row) => (value === null ? null : (upper[row] ?? 0))) : column;
      // As recharts drew them: a filled or stacked series is an area with its outline, even as points.
      const outlined = drawStyle === "line" || fill > 0 || stacked !== undefined;
      return {
        line: outlined ? linePath(times, drawn, x, y) : "",
        area: fill > 0 ? areaPath(times, column, drawn, stacked?.lower[index] ?? base, x, y) : "",
        dots: drawStyle === "points" ? dotsPath(times, drawn, x, y, 2) : "",
      };
    });
  }, [xKey, yKey, base, times, values, stacked, drawStyle, fills]);
  if (shapes.length === 0) return null;
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.line}>
      <g className="dash-ts-series" transform={TENTHS}>
        {shapes.map((shape, index) => {
          const color = colors[index];
          const width = lineWidths?.[index];
          return (
            <g key={keys[index] ?? index} className="dash-ts-serie">
              {shape.area ? (
                <path
                  className="dash-ts-area"
                  d={shape.area}
                  fill={color}
                  fillOpacity={fills[index] ?? 0}
                  stroke="none"
                />
              ) : null}
              {shape.line && width !== 0 ? (
                <path
                  className="dash-ts-line"
                  d={shape.line}
                  fill="none"
                  stroke={color}
                  strokeWidth={width ?? (shape.area ? 1 : 1.5)}
                  vectorEffect="non-scaling-stroke"
                  strokeLinejoin="round"
                />
              ) : null}
              {shape.dots ? (
                <path className="dash-ts-dots" d={shape.dots} fill={color} stroke="none" />
              ) : null}
            </g>
          );
        })}
      </g>
    </ZIndexLayer>
  );
}
