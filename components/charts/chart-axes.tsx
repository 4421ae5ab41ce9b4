import type { ReactNode } from "react";
import { type Axis, axisThrough } from "./series-paths";

/** The plot's box inside the chart's SVG, in pixels. */
export interface PlotBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface AxisSpec {
  /** The values at the plot's two ends (left and right; bottom and top). */
  domain: readonly [number, number];
  ticks: readonly number[];
  format: (value: number, index: number) => string;
  fontSize: number;
}

/** Length of a tick mark, and the gap between it and its label (recharts' defaults). */
const TICK_SIZE = 6;
const TICK_MARGIN = 2;
const AXIS_COLOR = "#666";
const GRID_COLOR = "#e5e7eb";

/** The x axis of a plot: its domain's ends on the plot's left and right edges. */
export function xAxisOf(plot: PlotBox, domain: readonly [number, number]): Axis {
  return axisThrough(domain[0], plot.left, domain[1], plot.left + plot.width);
}

/** The y axis of a plot: its domain's low end at the bottom edge, its high end at the top. */
export function yAxisOf(plot: PlotBox, domain: readonly [number, number]): Axis {
  return axisThrough(domain[0], plot.top + plot.height, domain[1], plot.top);
}

const place = (axis: Axis, value: number): number => axis.offset + value * axis.factor;

export interface ChartAxesProps {
  plot: PlotBox;
  x: AxisSpec;
  y: AxisSpec;
  /** Horizontal lines at the value ticks. */
  grid?: boolean;
}

/**
 * The axes of a chart as plain SVG, as recharts drew them: an axis line along the plot's bottom
 * and left edges, a tick mark and a label (class `dash-axis-tick`) at every tick, and optionally
 * the horizontal grid. Ticks are chosen by the caller to fit, so no label is measured.
 */
export function ChartAxes({ plot, x, y, grid = false }: ChartAxesProps): ReactNode {
  const xAxis = xAxisOf(plot, x.domain);
  const yAxis = yAxisOf(plot, y.domain);
  const bottom = plot.top + plot.height;
  const right = plot.left + plot.width;
  const xTicks = x.ticks.map((value) => ({ value, at: place(xAxis, value) }));
  const yTicks = y.ticks.map((value) => ({ value, at: place(yAxis, value) }));
  return (
    <g className="dash-chart-axes">
      {grid ? (
        <g className="dash-chart-grid" stroke={GRID_COLOR}>
          {yTicks.map((tick) => (
            <line key={tick.value} x1={plot.left} x2={right} y1={tick.at} y2={tick.at} />
          ))}
        </g>
      ) : null}
      <g stroke={AXIS_COLOR}>
        <line x1={plot.left} x2={right} y1={bottom} y2={bottom} />
        <line x1={plot.left} x2={plot.left} y1={plot.top} y2={bottom} />
        {xTicks.map((tick) => (
          <line key={`x${tick.value}`} x1={tick.at} x2={tick.at} y1={bottom} y2={bottom + TICK_SIZE} />
        ))}
        {yTicks.map((tick) => (
          <line key={`y${tick.value}`} x1={plot.left - TICK_SIZE} x2={plot.left} y1={tick.at} y2={tick.at} />
        ))}
      </g>
      <g fill={AXIS_COLOR}>
        {xTicks.map((tick, index) => (
          <text
            key={`x${tick.value}`}
            className="dash-axis-tick"
            x={tick.at}
            y={bottom + TICK_SIZE + TICK_MARGIN}
            dy="0.71em"
            textAnchor="middle"
            fontSize={x.fontSize}
            // A time the server wrote on the viewer's clock: Node's and the browser's date data may
            // punctuate it differently ("12/04, 15:30"); the browser's own text follows on its next draw.
            suppressHydrationWarning
          >
            {x.format(tick.value, index)}
          </text>
        ))}
        {yTicks.map((tick, index) => (
          <text
            key={`y${tick.value}`}
            className="dash-axis-tick"
            x={plot.left - TICK_SIZE - TICK_MARGIN}
            y={tick.at}
            dy="0.355em"
            textAnchor="end"
            fontSize={y.fontSize}
          >
            {y.format(tick.value, index)}
          </text>
        ))}
      </g>
    </g>
  );
}
