/**
 * The step of a preview range query: as fine as the panel can draw, never more than
 * MAX_POINTS points per series, never finer than Prometheus scrapes, and a round number so
 * neighbouring previews line up.
 */

export const MAX_POINTS = 1000;

/** Round steps in seconds, as Grafana picks them. */
export const NICE_STEPS_SECONDS: readonly number[] = [
  1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400,
];

export interface StepInput {
  /** Length of the queried range. */
  rangeSeconds: number;
  /** Width the panel draws in, in pixels: one point per pixel is enough. */
  widthPx: number;
  /** The datasource's scrape interval: finer steps only repeat samples. */
  scrapeIntervalSeconds: number;
  /** Default MAX_POINTS. */
  maxPoints?: number;
}

/** Points a range query returns per series: both ends are included. */
export function pointCount(rangeSeconds: number, stepSeconds: number): number {
  return Math.floor(rangeSeconds / stepSeconds) + 1;
}

export function chooseStep(input: StepInput): number {
  const limit = Math.max(2, Math.min(Math.floor(input.widthPx), input.maxPoints ?? MAX_POINTS));
  const finest = Math.max(input.rangeSeconds / (limit - 1), input.scrapeIntervalSeconds, 1);
  const nice = NICE_STEPS_SECONDS.find((step) => step >= finest);
  if (nice !== undefined) return nice;
  const day = 86_400;
  return Math.ceil(finest / day) * day;
}
