"use client";

import { type ReactNode, useMemo } from "react";
import { type Axis, areaPath, barsPath, dotsPath, linePath, TENTHS } from "./series-paths";
import type { StackedColumns } from "./time-columns";

export interface SeriesLayerProps {
  times: readonly number[];
  /** Per series, its key: React keys its shapes by it. */
  keys: readonly string[];
  /** Per series, its values (gaps null), as the tooltip shows them. */
  values: readonly (number | null)[][];
  /** Per series, where its band lies when stacked. */
  stacked: StackedColumns | undefined;
  colors: readonly string[];
  drawStyle: "line" | "points" | "bars";
  /** Per series, 0 to 1; 0 draws no fill. */
  fills: readonly number[];
  /** Per series, its line's width in pixels when an override sets one. */
  lineWidths?: readonly (number | undefined)[];
  /** Per series, its stack (undefined: not stacked); bars of different stacks stand side by side. */
  groups?: readonly (string | undefined)[];
  x: Axis;
  y: Axis;
  /** The value axis's domain: an unstacked area fills down (or up) to 0 when it shows it. */
  yDomain: readonly [number, number];
}

interface SeriesShape {
  line: string;
  area: string;
  dots: string;
  bars: string;
}

/** Where an unstacked area fills down (or up) to: 0 when the axis shows it, else its nearest end. */
function baseValue([from, to]: readonly [number, number]): number {
  const low = Math.min(from, to);
  const high = Math.max(from, to);
  return high < 0 ? high : Math.max(low, 0);
}

/** The narrowest gap between two times, in pixels: a bar's slot. */
function slotWidth(times: readonly number[], x: Axis): number {
  let narrowest = Number.POSITIVE_INFINITY;
  for (let row = 1; row < times.length; row++)
    narrowest = Math.min(
      narrowest,
      Math.abs(((times[row] as number) - (times[row - 1] as number)) * x.factor),
    );
  return Number.isFinite(narrowest) ? narrowest : 20;
}

/** Bars of one time take 80% of its slot (recharts' 10% gap each side), 4 px between stacks. */
const BAR_SLOT_SHARE = 0.8;
const BAR_GAP_PX = 4;

/**
 * Every series of a time series chart as plain SVG paths, one to three per series: one recharts
 * `<Line>`/`<Area>`/`<Bar>` per series built several objects per point, and 100 series of 1,000
 * points took most of a second to draw that way.
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
  groups,
  x,
  y,
  yDomain,
}: SeriesLayerProps): ReactNode {
  const base = baseValue(yDomain);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the axes are keyed by their numbers, not their identity
  const shapes = useMemo((): SeriesShape[] => {
    if (drawStyle === "bars") {
      // One slot per stack (an unstacked series is a stack of its own), side by side in the slot.
      const stacks: string[] = [];
      const stackOf = values.map((_, index) => {
        const key = groups?.[index] ?? `series ${index}`;
        if (!stacks.includes(key)) stacks.push(key);
        return stacks.indexOf(key);
      });
      const slot = slotWidth(times, x) * BAR_SLOT_SHARE;
      const width = Math.max(1, (slot - BAR_GAP_PX * (stacks.length - 1)) / Math.max(1, stacks.length));
      return values.map((column, index) => {
        const shift = -slot / 2 + (stackOf[index] ?? 0) * (width + BAR_GAP_PX);
        const lower = stacked?.lower[index] ?? 0;
        const upper = stacked?.upper[index];
        const tops = upper ? column.map((value, row) => (value === null ? null : (upper[row] ?? 0))) : column;
        return { line: "", area: "", dots: "", bars: barsPath(times, tops, lower, x, y, shift, width) };
      });
    }
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
        bars: "",
      };
    });
  }, [x.offset, x.factor, y.offset, y.factor, base, times, values, stacked, drawStyle, fills, groups]);
  return (
    <g className="dash-chart-marks dash-ts-series" transform={TENTHS}>
      {shapes.map((shape, index) => {
        const color = colors[index];
        const width = lineWidths?.[index];
        return (
          <g key={keys[index] ?? index} className="dash-ts-serie">
            {shape.bars ? <path className="dash-ts-bars" d={shape.bars} fill={color} stroke="none" /> : null}
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
            {shape.dots ? <path className="dash-ts-dots" d={shape.dots} fill={color} stroke="none" /> : null}
          </g>
        );
      })}
    </g>
  );
}
