import type { HeatmapData } from "@/lib/dashboard/series";
import { heatColor } from "@/lib/dashboard/thresholds";
import type { Axis } from "./series-paths";

/** Shades a heatmap is drawn in: enough that neighbours differ by less than the eye can tell. */
const SHADES = 64;

export interface CellPath {
  color: string;
  /** Rectangles in whole tenths of a pixel (draw scaled by 0.1, as series-paths does). */
  d: string;
}

function tenths(axis: Axis, value: number): number {
  return Math.round((axis.offset + value * axis.factor) * 10);
}

/**
 * A heatmap's cells as one path per shade: a cell per time and bucket with observations, centred
 * on its time and bucket index, darker for more (square root of the share of the busiest cell).
 * A few dozen elements however many cells, where a shape per cell meant thousands.
 */
export function heatmapCellPaths(
  heat: HeatmapData,
  step: number,
  x: Axis,
  y: Axis,
  scheme: string,
): CellPath[] {
  const halfWidth = Math.abs(step * x.factor) / 2;
  const halfHeight = Math.abs(y.factor) / 2;
  // Half a pixel more each way, so neighbouring cells leave no seam.
  const width = Math.round((2 * halfWidth + 0.5) * 10);
  const height = Math.round((2 * halfHeight + 0.5) * 10);
  const byShade = new Map<number, string>();
  heat.times.forEach((time, timeIndex) => {
    const left = tenths(x, time) - Math.round(halfWidth * 10);
    heat.buckets.forEach((_bucket, bucketIndex) => {
      const count = heat.counts[timeIndex]?.[bucketIndex] ?? 0;
      if (count <= 0 || heat.max <= 0) return;
      const shade = Math.round(Math.sqrt(count / heat.max) * SHADES);
      const top = tenths(y, bucketIndex) - Math.round(halfHeight * 10);
      byShade.set(shade, `${byShade.get(shade) ?? ""}M${left},${top}h${width}v${height}h${-width}Z`);
    });
  });
  return [...byShade]
    .sort(([a], [b]) => a - b)
    .map(([shade, d]) => ({ color: heatColor(shade / SHADES, scheme), d }));
}

/** The time and bucket under a point of the plot, from the axes' inverse; undefined outside. */
export function cellAt(
  heat: HeatmapData,
  step: number,
  x: Axis,
  y: Axis,
  pixel: { x: number; y: number },
): { timeIndex: number; bucketIndex: number } | undefined {
  if (x.factor === 0 || y.factor === 0 || heat.times.length === 0) return undefined;
  const time = (pixel.x - x.offset) / x.factor;
  const first = heat.times[0] ?? 0;
  // `|| 0`: rounding -0.4 gives -0.
  const timeIndex = (step > 0 ? Math.round((time - first) / step) : 0) || 0;
  const bucketIndex = Math.round((pixel.y - y.offset) / y.factor) || 0;
  if (timeIndex < 0 || timeIndex >= heat.times.length) return undefined;
  if (bucketIndex < 0 || bucketIndex >= heat.buckets.length) return undefined;
  return { timeIndex, bucketIndex };
}
