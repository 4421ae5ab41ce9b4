"use client";

import type { ReactNode } from "react";
import { Sparkline } from "./sparkline";
import { valueFields } from "./value-fields";
import type { PanelOfType, VisualizationProps } from "./visualization-props";

type StatPanel = PanelOfType<"stat">;

/** The reduced value of each series, coloured by thresholds, over a sparkline of the range. */
export function StatView({ panel, series, width, height }: VisualizationProps<StatPanel>): ReactNode {
  const shown = valueFields(panel, series, panel.reduce);
  const columns = Math.max(1, Math.min(shown.length, Math.floor(width / 140) || 1));
  const rowsCount = Math.ceil(shown.length / columns);
  const cellWidth = Math.floor(width / columns);
  const cellHeight = Math.floor(height / Math.max(1, rowsCount));
  return (
    <div className="dash-stat-grid" style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }}>
      {shown.map((entry) => {
        const points = series.find((candidate) => candidate.key === entry.key)?.points ?? [];
        const color = entry.color;
        const background = panel.colorMode === "background";
        const showName = shown.length > 1;
        const fontSize = Math.max(14, Math.min(cellHeight * (showName ? 0.35 : 0.45), cellWidth / 5));
        const spark = panel.graphMode === "area" && points.length > 1 && cellHeight > 50;
        return (
          <div
            key={entry.key}
            className="dash-stat"
            style={{
              height: cellHeight,
              background: background ? color : undefined,
              color: background ? "#fff" : panel.colorMode === "value" ? color : undefined,
            }}
          >
            {showName ? <div className="dash-stat-name">{entry.name}</div> : null}
            <div className="dash-stat-value" style={{ fontSize }} data-testid="stat-value">
              {entry.text}
            </div>
            {spark ? (
              <div className="dash-stat-spark">
                <Sparkline
                  points={points}
                  width={cellWidth}
                  height={Math.round(cellHeight * 0.35)}
                  stroke={background ? "rgba(255,255,255,0.8)" : color}
                  fill={background ? "rgba(255,255,255,0.25)" : color}
                  fillOpacity={background ? 1 : 0.2}
                />
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
