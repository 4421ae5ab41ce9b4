"use client";

import type { ReactNode } from "react";
import { Bar, BarChart, Cell, LabelList, XAxis, YAxis } from "recharts";
import { valueFields } from "./value-fields";
import type { PanelOfType, VisualizationProps } from "./visualization-props";

type BarGaugePanel = PanelOfType<"bargauge">;

/** One bar per series, filled to the reduced value between min and max, coloured by thresholds. */
export function BarGaugeView({ panel, series, width, height }: VisualizationProps<BarGaugePanel>): ReactNode {
  const values = valueFields(panel, series, panel.reduce)
    .map((field) => field.value)
    .filter((value): value is number => value !== null);
  const min = panel.min ?? Math.min(0, ...values);
  const max = panel.max ?? Math.max(...values, min + 1);
  const vertical = panel.orientation === "vertical";
  const data = valueFields(panel, series, panel.reduce, () => ({ min, max })).map((field) => ({
    name: field.name,
    value: field.value ?? min,
    color: field.color,
    label: field.text,
  }));
  const labelWidth = Math.min(Math.round(width * 0.4), 220);
  const opacity = panel.displayMode === "basic" ? 1 : 0.85;
  if (vertical) {
    return (
      <BarChart width={width} height={height} data={data} margin={{ top: 18, right: 6, bottom: 0, left: 6 }}>
        <XAxis dataKey="name" tick={{ fontSize: 11 }} interval={0} />
        <YAxis hide domain={[min, max]} />
        <Bar dataKey="value" isAnimationActive={false} background={{ fill: "#eef0f3" }}>
          {data.map((row) => (
            <Cell key={row.name} fill={row.color} fillOpacity={opacity} />
          ))}
          <LabelList dataKey="label" position="top" style={{ fontSize: 11 }} />
        </Bar>
      </BarChart>
    );
  }
  return (
    <BarChart
      width={width}
      height={height}
      data={data}
      layout="vertical"
      margin={{ top: 4, right: 70, bottom: 4, left: 4 }}
      barCategoryGap="18%"
    >
      <XAxis type="number" hide domain={[min, max]} />
      <YAxis type="category" dataKey="name" width={labelWidth} tick={{ fontSize: 11 }} interval={0} />
      <Bar dataKey="value" isAnimationActive={false} background={{ fill: "#eef0f3" }}>
        {data.map((row) => (
          <Cell key={row.name} fill={row.color} fillOpacity={opacity} />
        ))}
        <LabelList dataKey="label" position="right" style={{ fontSize: 11 }} />
      </Bar>
    </BarChart>
  );
}
