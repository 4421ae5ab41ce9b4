"use client";

import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { PanelVisualization } from "@/components/charts/panel-visualization";
import { newPanel } from "@/components/dashboard/model/panel-ops";
import type { QueryPanel } from "@/lib/model/panel";
import { syntheticSeries } from "./synthetic-series";
import "@/components/dashboard/dashboard.css";

export interface TimeseriesBenchProps {
  seriesCount: number;
  points: number;
  width: number;
  height: number;
}

/** The outline the chart draws for each visible series (components/charts/series-layer). */
const DRAWN_CURVES = "path.dash-ts-line[d]";

/** A new time series panel, exactly as "Add panel" makes it. */
function benchPanel(): QueryPanel {
  const panel = newPanel("timeseries", 1, { x: 0, y: 0 });
  if (panel.type !== "timeseries") throw new Error("newPanel made no time series panel");
  return { ...panel, title: "Synthetic series" };
}

/**
 * "Draw" mounts the designer's chart of a time series panel with synthetic series and times it
 * from the click until every curve is in the page and painted (`performance.measure`
 * "timeseries-draw"); "Clear" unmounts it, so every drawing is a fresh mount.
 */
export function TimeseriesBench({ seriesCount, points, width, height }: TimeseriesBenchProps): ReactNode {
  const panel = useMemo(benchPanel, []);
  const series = useMemo(() => syntheticSeries(seriesCount, points), [seriesCount, points]);
  const [round, setRound] = useState(0);
  const [shown, setShown] = useState(false);
  const [timings, setTimings] = useState<number[]>([]);
  const chartRef = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each round is a new drawing to wait for
  useEffect(() => {
    if (!shown) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame = requestAnimationFrame(function check(): void {
      const drawn = chartRef.current?.querySelectorAll(DRAWN_CURVES).length ?? 0;
      if (drawn < series.length) {
        frame = requestAnimationFrame(check);
        return;
      }
      // This frame paints right after its callbacks; a task queued now runs after that paint.
      timer = setTimeout(() => {
        performance.mark("timeseries-drawn");
        const measure = performance.measure("timeseries-draw", "timeseries-draw-start", "timeseries-drawn");
        setTimings((list) => [...list, measure.duration]);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [shown, round, series.length]);

  const draw = (): void => {
    performance.clearMarks();
    performance.clearMeasures();
    performance.mark("timeseries-draw-start");
    setRound((count) => count + 1);
    setShown(true);
  };
  const last = timings[timings.length - 1];

  return (
    <div style={{ display: "grid", gap: 12 }}>
      <div style={{ display: "flex", gap: 8, alignItems: "center" }}>
        <button type="button" className="button" onClick={draw} disabled={shown} data-testid="bench-draw">
          Draw
        </button>
        <button
          type="button"
          className="button"
          onClick={() => setShown(false)}
          disabled={!shown}
          data-testid="bench-clear"
        >
          Clear
        </button>
        <output data-testid="bench-result" data-count={timings.length} data-last-ms={last ?? ""}>
          {last === undefined
            ? `${series.length} series × ${points} points, not drawn yet`
            : `drawing ${timings.length}: ${last.toFixed(1)} ms`}
        </output>
      </div>
      {shown ? (
        <div
          key={round}
          ref={chartRef}
          className="dash-panel-body"
          style={{ width, height }}
          data-testid="bench-chart"
        >
          <PanelVisualization panel={panel} series={series} width={width} height={height} />
        </div>
      ) : null}
    </div>
  );
}
