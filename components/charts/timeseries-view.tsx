"use client";

import { type ReactNode, useMemo, useState } from "react";
import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  DefaultTooltipContent,
  Tooltip,
  type TooltipContentProps,
  type TooltipPayloadEntry,
  XAxis,
  YAxis,
} from "recharts";
import { CALC_LABELS, type Calc, calculate, chartRows, type Series } from "@/lib/dashboard/series";
import { displayValue, type FieldDisplay } from "@/lib/dashboard/field-config";
import { axisTick } from "./axis-tick";
import { timeTicks, valueTickCount } from "./axis-ticks";
import { formatFullTime, formatPanelValue, timeTickFormatter } from "./format";
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
/** The grid draws no vertical lines: without this it would still work out where they would go. */
const NO_LINES = (): number[] => [];
const Y_AXIS_WIDTH = 64;
/** recharts' default height of a horizontal axis. */
const X_AXIS_HEIGHT = 30;
const TOOLTIP_STYLE = { fontSize: 12 };

interface ValueFormat {
  unit: string | undefined;
  decimals: number | undefined;
}

interface ColumnsTooltipProps {
  columns: ChartColumns;
  series: readonly Series[];
  colors: readonly string[];
  /** Per series: how its values read, and whether the tooltip lists it. */
  displays: readonly FieldDisplay[];
  signs: readonly number[];
  percent: boolean;
  active: boolean | undefined;
  row: unknown;
}

/** The hovered time's values of every visible series, as recharts' own tooltip lists them. */
function ColumnsTooltip({
  columns,
  series,
  colors,
  displays,
  signs,
  percent,
  active,
  row,
}: ColumnsTooltipProps): ReactNode {
  const index = (row as { i?: number } | undefined)?.i;
  if (!active || index === undefined) return null;
  const payload: TooltipPayloadEntry[] = [];
  const formats = new Map<string, FieldDisplay>();
  series.forEach((entry, position) => {
    const value = columns.values[position]?.[index];
    const display = displays[position];
    if (value === null || value === undefined || !display || display.hideFrom.tooltip) return;
    formats.set(entry.key, percent ? { ...display, unit: "percentunit", mappings: [] } : display);
    payload.push({
      name: entry.name,
      // A series mirrored below zero is drawn negated; its value is what the tooltip shows.
      value: value * (signs[position] ?? 1),
      color: colors[position],
      dataKey: entry.key,
      graphicalItemId: entry.key,
    });
  });
  return (
    <DefaultTooltipContent
      payload={payload}
      label={columns.times[index]}
      labelFormatter={(label) => formatFullTime(Number(label))}
      formatter={(value, _name, item) => {
        const display = formats.get(String(item.dataKey));
        const number = typeof value === "number" ? value : null;
        return display ? displayValue(number, display).text : formatPanelValue(number, {});
      }}
      contentStyle={TOOLTIP_STYLE}
      itemSorter="name"
    />
  );
}

/** Lines, bars or points over time, stacked when asked, with a legend of the chosen calculations. */
export function TimeseriesView({
  panel,
  series,
  width,
  height,
  timeRange,
}: VisualizationProps<TimeseriesPanel>): ReactNode {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const fields = useMemo(() => timeseriesFields(panel, series, hidden), [panel, series, hidden]);
  const { drawn: visible, colors } = fields;
  const bars = panel.drawStyle === "bars";
  const columns = useMemo(
    () => (bars ? undefined : chartColumns(visible, panel.stacking, fields.groups)),
    [bars, visible, panel.stacking, fields.groups],
  );
  const barRows = useMemo(
    () => (bars ? chartRows(visible, panel.stacking) : undefined),
    [bars, visible, panel.stacking],
  );
  const data: readonly object[] = columns?.rows ?? barRows ?? [];
  const legend = legendSize(panel, fields.legend, width, height);
  const chartWidth = Math.max(50, width - legend.w);
  const chartHeight = Math.max(40, height - legend.h);
  const times = columns?.times ?? barRows?.map((row) => row.t) ?? [];
  // The axis spans the chosen range, as Grafana's does; the data's own extent without one.
  const first = timeRange?.from ?? times[0] ?? 0;
  const last = timeRange?.to ?? times[times.length - 1] ?? 0;
  const tick = useMemo(() => timeTickFormatter(last - first), [first, last]);
  // The ticks are chosen to fit (interval 0): recharts would otherwise measure every label's text.
  const plotWidth = chartWidth - Y_AXIS_WIDTH - MARGIN.left - MARGIN.right;
  const xTicks = useMemo(() => timeTicks(first, last, plotWidth), [first, last, plotWidth]);
  const yTickCount = valueTickCount(chartHeight - MARGIN.top - MARGIN.bottom - X_AXIS_HEIGHT);
  const xTick = useMemo(() => axisTick(tick, 11), [tick]);
  // Axis ticks choose their own decimals (0 for shares); the panel's are for the values themselves.
  const percent = panel.stacking === "percent";
  const axisUnit = percent ? "percentunit" : panel.unit;
  const yTick = useMemo(
    () =>
      axisTick(
        (value: number) => formatPanelValue(value, { unit: axisUnit, decimals: percent ? 0 : undefined }),
        11,
      ),
    [axisUnit, percent],
  );
  const valueFormat: ValueFormat = percent
    ? { unit: "percentunit", decimals: panel.decimals }
    : { unit: panel.unit, decimals: panel.decimals };
  const toggle = (key: string): void =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <div className={panel.legend.placement === "right" ? "dash-ts dash-ts-right" : "dash-ts"}>
      <ComposedChart width={chartWidth} height={chartHeight} data={data} margin={MARGIN}>
        <CartesianGrid stroke="#e5e7eb" vertical={false} verticalCoordinatesGenerator={NO_LINES} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={timeRange ? [timeRange.from, timeRange.to] : ["dataMin", "dataMax"]}
          ticks={xTicks}
          interval={0}
          tick={xTick}
          height={X_AXIS_HEIGHT}
        />
        <YAxis
          width={Y_AXIS_WIDTH}
          interval={0}
          tickCount={yTickCount}
          tick={yTick}
          domain={[panel.min ?? "auto", panel.max ?? "auto"]}
        />
        {columns ? (
          <Tooltip
            isAnimationActive={false}
            content={(props: TooltipContentProps) => (
              <ColumnsTooltip
                columns={columns}
                series={visible}
                colors={colors}
                displays={fields.displays}
                signs={fields.signs}
                percent={percent}
                active={props.active}
                row={props.payload?.[0]?.payload}
              />
            )}
          />
        ) : (
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(value) => formatFullTime(Number(value))}
            formatter={(value) => formatPanelValue(typeof value === "number" ? value : null, valueFormat)}
            contentStyle={TOOLTIP_STYLE}
          />
        )}
        {columns ? (
          // Invisible: the range every series spans at each time gives the axes their domains and
          // the tooltip its row, for the cost of one recharts series instead of one per series.
          <Area
            dataKey="range"
            isAnimationActive={false}
            stroke="none"
            fill="none"
            dot={false}
            activeDot={false}
            legendType="none"
          />
        ) : null}
        {columns ? (
          <SeriesLayer
            times={columns.times}
            keys={visible.map((entry) => entry.key)}
            values={columns.values}
            stacked={columns.stacked}
            colors={colors}
            drawStyle={panel.drawStyle === "points" ? "points" : "line"}
            fills={fields.fills}
            lineWidths={fields.lineWidths}
          />
        ) : (
          visible.map((entry, index) => (
            <Bar
              key={entry.key}
              dataKey={entry.key}
              name={entry.name}
              isAnimationActive={false}
              stackId={fields.groups[index]}
              fill={colors[index]}
            />
          ))
        )}
      </ComposedChart>
      {panel.legend.show ? (
        <div className="dash-legend" style={legend.w > 0 ? { width: legend.w } : { maxHeight: legend.h }}>
          <SeriesLegend panel={panel} entries={fields.legend} onToggle={toggle} />
        </div>
      ) : null}
    </div>
  );
}
