/**
 * Thins a range result for drawing: each series to at most `maxPoints` points, keeping its shape
 * (the lowest and highest point of every bucket survive, so spikes stay visible), and at most
 * `maxSeries` series. What was dropped is counted so the UI can say so.
 */

/** A Prometheus sample: unix seconds and the value as Prometheus writes it ("1.5", "NaN", "+Inf"). */
export type SamplePair = readonly [number, string];

export interface MatrixSeries {
  metric: Record<string, string>;
  values: SamplePair[];
}

export const MAX_SERIES = 100;

export interface DownsampleOptions {
  maxPoints: number;
  /** Default MAX_SERIES. */
  maxSeries?: number;
}

export interface DownsampleResult {
  series: MatrixSeries[];
  totalSeries: number;
  droppedSeries: number;
  /** Labels of the first dropped series, to name a few in the UI. */
  droppedSeriesExamples: Record<string, string>[];
  totalPoints: number;
  /** Points removed by thinning the kept series (dropped series' points are not counted here). */
  droppedPoints: number;
  /** Kept series that were thinned. */
  thinnedSeries: number;
}

/** Prometheus writes infinities as `+Inf` and `-Inf`, which parseFloat does not read. */
function numeric(pair: SamplePair): number {
  const text = pair[1];
  if (text === "+Inf" || text === "Inf") return Number.POSITIVE_INFINITY;
  if (text === "-Inf") return Number.NEGATIVE_INFINITY;
  return Number.parseFloat(text);
}

/** At most `maxPoints` points: the minimum and maximum of each of maxPoints/2 equal buckets, in time order. */
export function downsamplePoints(values: readonly SamplePair[], maxPoints: number): SamplePair[] {
  if (values.length <= maxPoints) return [...values];
  if (maxPoints < 2) {
    const peak = values.reduce(
      (best, pair) => (numeric(pair) > numeric(best) ? pair : best),
      values[0] as SamplePair,
    );
    return maxPoints === 1 ? [peak] : [];
  }
  const buckets = Math.floor(maxPoints / 2);
  const size = values.length / buckets;
  const out: SamplePair[] = [];
  for (let bucket = 0; bucket < buckets; bucket++) {
    const from = Math.floor(bucket * size);
    const to = Math.floor((bucket + 1) * size);
    let low = -1;
    let high = -1;
    for (let i = from; i < to; i++) {
      const value = numeric(values[i] as SamplePair);
      if (Number.isNaN(value)) continue;
      if (low < 0 || value < numeric(values[low] as SamplePair)) low = i;
      if (high < 0 || value > numeric(values[high] as SamplePair)) high = i;
    }
    if (low < 0) {
      // A bucket of NaNs: keep one, so the gap still shows.
      out.push(values[from] as SamplePair);
      continue;
    }
    const first = Math.min(low, high);
    const second = Math.max(low, high);
    out.push(values[first] as SamplePair);
    if (second !== first) out.push(values[second] as SamplePair);
  }
  return out;
}

export function downsampleMatrix(
  series: readonly MatrixSeries[],
  options: DownsampleOptions,
): DownsampleResult {
  const maxSeries = options.maxSeries ?? MAX_SERIES;
  const kept = series.slice(0, maxSeries);
  const dropped = series.slice(maxSeries);
  let totalPoints = 0;
  let droppedPoints = 0;
  let thinnedSeries = 0;
  const thinned = kept.map((entry) => {
    totalPoints += entry.values.length;
    const values = downsamplePoints(entry.values, options.maxPoints);
    if (values.length < entry.values.length) {
      thinnedSeries++;
      droppedPoints += entry.values.length - values.length;
    }
    return { metric: entry.metric, values };
  });
  for (const entry of dropped) totalPoints += entry.values.length;
  return {
    series: thinned,
    totalSeries: series.length,
    droppedSeries: dropped.length,
    droppedSeriesExamples: dropped.slice(0, 5).map((entry) => entry.metric),
    totalPoints,
    droppedPoints,
    thinnedSeries,
  };
}
