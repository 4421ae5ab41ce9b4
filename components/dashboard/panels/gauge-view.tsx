"use client";

import type { ReactNode } from "react";
import { Cell, Pie, PieChart } from "recharts";
import { calculate } from "../model/series";
import { cssColor, thresholdColor } from "../model/thresholds";
import { formatPanelValue } from "./format";
import type { PanelOfType, VisualizationProps } from "./visualization-props";

type GaugePanel = PanelOfType<"gauge">;

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

/** A dial per series: the reduced value on a 270° arc, with the threshold bands around it. */
export function GaugeView({ panel, series, width, height }: VisualizationProps<GaugePanel>): ReactNode {
  const shown = series.filter((entry) => calculate(entry.points, panel.reduce) !== null);
  const count = Math.max(1, shown.length);
  const cellWidth = Math.floor(width / count);
  const size = Math.max(40, Math.min(cellWidth, height));
  const { min, max } = gaugeRange(panel);
  const steps = panel.thresholds?.steps ?? [];
  const bands = steps.map((step, index) => {
    const from = index === 0 || step.value === null ? min : step.value;
    const to = steps[index + 1]?.value ?? max;
    return { value: Math.max(0, Math.min(max, to) - Math.max(min, from)), color: cssColor(step.color) };
  });
  return (
    <div className="dash-gauge-row">
      {shown.map((entry) => {
        const value = calculate(entry.points, panel.reduce) ?? min;
        const clamped = Math.max(min, Math.min(max, value));
        const color = thresholdColor(value, panel.thresholds, { min, max });
        const outer = size / 2 - 4;
        return (
          <div key={entry.key} className="dash-gauge" style={{ width: cellWidth, height }}>
            <PieChart width={size} height={size}>
              {panel.showThresholdMarkers && bands.length > 0 ? (
                <Pie
                  data={bands}
                  dataKey="value"
                  startAngle={START}
                  endAngle={END}
                  innerRadius={outer - 5}
                  outerRadius={outer}
                  isAnimationActive={false}
                  stroke="none"
                >
                  {bands.map((band, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: bands are positional
                    <Cell key={index} fill={band.color} />
                  ))}
                </Pie>
              ) : null}
              <Pie
                data={[{ value: clamped - min }, { value: max - clamped }]}
                dataKey="value"
                startAngle={START}
                endAngle={END}
                innerRadius={outer * 0.62}
                outerRadius={outer - 8}
                isAnimationActive={false}
                stroke="none"
              >
                <Cell fill={color} />
                <Cell fill="#e5e7eb" />
              </Pie>
            </PieChart>
            <div
              className="dash-gauge-value"
              style={{ fontSize: Math.max(12, size / 7), color }}
              data-testid="stat-value"
            >
              {formatPanelValue(value, panel)}
            </div>
            {shown.length > 1 ? <div className="dash-gauge-name">{entry.name}</div> : null}
          </div>
        );
      })}
    </div>
  );
}
