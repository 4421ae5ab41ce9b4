"use client";

import { type ReactNode, useMemo } from "react";
import { TimeseriesView } from "@/components/charts/timeseries-view";
import type { BacktestRunResponse } from "@/lib/alerting/backtest/api-schemas";
import { defaultSeriesName, parseSampleValue, type Series } from "@/lib/dashboard/series";
import { PanelSchema } from "@/lib/model";

export interface BacktestChartProps {
  run: BacktestRunResponse;
  width?: number;
  height?: number;
}

type Chart = BacktestRunResponse["chart"];

/** The chart's lines: each series of the query, and each threshold as a flat line across the window. */
export function chartSeries(chart: Chart): Series[] {
  const lines: Series[] = chart.series.map((one) => ({
    key: `A:${JSON.stringify(one.metric)}`,
    name: defaultSeriesName(one.metric, chart.query),
    refId: "A",
    labels: { ...one.metric },
    points: one.values.map(([t, v]) => [t * 1000, parseSampleValue(v)] as [number, number | null]),
  }));
  const times = [...new Set(lines.flatMap((line) => line.points.map(([t]) => t)))].sort((a, b) => a - b);
  const threshold = chart.threshold;
  for (const [which, value] of [
    ["saved", threshold?.saved],
    ["edited", threshold?.draft],
  ] as const) {
    if (value === undefined || (which === "edited" && value === threshold?.saved)) continue;
    lines.push({
      key: `threshold:${which}`,
      name: `threshold (${which}) ${threshold?.operator} ${value}`,
      refId: "T",
      labels: {},
      points: times.map((t) => [t, value]),
    });
  }
  return lines;
}

/** The expression (without its comparison) over the window, with the saved and edited thresholds. */
export function BacktestChart({ run, width = 720, height = 220 }: BacktestChartProps): ReactNode {
  const panel = useMemo(
    () =>
      PanelSchema.parse({
        id: 1,
        type: "timeseries",
        title: run.chart.query,
        gridPos: { x: 0, y: 0, w: 24, h: 8 },
        targets: [{ kind: "promql", refId: "A", expr: run.chart.query }],
      }),
    [run.chart.query],
  );
  const series = useMemo(() => chartSeries(run.chart), [run.chart]);
  if (panel.type !== "timeseries") return null;
  return (
    <figure className="backtest-chart" data-testid="backtest-chart">
      <TimeseriesView
        panel={panel}
        series={series}
        width={width}
        height={height}
        timeRange={{ from: run.startMs, to: run.endMs }}
      />
      {run.chart.omittedSeries > 0 ? (
        <figcaption>
          {run.chart.omittedSeries} more series not drawn (the first {run.chart.series.length} are)
        </figcaption>
      ) : null}
    </figure>
  );
}
