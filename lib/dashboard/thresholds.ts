import type { Thresholds } from "../model/panel";

/** Grafana's named colours (its classic palette), and the threshold step a value falls in. */

const NAMED_COLORS: Record<string, string> = {
  green: "#73BF69",
  "dark-green": "#37872D",
  "semi-dark-green": "#56A64B",
  "light-green": "#96D98D",
  red: "#F2495C",
  "dark-red": "#C4162A",
  "semi-dark-red": "#E02F44",
  "light-red": "#FF7383",
  orange: "#FF9830",
  "dark-orange": "#FA6400",
  "semi-dark-orange": "#FF780A",
  "light-orange": "#FFB357",
  yellow: "#FADE2A",
  "dark-yellow": "#E0B400",
  "semi-dark-yellow": "#F2CC0C",
  "light-yellow": "#FFEE52",
  blue: "#5794F2",
  "dark-blue": "#1F60C4",
  "semi-dark-blue": "#3274D9",
  "light-blue": "#8AB8FF",
  purple: "#B877D9",
  "dark-purple": "#8F3BB8",
  "semi-dark-purple": "#A352CC",
  "light-purple": "#CA95E5",
  text: "#1f2328",
  transparent: "transparent",
};

/** A colour as CSS: Grafana's names resolved, anything else (hex, rgb()) passed through. */
export function cssColor(color: string): string {
  return NAMED_COLORS[color] ?? color;
}

/** The colours a threshold editor offers. */
export const COLOR_CHOICES: readonly string[] = [
  "green",
  "yellow",
  "orange",
  "red",
  "blue",
  "purple",
  "dark-red",
  "text",
];

/** The series palette of Grafana's classic scheme. */
export const SERIES_PALETTE: readonly string[] = [
  "#7EB26D",
  "#EAB839",
  "#6ED0E0",
  "#EF843C",
  "#E24D42",
  "#1F78C1",
  "#BA43A9",
  "#705DA0",
  "#508642",
  "#CCA300",
];

export function seriesColor(index: number): string {
  return SERIES_PALETTE[index % SERIES_PALETTE.length] ?? "#7EB26D";
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  mode: "absolute",
  steps: [
    { value: null, color: "green" },
    { value: 80, color: "red" },
  ],
};

/**
 * The colour of the highest step at or below `value` (Grafana's getActiveThreshold). Percentage
 * thresholds are read against `min`…`max` (default 0…100).
 */
export function thresholdColor(
  value: number | null,
  thresholds: Thresholds | undefined,
  range: { min?: number; max?: number } = {},
): string {
  const steps = (thresholds ?? DEFAULT_THRESHOLDS).steps;
  const base = steps[0]?.color ?? "green";
  if (value === null) return cssColor(base);
  const min = range.min ?? 0;
  const max = range.max ?? 100;
  const compared =
    thresholds?.mode === "percentage" ? (max === min ? 0 : ((value - min) / (max - min)) * 100) : value;
  let color = base;
  for (const step of steps) {
    if (step.value === null || compared >= step.value) color = step.color;
  }
  return cssColor(color);
}

/** Grafana's "Oranges" and friends as a light-to-dark ramp, for heatmap cells. */
export function heatColor(fraction: number, scheme: string): string {
  const ramps: Record<string, [number, number, number][]> = {
    Oranges: [
      [254, 237, 222],
      [253, 141, 60],
      [166, 54, 3],
    ],
    Blues: [
      [222, 235, 247],
      [107, 174, 214],
      [8, 69, 148],
    ],
    Greens: [
      [229, 245, 224],
      [116, 196, 118],
      [0, 109, 44],
    ],
    Reds: [
      [254, 224, 210],
      [251, 106, 74],
      [165, 15, 21],
    ],
  };
  const ramp = ramps[scheme] ?? ramps.Oranges ?? [];
  const clamped = Math.max(0, Math.min(1, fraction));
  const position = clamped * (ramp.length - 1);
  const lower = Math.floor(position);
  const upper = Math.min(ramp.length - 1, lower + 1);
  const t = position - lower;
  const a = ramp[lower] ?? [0, 0, 0];
  const b = ramp[upper] ?? [0, 0, 0];
  const mix = (i: 0 | 1 | 2): number => Math.round(a[i] + (b[i] - a[i]) * t);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}
