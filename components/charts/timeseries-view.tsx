"use client";

import { type PointerEvent, type ReactNode, useId, useMemo, useState } from "react";
import { CALC_LABELS, type Calc, calculate, type Series } from "@/lib/dashboard/series";
import { displayValue, type FieldDisplay } from "@/lib/dashboard/field-config";
import { timeTicks, valueTickCount } from "./axis-ticks";
import { ChartAxes, type PlotBox, xAxisOf, yAxisOf } from "./chart-axes";
import { formatFullTime, formatPanelValue, timeTickFormatter } from "./format";
import { zoneOffsetMinutes } from "./viewer-clock";
import { useViewerClock } from "./viewer-clock-context";
import { valueAxis } from "./nice-ticks";
import { SeriesLayer } from "./series-layer";
import { type ChartColumns, chartColumns } from "./time-columns";
import { type LegendEntry, timeseriesFields } from "./timeseries-fields";
import type { PanelOfType, VisualizationProps } from "./visualization-props";

type TimeseriesPanel = PanelOfType<"timeseries">;

interface LegendProps {
  panel: TimeseriesPanel;
  entries: readonly LegendEntry[];
  onToggle: (key: string) => void;
}

function SeriesLegend({ panel, entries, onToggle }: LegendProps): ReactNode {
  const calcs = panel.legend.calcs as Calc[];
  if (panel.legend.displayMode === "table" || calcs.length > 0) {
    return (
      <table className="dash-legend-table" data-testid="panel-legend">
        <thead>
          <tr>
            <th>Series</th>
            {calcs.map((calc) => (
              <th key={calc} className="numeric">
                {CALC_LABELS[calc]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.key} className={entry.off ? "dash-legend-off" : undefined}>
              <td>
                <button type="button" className="dash-legend-item" onClick={() => onToggle(entry.key)}>
                  <span className="dash-swatch" style={{ background: entry.color }} />
                  {entry.name}
                </button>
              </td>
              {calcs.map((calc) => (
                <td key={calc} className="numeric" data-calc={calc}>
                  {displayValue(calculate(entry.series.points, calc), entry.display).text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <div className="dash-legend-list" data-testid="panel-legend">
      {entries.map((entry) => (
        <button
          type="button"
          key={entry.key}
          className={entry.off ? "dash-legend-item dash-legend-off" : "dash-legend-item"}
          onClick={() => onToggle(entry.key)}
        >
          <span className="dash-swatch" style={{ background: entry.color }} />
          {entry.name}
        </button>
      ))}
    </div>
  );
}

function legendSize(
  panel: TimeseriesPanel,
  series: readonly unknown[],
  width: number,
  height: number,
): { w: number; h: number } {
  if (!panel.legend.show || series.length === 0) return { w: 0, h: 0 };
  if (panel.legend.placement === "right") return { w: Math.min(Math.round(width * 0.35), 320), h: 0 };
  const table = panel.legend.displayMode === "table" || panel.legend.calcs.length > 0;
  const rows = table ? series.length + 1 : Math.ceil(series.length / Math.max(1, Math.floor(width / 160)));
  return { w: 0, h: Math.min(Math.round(height * 0.45), rows * 20 + 6) };
}

const MARGIN = { top: 6, right: 10, bottom: 0, left: 0 };
const Y_AXIS_WIDTH = 64;
/** recharts' default height of a horizontal axis, kept so the charts keep their size. */
const X_AXIS_HEIGHT = 30;
/** The tooltip's distance from the pointer, as recharts placed its own. */
const TOOLTIP_OFFSET = 10;

interface ColumnsTooltipProps {
  columns: ChartColumns;
  series: readonly Series[];
  colors: readonly string[];
  /** Per series: how its values read, and whether the tooltip lists it. */
  displays: readonly FieldDisplay[];
  signs: readonly number[];
  percent: boolean;
  index: number;
}

/** The hovered time's values of every visible series, by name, as recharts' own tooltip listed them. */
function ColumnsTooltip({
  columns,
  series,
  colors,
  displays,
  signs,
  percent,
  index,
}: ColumnsTooltipProps): ReactNode {
  const clock = useViewerClock();
  const items: { key: string; name: string; color: string | undefined; text: string }[] = [];
  series.forEach((entry, position) => {
    const value = columns.values[position]?.[index];
    const display = displays[position];
    if (value === null || value === undefined || !display || display.hideFrom.tooltip) return;
    // A series mirrored below zero is drawn negated; its value is what the tooltip shows.
    const shown = value * (signs[position] ?? 1);
    const format = percent ? { ...display, unit: "percentunit", mappings: [] } : display;
    items.push({
      key: entry.key,
      name: entry.name,
      color: colors[position],
      text: displayValue(shown, format).text,
    });
  });
  items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return (
    <>
      <p className="dash-tooltip-label">{formatFullTime(columns.times[index] ?? 0, clock)}</p>
      <ul className="dash-tooltip-items">
        {items.map((item) => (
          <li key={item.key} style={{ color: item.color }}>
            {item.name} : {item.text}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The index of the time nearest to `time` in the ascending `times`. */
function nearestIndex(times: readonly number[], time: number): number {
  let low = 0;
  let high = times.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((times[middle] as number) < time) low = middle + 1;
    else high = middle;
  }
  const before = times[low - 1];
  return before !== undefined && time - before < (times[low] as number) - time ? low - 1 : low;
}

/** The lowest and highest value the chart draws (bands when stacked); from 0 for bars. */
function dataExtent(columns: ChartColumns, bars: boolean): [number, number] {
  let low = bars ? 0 : Number.POSITIVE_INFINITY;
  let high = bars ? 0 : Number.NEGATIVE_INFINITY;
  for (const row of columns.rows) {
    if (!row.range) continue;
    if (row.range[0] < low) low = row.range[0];
    if (row.range[1] > high) high = row.range[1];
  }
  return [low, high];
}

interface Hover {
  index: number;
  x: number;
  y: number;
}

/**
 * Lines, bars or points over time, stacked when asked, with a legend of the chosen calculations.
 * Plain SVG: a recharts chart per panel (its store, its selectors, the layout it reads back from
 * the page) was most of what a dashboard's main thread did while it drew.
 */
export function TimeseriesView({
  panel,
  series,
  width,
  height,
  timeRange,
}: VisualizationProps<TimeseriesPanel>): ReactNode {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [hover, setHover] = useState<Hover>();
  const clipId = useId();
  const fields = useMemo(() => timeseriesFields(panel, series, hidden), [panel, series, hidden]);
  const { drawn: visible, colors } = fields;
  const bars = panel.drawStyle === "bars";
  const columns = useMemo(
    () => chartColumns(visible, panel.stacking, fields.groups),
    [visible, panel.stacking, fields.groups],
  );
  const legend = legendSize(panel, fields.legend, width, height);
  const chartWidth = Math.max(50, width - legend.w);
  const chartHeight = Math.max(40, height - legend.h);
  const times = columns.times;
  // The axis spans the chosen range, as Grafana's does; the data's own extent without one.
  const first = timeRange?.from ?? times[0] ?? 0;
  const last = timeRange?.to ?? times[times.length - 1] ?? 0;
  const plot: PlotBox = {
    left: MARGIN.left + Y_AXIS_WIDTH,
    top: MARGIN.top,
    width: Math.max(1, chartWidth - Y_AXIS_WIDTH - MARGIN.left - MARGIN.right),
    height: Math.max(1, chartHeight - MARGIN.top - MARGIN.bottom - X_AXIS_HEIGHT),
  };
  const clock = useViewerClock();
  const tick = useMemo(() => timeTickFormatter(last - first, clock), [first, last, clock]);
  const xTicks = useMemo(
    () => timeTicks(first, last, plot.width, -zoneOffsetMinutes(clock.timeZone, first)),
    [first, last, plot.width, clock],
  );
  const yTickCount = valueTickCount(plot.height);
  const [low, high] = useMemo(() => dataExtent(columns, bars), [columns, bars]);
  const yScale = useMemo(
    () => valueAxis(low, high, yTickCount, { min: panel.min, max: panel.max }),
    [low, high, yTickCount, panel.min, panel.max],
  );
  // Axis ticks choose their own decimals (0 for shares); the panel's are for the values themselves.
  const percent = panel.stacking === "percent";
  const axisUnit = percent ? "percentunit" : panel.unit;
  const yFormat = useMemo(
    () => (value: number) => formatPanelValue(value, { unit: axisUnit, decimals: percent ? 0 : undefined }),
    [axisUnit, percent],
  );
  const xDomain: [number, number] = [first, last];
  const x = xAxisOf(plot, xDomain);
  const y = yAxisOf(plot, yScale.domain);
  const toggle = (key: string): void =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const point = (event: PointerEvent<SVGRectElement>): void => {
    const box = event.currentTarget.ownerSVGElement?.getBoundingClientRect();
    if (!box || times.length === 0 || x.factor === 0) return;
    const pixel = { x: event.clientX - box.left, y: event.clientY - box.top };
    setHover({ index: nearestIndex(times, (pixel.x - x.offset) / x.factor), ...pixel });
  };
  const hoveredTime = hover ? times[hover.index] : undefined;
  const cursor = hoveredTime === undefined ? undefined : x.offset + hoveredTime * x.factor;

  return (
    <div className={panel.legend.placement === "right" ? "dash-ts dash-ts-right" : "dash-ts"}>
      <div className="dash-chart" style={{ position: "relative", width: chartWidth, height: chartHeight }}>
        <svg
          className="dash-chart-surface"
          role="img"
          aria-label={panel.title}
          width={chartWidth}
          height={chartHeight}
          viewBox={`0 0 ${chartWidth} ${chartHeight}`}
          style={{ display: "block" }}
        >
          <ChartAxes
            plot={plot}
            grid
            x={{ domain: xDomain, ticks: xTicks, format: tick, fontSize: 11 }}
            y={{ domain: yScale.domain, ticks: yScale.ticks, format: yFormat, fontSize: 11 }}
          />
          <defs>
            <clipPath id={clipId}>
              <rect x={plot.left} y={plot.top} width={plot.width} height={plot.height} />
            </clipPath>
          </defs>
          <g clipPath={`url(#${clipId})`}>
            <SeriesLayer
              times={times}
              keys={visible.map((entry) => entry.key)}
              values={columns.values}
              stacked={columns.stacked}
              colors={colors}
              drawStyle={bars ? "bars" : panel.drawStyle === "points" ? "points" : "line"}
              fills={fields.fills}
              lineWidths={fields.lineWidths}
              groups={fields.groups}
              x={x}
              y={y}
              yDomain={yScale.domain}
            />
          </g>
          {cursor !== undefined ? (
            <line
              className="dash-chart-cursor"
              x1={cursor}
              x2={cursor}
              y1={plot.top}
              y2={plot.top + plot.height}
              stroke="#ccc"
              pointerEvents="none"
            />
          ) : null}
          {/* A pointer-only tooltip, as recharts' own was; the query inspector has the values. */}
          <rect
            x={plot.left}
            y={plot.top}
            width={plot.width}
            height={plot.height}
            fill="transparent"
            onPointerMove={point}
            onPointerLeave={() => setHover(undefined)}
          />
        </svg>
        {hover && hoveredTime !== undefined ? (
          <div
            className="dash-tooltip"
            data-testid="chart-tooltip"
            style={{
              position: "absolute",
              pointerEvents: "none",
              top: hover.y + TOOLTIP_OFFSET,
              left: hover.x > chartWidth / 2 ? hover.x - TOOLTIP_OFFSET : hover.x + TOOLTIP_OFFSET,
              transform: hover.x > chartWidth / 2 ? "translateX(-100%)" : undefined,
              whiteSpace: "nowrap",
              zIndex: 2,
            }}
          >
            <ColumnsTooltip
              columns={columns}
              series={visible}
              colors={colors}
              displays={fields.displays}
              signs={fields.signs}
              percent={percent}
              index={hover.index}
            />
          </div>
        ) : null}
      </div>
      {panel.legend.show ? (
        <div className="dash-legend" style={legend.w > 0 ? { width: legend.w } : { maxHeight: legend.h }}>
          <SeriesLegend panel={panel} entries={fields.legend} onToggle={toggle} />
        </div>
      ) : null}
    </div>
  );
}
