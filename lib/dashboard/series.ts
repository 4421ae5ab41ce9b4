import type { QueryData } from "../prometheus/schemas";

/**
 * Prometheus results as what panels draw: named series of `[ms, value]` points, the legend's
 * calculations, a panel's single reduced value, stacked rows for charts and heatmap buckets.
 * Values are numbers or null (a gap); Prometheus's NaN counts as a gap, as Grafana treats it.
 */

export interface Series {
  /** Unique within a panel: refId plus the label set. */
  key: string;
  name: string;
  refId: string;
  labels: Record<string, string>;
  /** Epoch milliseconds and value. */
  points: [number, number | null][];
}

export function parseSampleValue(text: string): number | null {
  if (text === "+Inf" || text === "Inf") return Number.POSITIVE_INFINITY;
  if (text === "-Inf") return Number.NEGATIVE_INFINITY;
  const value = Number.parseFloat(text);
  return Number.isNaN(value) ? null : value;
}

/** `{{instance}} – {{job}}` with the series' labels; unknown labels become empty, as in Grafana. */
export function formatLegend(format: string, labels: Record<string, string>): string {
  return format.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_match, name: string) => labels[name] ?? "");
}

/** Grafana's default series name: `metric{a="1", b="2"}`, or the label set alone. */
export function defaultSeriesName(labels: Record<string, string>, fallback: string): string {
  const { __name__: metric, ...rest } = labels;
  const entries = Object.entries(rest);
  if (!metric && entries.length === 0) return fallback;
  const body = entries.map(([key, value]) => `${key}="${value}"`).join(", ");
  return `${metric ?? ""}{${body}}`;
}

function seriesName(
  labels: Record<string, string>,
  legendFormat: string | undefined,
  fallback: string,
): string {
  if (legendFormat && legendFormat.trim() !== "" && legendFormat !== "__auto")
    return formatLegend(legendFormat, labels);
  return defaultSeriesName(labels, fallback);
}

function labelKey(labels: Record<string, string>): string {
  return Object.entries(labels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join(",");
}

/** A query result as series; an instant vector becomes one-point series. */
export function toSeries(
  data: QueryData,
  refId: string,
  legendFormat: string | undefined,
  expr: string,
): Series[] {
  switch (data.resultType) {
    case "matrix":
      return data.result.map((entry) => ({
        key: `${refId}:${labelKey(entry.metric)}`,
        name: seriesName(entry.metric, legendFormat, expr),
        refId,
        labels: entry.metric,
        points: entry.values.map(([time, value]) => [time * 1000, parseSampleValue(value)]),
      }));
    case "vector":
      return data.result.map((entry) => ({
        key: `${refId}:${labelKey(entry.metric)}`,
        name: seriesName(entry.metric, legendFormat, expr),
        refId,
        labels: entry.metric,
        points: entry.value ? [[entry.value[0] * 1000, parseSampleValue(entry.value[1])]] : [],
      }));
    case "scalar":
    case "string":
      return [
        {
          key: `${refId}:scalar`,
          name: seriesName({}, legendFormat, expr),
          refId,
          labels: {},
          points: [[data.result[0] * 1000, parseSampleValue(data.result[1])]],
        },
      ];
    default: {
      const never: never = data;
      throw new Error(`unknown result ${JSON.stringify(never)}`);
    }
  }
}

export type Calc = "min" | "max" | "mean" | "last" | "lastNotNull" | "sum";

export const CALC_LABELS: Record<Calc, string> = {
  min: "Min",
  max: "Max",
  mean: "Mean",
  last: "Last",
  lastNotNull: "Last *",
  sum: "Total",
};

/** A calculation over a series' values; null when it has no value to compute from. */
export function calculate(points: readonly [number, number | null][], calc: Calc): number | null {
  if (calc === "last") return points[points.length - 1]?.[1] ?? null;
  const values = points.map(([, value]) => value).filter((value): value is number => value !== null);
  if (values.length === 0) return null;
  switch (calc) {
    case "min":
      return Math.min(...values);
    case "max":
      return Math.max(...values);
    case "sum":
      return values.reduce((sum, value) => sum + value, 0);
    case "mean":
      return values.reduce((sum, value) => sum + value, 0) / values.length;
    case "lastNotNull":
      return values[values.length - 1] ?? null;
    default: {
      const never: never = calc;
      throw new Error(`unknown calculation ${String(never)}`);
    }
  }
}

/** Whether any series has a value to show. */
export function hasValues(series: readonly Series[]): boolean {
  return series.some((entry) => entry.points.some(([, value]) => value !== null));
}

/** One row per timestamp with each series' value under its key, for recharts. */
export type ChartRow = { t: number } & Record<string, number | null>;

export function chartRows(series: readonly Series[], stacking: "none" | "normal" | "percent"): ChartRow[] {
  const times = new Set<number>();
  for (const entry of series) for (const [time] of entry.points) times.add(time);
  const sorted = [...times].sort((a, b) => a - b);
  const index = new Map(sorted.map((time, i) => [time, i]));
  const rows: ChartRow[] = sorted.map((t) => ({ t }) as ChartRow);
  for (const entry of series) {
    for (const row of rows) row[entry.key] = null;
    for (const [time, value] of entry.points) {
      const row = rows[index.get(time) ?? -1];
      if (row) row[entry.key] = value !== null && Number.isFinite(value) ? value : null;
    }
  }
  if (stacking === "percent") {
    for (const row of rows) {
      const total = series.reduce((sum, entry) => sum + Math.abs(row[entry.key] ?? 0), 0);
      for (const entry of series) {
        const value = row[entry.key];
        row[entry.key] = value === null || value === undefined || total === 0 ? null : value / total;
      }
    }
  }
  return rows;
}

export interface HeatmapData {
  /** Upper bounds of the buckets as written (`0.1`, `+Inf`), lowest first. */
  buckets: string[];
  times: number[];
  /** counts[time][bucket]: observations in that bucket (not cumulative). */
  counts: number[][];
  max: number;
}

function boundValue(text: string): number {
  if (text === "+Inf" || text === "Inf") return Number.POSITIVE_INFINITY;
  const value = Number.parseFloat(text);
  return Number.isNaN(value) ? Number.POSITIVE_INFINITY : value;
}

/**
 * Histogram buckets (`format: heatmap`, one series per `le`) as Grafana's heatmap draws them:
 * sorted by bound, and the cumulative `le` counts turned into per-bucket counts.
 */
export function heatmapBuckets(series: readonly Series[]): HeatmapData {
  const withBound = series.map((entry) => ({
    entry,
    bound: entry.labels.le ?? entry.name,
  }));
  withBound.sort((a, b) => boundValue(a.bound) - boundValue(b.bound));
  const times = [...new Set(series.flatMap((entry) => entry.points.map(([time]) => time)))].sort(
    (a, b) => a - b,
  );
  const lookup = withBound.map(
    ({ entry }) => new Map(entry.points.map(([time, value]) => [time, value ?? 0])),
  );
  let max = 0;
  const counts = times.map((time) => {
    let previous = 0;
    return lookup.map((values) => {
      const cumulative = values.get(time) ?? previous;
      const count = Math.max(0, cumulative - previous);
      previous = Math.max(previous, cumulative);
      max = Math.max(max, count);
      return count;
    });
  });
  return { buckets: withBound.map(({ bound }) => bound), times, counts, max };
}
