const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Steps a time axis may take, shortest first: round numbers of seconds, minutes, hours, days. */
const STEPS = [
  SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
  90 * DAY,
  365 * DAY,
];

/** Pixels between two labels: "15:30" for a day or less, "11/23, 15:30" beyond (see timeTickFormatter). */
export function tickSpacing(rangeMs: number): number {
  return rangeMs <= DAY ? 80 : 130;
}

/**
 * Ticks of a time axis from `from` to `to` drawn `widthPx` wide: on round times of the viewer's
 * clock (every 15 min, on the hour …), as far apart as their labels need. Chosen here, so that
 * recharts does not measure every label in the page to drop the ones that would overlap.
 * `offsetMinutes`: the viewer's zone as Date#getTimezoneOffset gives it (UTC+05:30: -330).
 */
export function timeTicks(from: number, to: number, widthPx: number, offsetMinutes: number): number[] {
  if (!(to > from) || widthPx <= 0) return Number.isFinite(from) ? [from] : [];
  const minimum = ((to - from) * tickSpacing(to - from)) / widthPx;
  const step = STEPS.find((candidate) => candidate >= minimum) ?? Math.ceil(minimum / DAY) * DAY;
  // Round in local time: an hourly tick is on the hour where the viewer is, even at UTC+05:30.
  const offset = -offsetMinutes * MINUTE;
  const ticks: number[] = [];
  for (let tick = Math.ceil((from + offset) / step) * step - offset; tick <= to; tick += step)
    ticks.push(tick);
  return ticks;
}

/** Ticks on a value axis `heightPx` tall: recharts' 5, fewer where 11 px labels would touch. */
export function valueTickCount(heightPx: number): number {
  return Math.max(2, Math.min(5, Math.floor(heightPx / 24) + 1));
}

/** Indexes 0, n, 2n … and the last one, none closer than `n` to it: first and last always labelled. */
export function everyNth(count: number, n: number): number[] {
  const step = Math.max(1, n);
  const indexes: number[] = [];
  for (let index = 0; index < count - 1; index += step) if (count - 1 - index >= step) indexes.push(index);
  if (count > 0) indexes.push(count - 1);
  return indexes;
}
