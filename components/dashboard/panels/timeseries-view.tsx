"use client";

import { type ReactNode, useMemo, useState } from "react";
import { Area, Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from "recharts";
import { CALC_LABELS, type Calc, calculate, chartRows, type Series } from "../model/series";
import { seriesColor } from "../model/thresholds";
import { formatFullTime, formatPanelValue, timeTickFormatter } from "./format";
import type { PanelOfType, VisualizationProps } from "./visualization-props";

type TimeseriesPanel = PanelOfType<"timeseries">;

interface LegendProps {
  panel: TimeseriesPanel;
  series: Series[];
  hidden: ReadonlySet<string>;
  onToggle: (key: string) => void;
}

function SeriesLegend({ panel, series, hidden, onToggle }: LegendProps): ReactNode {
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
          {series.map((entry, index) => (
            <tr key={entry.key} className={hidden.has(entry.key) ? "dash-legend-off" : undefined}>
              <td>
                <button type="button" className="dash-legend-item" onClick={() => onToggle(entry.key)}>
                  <span className="dash-swatch" style={{ background: seriesColor(index) }} />
                  {entry.name}
                </button>
              </td>
              {calcs.map((calc) => (
                <td key={calc} className="numeric" data-calc={calc}>
                  {formatPanelValue(calculate(entry.points, calc), panel)}
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
      {series.map((entry, index) => (
        <button
          type="button"
          key={entry.key}
          className={hidden.has(entry.key) ? "dash-legend-item dash-legend-off" : "dash-legend-item"}
          onClick={() => onToggle(entry.key)}
        >
          <span className="dash-swatch" style={{ background: seriesColor(index) }} />
          {entry.name}
        </button>
      ))}
    </div>
  );
}

function legendSize(
  panel: TimeseriesPanel,
  series: Series[],
  width: number,
  height: number,
): { w: number; h: number } {
  if (!panel.legend.show || series.length === 0) return { w: 0, h: 0 };
  if (panel.legend.placement === "right") return { w: Math.min(Math.round(width * 0.35), 320), h: 0 };
  const table = panel.legend.displayMode === "table" || panel.legend.calcs.length > 0;
  const rows = table ? series.length + 1 : Math.ceil(series.length / Math.max(1, Math.floor(width / 160)));
  return { w: 0, h: Math.min(Math.round(height * 0.45), rows * 20 + 6) };
}

/** Lines, bars or points over time, stacked when asked, with a legend of the chosen calculations. */
export function TimeseriesView({
  panel,
  series,
  width,
  height,
}: VisualizationProps<TimeseriesPanel>): ReactNode {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const visible = series.filter((entry) => !hidden.has(entry.key));
  const rows = useMemo(() => chartRows(visible, panel.stacking), [visible, panel.stacking]);
  const legend = legendSize(panel, series, width, height);
  const chartWidth = Math.max(50, width - legend.w);
  const chartHeight = Math.max(40, height - legend.h);
  const first = rows[0]?.t ?? 0;
  const last = rows[rows.length - 1]?.t ?? 0;
  const tick = timeTickFormatter(last - first);
  const percent = panel.stacking === "percent";
  // Axis ticks choose their own decimals; the panel's decimals are for the values themselves.
  const axisPanel = percent
    ? { unit: "percentunit", decimals: 0 }
    : { unit: panel.unit, decimals: undefined };
  const valuePanel = percent ? { unit: "percentunit", decimals: panel.decimals } : panel;
  const stackId = panel.stacking === "none" ? undefined : "stack";
  const fill = panel.fillOpacity / 100;
  const toggle = (key: string): void =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <div className={panel.legend.placement === "right" ? "dash-ts dash-ts-right" : "dash-ts"}>
      <ComposedChart
        width={chartWidth}
        height={chartHeight}
        data={rows}
        margin={{ top: 6, right: 10, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="#e5e7eb" vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          tickFormatter={tick}
          tick={{ fontSize: 11 }}
          minTickGap={40}
        />
        <YAxis
          width={64}
          tick={{ fontSize: 11 }}
          tickFormatter={(value: number) => formatPanelValue(value, axisPanel)}
          domain={[panel.min ?? "auto", panel.max ?? "auto"]}
        />
        <Tooltip
          isAnimationActive={false}
          labelFormatter={(value) => formatFullTime(Number(value))}
          formatter={(value) => formatPanelValue(typeof value === "number" ? value : null, valuePanel)}
          contentStyle={{ fontSize: 12 }}
        />
        {series.map((entry, index) => {
          if (hidden.has(entry.key)) return null;
          const color = seriesColor(index);
          const common = { dataKey: entry.key, name: entry.name, isAnimationActive: false, stackId };
          if (panel.drawStyle === "bars") return <Bar key={entry.key} {...common} fill={color} />;
          if (stackId || fill > 0) {
            return (
              <Area
                key={entry.key}
                {...common}
                type="linear"
                stroke={color}
                fill={color}
                fillOpacity={fill}
                dot={panel.drawStyle === "points"}
                connectNulls={false}
              />
            );
          }
          return (
            <Line
              key={entry.key}
              {...common}
              type="linear"
              stroke={color}
              strokeWidth={panel.drawStyle === "points" ? 0 : 1.5}
              dot={panel.drawStyle === "points" ? { r: 2, fill: color } : false}
              connectNulls={false}
            />
          );
        })}
      </ComposedChart>
      {panel.legend.show ? (
        <div className="dash-legend" style={legend.w > 0 ? { width: legend.w } : { maxHeight: legend.h }}>
          <SeriesLegend panel={panel} series={series} hidden={hidden} onToggle={toggle} />
        </div>
      ) : null}
    </div>
  );
}
