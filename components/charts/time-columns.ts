import type { Series } from "@/lib/dashboard/series";

/**
 * Series aligned on one time axis, column by column: what the time series chart draws. Arrays,
 * not one object per timestamp with a property per series: for 100 series × 1,000 points that
 * is the difference between a few milliseconds and tens.
 */
export interface TimeColumns {
  /** Every timestamp of any series, ascending, epoch milliseconds. */
  times: number[];
  /** Per series, its value at each of `times`; null where it has a gap or no sample. */
  values: (number | null)[][];
}

/** A stacked series: where its band starts and ends at each time (stacking counts a gap as 0). */
export interface StackedColumns {
  lower: number[][];
  upper: number[][];
}

function sortedPoints(points: Series["points"]): Series["points"] {
  for (let i = 1; i < points.length; i++)
    if ((points[i]?.[0] ?? 0) < (points[i - 1]?.[0] ?? 0)) return [...points].sort((a, b) => a[0] - b[0]);
  return points;
}

/** Two ascending lists merged, each time once. */
function mergeTimes(left: readonly number[], right: Series["points"]): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    const a = left[i];
    const b = right[j]?.[0];
    const next = b === undefined || (a !== undefined && a <= b) ? (a as number) : b;
    if (a === next) i++;
    if (b === next) j++;
    if (merged[merged.length - 1] !== next) merged.push(next);
  }
  return merged;
}

/** Infinite values count as gaps, as in Grafana's graph. */
function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

export function alignSeries(series: readonly Series[]): TimeColumns {
  const sorted = series.map((entry) => sortedPoints(entry.points));
  let times: number[] = [];
  for (const points of sorted) {
    // Range queries share their timestamps: then there is nothing to merge.
    const same = points.length === times.length && points.every(([time], index) => time === times[index]);
    if (!same) times = mergeTimes(times, points);
  }
  const values = sorted.map((points) => {
    const column: (number | null)[] = new Array(times.length).fill(null);
    let row = 0;
    for (const [time, value] of points) {
      while (row < times.length && (times[row] as number) < time) row++;
      if (times[row] === time) column[row] = finiteOrNull(value);
    }
    return column;
  });
  return { times, values };
}

/** Each value as its share of the sum of absolute values at that time, as a 100% stack shows it. */
export function percentColumns(columns: TimeColumns): TimeColumns {
  const totals = columns.times.map((_time, row) =>
    columns.values.reduce((sum, column) => sum + Math.abs(column[row] ?? 0), 0),
  );
  return {
    times: columns.times,
    values: columns.values.map((column) =>
      column.map((value, row) => {
        const total = totals[row] ?? 0;
        return value === null || total === 0 ? null : value / total;
      }),
    ),
  };
}

/**
 * Series stacked in order, each starting where the one before in its group ends (recharts' and
 * d3's "none" offset). `groups` gives each series its stack (Grafana's `stacking.group`, apart for
 * series mirrored below zero); a series without one is not stacked: its band starts at 0.
 */
export function stackColumns(
  values: readonly (number | null)[][],
  groups?: readonly (string | undefined)[],
): StackedColumns {
  const lower: number[][] = [];
  const upper: number[][] = [];
  const zero = (): number[] => values[0]?.map(() => 0) ?? [];
  const bases = new Map<string, number[]>();
  values.forEach((column, index) => {
    const group = groups ? groups[index] : "";
    const base = group === undefined ? zero() : (bases.get(group) ?? zero());
    const top = column.map((value, row) => (base[row] ?? 0) + (value ?? 0));
    lower.push(base);
    upper.push(top);
    if (group !== undefined) bases.set(group, top);
  });
  return { lower, upper };
}

/** The lowest and highest value at each time over the given columns; null where none has one. */
export function envelope(
  rowCount: number,
  columns: readonly (readonly (number | null)[])[],
): ([number, number] | null)[] {
  const out: ([number, number] | null)[] = [];
  for (let row = 0; row < rowCount; row++) {
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (const column of columns) {
      const value = column[row];
      if (value === null || value === undefined) continue;
      if (value < low) low = value;
      if (value > high) high = value;
    }
    out.push(low <= high ? [low, high] : null);
  }
  return out;
}

/** A row recharts gets: its time, its index in the columns, and the range the series span there. */
export interface EnvelopeRow {
  t: number;
  i: number;
  range: [number, number] | null;
}

export interface ChartColumns extends TimeColumns {
  /** Set when the panel stacks its series. */
  stacked: StackedColumns | undefined;
  rows: EnvelopeRow[];
}

/**
 * What the time series chart draws, from its visible series: the aligned values (as shares for a
 * 100% stack), the stacked bands, and one row per time whose range gives recharts its axes.
 * `groups`, when given, says which series stack together (field overrides may take one out).
 */
export function chartColumns(
  series: readonly Series[],
  stacking: "none" | "normal" | "percent",
  groups?: readonly (string | undefined)[],
): ChartColumns {
  const aligned = alignSeries(series);
  const columns = stacking === "percent" ? percentColumns(aligned) : aligned;
  const stacks = stacking !== "none" || groups?.some((group) => group !== undefined);
  const stacked = stacks ? stackColumns(columns.values, groups) : undefined;
  const ranges = envelope(
    columns.times.length,
    stacked ? [...stacked.lower, ...stacked.upper] : columns.values,
  );
  const rows = columns.times.map((t, i) => ({ t, i, range: ranges[i] ?? null }));
  return { ...columns, stacked, rows };
}
