"use client";

import type { ReactNode } from "react";
import { valueFields } from "./value-fields";
import type { PanelOfType, VisualizationProps } from "./visualization-props";

type BarGaugePanel = PanelOfType<"bargauge">;

const BACKGROUND = "#eef0f3";
const LABEL_COLOR = "#666";
const FONT_SIZE = 11;
/** Of each bar's slot, the share left empty on each side (recharts' barCategoryGap). */
const SLOT_GAP = 0.18;
const VERTICAL_SLOT_GAP = 0.1;

interface Bar {
  key: string;
  name: string;
  /** 0 to 1: how far between min and max the value is. */
  share: number;
  color: string;
  label: string;
}

/**
 * One bar per series, filled to the reduced value between min and max, coloured by thresholds,
 * the value beside it. Plain SVG: a recharts bar chart per panel cost far more to mount, and
 * measured its labels in the page, than the few rectangles it draws.
 */
export function BarGaugeView({ panel, series, width, height }: VisualizationProps<BarGaugePanel>): ReactNode {
  const values = valueFields(panel, series, panel.reduce)
    .map((field) => field.value)
    .filter((value): value is number => value !== null);
  const min = panel.min ?? Math.min(0, ...values);
  const max = panel.max ?? Math.max(...values, min + 1);
  const bars: Bar[] = valueFields(panel, series, panel.reduce, () => ({ min, max })).map((field) => ({
    key: field.key,
    name: field.name,
    share: max > min ? Math.max(0, Math.min(1, ((field.value ?? min) - min) / (max - min))) : 0,
    color: field.color,
    label: field.text,
  }));
  const opacity = panel.displayMode === "basic" ? 1 : 0.85;
  const count = Math.max(1, bars.length);
  if (panel.orientation === "vertical") {
    const top = 18;
    const bottom = height - 30;
    const slot = (width - 12) / count;
    const barWidth = slot * (1 - 2 * VERTICAL_SLOT_GAP);
    return (
      <svg width={width} height={height} className="dash-chart-surface" role="img" aria-label={panel.title}>
        <g className="dash-chart-marks">
          {bars.map((bar, index) => {
            const left = 6 + index * slot + slot * VERTICAL_SLOT_GAP;
            const full = Math.max(0, bottom - top);
            const filled = full * bar.share;
            return (
              <g key={bar.key}>
                <rect x={left} y={top} width={barWidth} height={full} fill={BACKGROUND} />
                <rect
                  x={left}
                  y={bottom - filled}
                  width={barWidth}
                  height={filled}
                  fill={bar.color}
                  fillOpacity={opacity}
                />
              </g>
            );
          })}
        </g>
        <g fill={LABEL_COLOR} fontSize={FONT_SIZE}>
          {bars.map((bar, index) => {
            const middle = 6 + index * slot + slot / 2;
            const filled = Math.max(0, bottom - top) * bar.share;
            return (
              <g key={bar.key}>
                <text x={middle} y={bottom - filled - 5} textAnchor="middle">
                  {bar.label}
                </text>
                <text x={middle} y={bottom + 8} dy="0.71em" textAnchor="middle">
                  {bar.name}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
    );
  }
  const labelWidth = Math.min(Math.round(width * 0.4), 220);
  const left = 4 + labelWidth;
  const right = width - 70;
  const full = Math.max(0, right - left);
  const slot = (height - 8) / count;
  const barHeight = slot * (1 - 2 * SLOT_GAP);
  return (
    <svg width={width} height={height} className="dash-chart-surface" role="img" aria-label={panel.title}>
      <g className="dash-chart-marks">
        {bars.map((bar, index) => {
          const y = 4 + index * slot + slot * SLOT_GAP;
          return (
            <g key={bar.key}>
              <rect x={left} y={y} width={full} height={barHeight} fill={BACKGROUND} />
              <rect
                x={left}
                y={y}
                width={full * bar.share}
                height={barHeight}
                fill={bar.color}
                fillOpacity={opacity}
              />
            </g>
          );
        })}
      </g>
      <g fill={LABEL_COLOR} fontSize={FONT_SIZE}>
        {bars.map((bar, index) => {
          const middle = 4 + index * slot + slot / 2;
          return (
            <g key={bar.key}>
              <text x={left - 8} y={middle} dy="0.355em" textAnchor="end">
                {bar.name}
              </text>
              <text x={left + full * bar.share + 5} y={middle} dy="0.355em">
                {bar.label}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
