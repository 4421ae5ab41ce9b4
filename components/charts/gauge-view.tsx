"use client";

import type { ReactNode } from "react";
import { cssColor } from "@/lib/dashboard/thresholds";
import { annularSector, sectorSweeps } from "./gauge-arcs";
import { valueFields } from "./value-fields";
import type { PanelOfType, VisualizationProps } from "./visualization-props";

type GaugePanel = PanelOfType<"gauge">;

/** A block, so no line-height gap opens under it. */
const BLOCK = { display: "block" } as const;
const START = 225;
const END = -45;

/** Grafana's default range: 0–100, or 0–1 for ratio units. */
export function gaugeRange(panel: { unit?: string; min?: number; max?: number }): {
  min: number;
  max: number;
} {
  const ratio = panel.unit === "percentunit";
  return { min: panel.min ?? 0, max: panel.max ?? (ratio ? 1 : 100) };
}

/**
 * A dial per series: the reduced value on a 270° arc, with the threshold bands around it. Plain SVG
 * arcs: a recharts pie chart per dial cost far more to mount than the two arcs it draws.
 */
export function GaugeView({ panel, series, width, height }: VisualizationProps<GaugePanel>): ReactNode {
  const { min, max } = gaugeRange(panel);
  const shown = valueFields(panel, series, panel.reduce, () => ({ min, max }));
  const count = Math.max(1, shown.length);
  const cellWidth = Math.floor(width / count);
  const size = Math.max(40, Math.min(cellWidth, height));
  const steps = panel.thresholds?.steps ?? [];
  const bands = steps.map((step, index) => {
    const from = index === 0 || step.value === null ? min : step.value;
    const to = steps[index + 1]?.value ?? max;
    return { value: Math.max(0, Math.min(max, to) - Math.max(min, from)), color: cssColor(step.color) };
  });
  return (
    <div className="dash-gauge-row">
      {shown.map((entry) => {
        const value = entry.value ?? min;
        const clamped = Math.max(min, Math.min(max, value));
        const color = entry.color;
        const outer = size / 2 - 4;
        return (
          <div key={entry.key} className="dash-gauge" style={{ width: cellWidth, height }}>
            <svg width={size} height={size} className="dash-gauge-dial" style={BLOCK} aria-hidden="true">
              {panel.showThresholdMarkers
                ? sectorSweeps(
                    bands.map((band) => band.value),
                    START,
                    END,
                  ).map((sweep, index) => (
                    <path
                      // biome-ignore lint/suspicious/noArrayIndexKey: bands are positional
                      key={index}
                      d={annularSector(size / 2, size / 2, outer - 5, outer, sweep)}
                      fill={bands[index]?.color}
                    />
                  ))
                : null}
              {sectorSweeps([clamped - min, max - clamped], START, END).map((sweep, index) => (
                <path
                  key={index === 0 ? "value" : "rest"}
                  d={annularSector(size / 2, size / 2, outer * 0.62, outer - 8, sweep)}
                  fill={index === 0 ? color : "#e5e7eb"}
                />
              ))}
            </svg>
            <div
              className="dash-gauge-value"
              style={{ fontSize: Math.max(12, size / 7), color }}
              data-testid="stat-value"
            >
              {entry.text}
            </div>
            {shown.length > 1 ? <div className="dash-gauge-name">{entry.name}</div> : null}
          </div>
        );
      })}
    </div>
  );
}
