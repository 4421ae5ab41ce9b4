import type { Writable } from "node:stream";
import type { Timeline } from "./world";
import { sampleTime } from "./world";

/** Metric families as data, and their OpenMetrics rendering for `promtool tsdb create-blocks-from openmetrics`. */

export type Labels = Readonly<Record<string, string>>;

export interface ScalarSeries {
  labels: Labels;
  value: (index: number) => number;
}

export interface HistogramPoint {
  /** Cumulative counts for each bound, then for +Inf. */
  buckets: readonly number[];
  sum: number;
  count: number;
}

export interface HistogramSeries {
  labels: Labels;
  point: (index: number) => HistogramPoint;
}

/**
 * `name` is the exposed sample name. OpenMetrics only lets a counter's samples end in `_total`,
 * so the counters FraiseQL and postgres_exporter expose without that suffix are `unknown` here;
 * Prometheus stores no type, so queries see the same series.
 */
export type MetricFamily =
  | { type: "counter" | "gauge" | "unknown"; name: string; help: string; series: ScalarSeries[] }
  | { type: "histogram"; name: string; help: string; bounds: readonly number[]; series: HistogramSeries[] };

/** A counter from per-step increments, summed forward; asking for an earlier step restarts the sum. */
export function cumulative(increment: (index: number) => number, initial = 0): (index: number) => number {
  let last = -1;
  let sum = initial;
  return (index) => {
    if (index < last) {
      last = -1;
      sum = initial;
    }
    while (last < index) {
      last++;
      sum += increment(last);
    }
    return sum;
  };
}

/** Observations made during one step: `count` of them, lognormally spread around `median`. */
export interface StepObservations {
  count: number;
  median: number;
  sigma: number;
}

/**
 * A histogram from per-step observations. Bucket counts are rounded shares of each step's count,
 * so they never decrease along `le`, and the +Inf bucket equals `_count` exactly.
 */
export function cumulativeHistogram(
  bounds: readonly number[],
  observe: (index: number) => StepObservations,
  cdf: (bound: number, median: number, sigma: number) => number,
): (index: number) => HistogramPoint {
  let last = -1;
  let buckets = new Array<number>(bounds.length + 1).fill(0);
  let sum = 0;
  let count = 0;
  return (index) => {
    if (index < last) {
      last = -1;
      buckets = buckets.map(() => 0);
      sum = 0;
      count = 0;
    }
    while (last < index) {
      last++;
      const step = observe(last);
      if (step.count === 0) continue;
      bounds.forEach((bound, position) => {
        buckets[position] =
          (buckets[position] ?? 0) + Math.round(step.count * cdf(bound, step.median, step.sigma));
      });
      buckets[bounds.length] = (buckets[bounds.length] ?? 0) + step.count;
      count += step.count;
      sum += step.count * step.median * Math.exp((step.sigma * step.sigma) / 2);
    }
    return { buckets: [...buckets], sum, count };
  };
}

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

export function formatLabels(labels: Labels, extra?: [string, string]): string {
  const pairs = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabelValue(value)}"`);
  if (extra) pairs.push(`${extra[0]}="${escapeLabelValue(extra[1])}"`);
  return pairs.length === 0 ? "" : `{${pairs.join(",")}}`;
}

/** Numbers as Prometheus writes them; floats keep six decimals, enough for any panel. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  if (Number.isInteger(value)) return String(value);
  return String(Math.round(value * 1e6) / 1e6);
}

/** `le` values as FraiseQL writes them: `0.1`, `1`, `+Inf`. */
export function formatBound(bound: number): string {
  return bound === Number.POSITIVE_INFINITY ? "+Inf" : String(bound);
}

/** The OpenMetrics family name: a counter's name without `_total`. */
export function openMetricsFamilyName(family: MetricFamily): string {
  if (family.type !== "counter") return family.name;
  if (!family.name.endsWith("_total")) {
    throw new Error(`counter ${family.name} must end in _total in OpenMetrics; declare it as unknown`);
  }
  return family.name.slice(0, -"_total".length);
}

/** Sample lines of one series at one step, with an optional timestamp suffix. */
export function sampleLines(family: MetricFamily, index: number, suffix: string): string[] {
  switch (family.type) {
    case "counter":
    case "gauge":
    case "unknown":
      return family.series.map(
        (series) =>
          `${family.name}${formatLabels(series.labels)} ${formatNumber(series.value(index))}${suffix}`,
      );
    case "histogram":
      return family.series.flatMap((series) =>
        histogramLines(family.name, family.bounds, series, index, suffix),
      );
    default: {
      const never: never = family;
      throw new Error(`unknown family ${JSON.stringify(never)}`);
    }
  }
}

function histogramLines(
  name: string,
  bounds: readonly number[],
  series: HistogramSeries,
  index: number,
  suffix: string,
): string[] {
  const point = series.point(index);
  const lines = [...bounds, Number.POSITIVE_INFINITY].map(
    (bound, position) =>
      `${name}_bucket${formatLabels(series.labels, ["le", formatBound(bound)])} ${formatNumber(point.buckets[position] ?? 0)}${suffix}`,
  );
  lines.push(`${name}_sum${formatLabels(series.labels)} ${formatNumber(point.sum)}${suffix}`);
  lines.push(`${name}_count${formatLabels(series.labels)} ${formatNumber(point.count)}${suffix}`);
  return lines;
}

/** The family split into one family per series (the union needs each branch spelled out). */
export function singleSeriesFamilies(family: MetricFamily): MetricFamily[] {
  if (family.type === "histogram") return family.series.map((series) => ({ ...family, series: [series] }));
  return family.series.map((series) => ({ ...family, series: [series] }));
}

export interface WriteStats {
  families: number;
  series: number;
  samples: number;
  bytes: number;
}

function seriesCount(family: MetricFamily): number {
  return family.type === "histogram"
    ? family.series.length * (family.bounds.length + 3)
    : family.series.length;
}

/** Writes to a stream, waiting for it to drain so a large file never sits in memory. */
function writer(out: Writable): { write: (text: string) => Promise<void> } {
  return {
    write: (text) =>
      new Promise((resolve, reject) => {
        const onError = (error: Error): void => reject(error);
        out.once("error", onError);
        const flushed = out.write(text, () => out.off("error", onError));
        if (flushed) resolve();
        else out.once("drain", () => resolve());
      }),
  };
}

/**
 * Streams families as OpenMetrics: each family's samples together (OpenMetrics forbids
 * interleaving), each series in time order (the backfill appends per series), `# EOF` last.
 */
export async function writeOpenMetrics(
  families: readonly MetricFamily[],
  timeline: Timeline,
  out: Writable,
): Promise<WriteStats> {
  const { write } = writer(out);
  const stats: WriteStats = { families: 0, series: 0, samples: 0, bytes: 0 };
  let buffer: string[] = [];
  let buffered = 0;
  const flush = async (): Promise<void> => {
    if (buffer.length === 0) return;
    const text = `${buffer.join("\n")}\n`;
    buffer = [];
    buffered = 0;
    stats.bytes += Buffer.byteLength(text);
    await write(text);
  };
  for (const family of families) {
    stats.families++;
    stats.series += seriesCount(family);
    const name = openMetricsFamilyName(family);
    buffer.push(`# TYPE ${name} ${family.type}`, `# HELP ${name} ${family.help}`);
    // One series at a time across all steps: a single-series family keeps the per-series order.
    for (const part of singleSeriesFamilies(family)) {
      for (let index = 0; index < timeline.steps; index++) {
        const lines = sampleLines(part, index, ` ${sampleTime(timeline, index)}`);
        stats.samples += lines.length;
        buffered += lines.length;
        for (const line of lines) buffer.push(line);
        if (buffered >= 4000) await flush();
      }
    }
  }
  buffer.push("# EOF");
  await flush();
  return stats;
}
