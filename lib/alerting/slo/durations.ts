const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Prometheus's own units, largest first, as `model.Duration.String()` writes them (`30d` is `4w2d`). */
const PROMETHEUS_UNITS: ReadonlyArray<readonly [string, number]> = [
  ["y", 365 * DAY],
  ["w", 7 * DAY],
  ["d", DAY],
  ["h", HOUR],
  ["m", MINUTE],
  ["s", 1000],
  ["ms", 1],
];

/** Milliseconds as Prometheus prints a duration: `1h4m`, `1d1h43m`, `4w2d`. */
export function prometheusDuration(ms: number): string {
  let left = Math.max(0, Math.round(ms));
  if (left === 0) return "0s";
  let text = "";
  for (const [unit, size] of PROMETHEUS_UNITS) {
    const count = Math.floor(left / size);
    if (count > 0) {
      text += `${count}${unit}`;
      left -= count * size;
    }
  }
  return text;
}

const SPOKEN_UNITS: ReadonlyArray<readonly [string, number]> = [
  ["day", DAY],
  ["hour", HOUR],
  ["minute", MINUTE],
  ["second", 1000],
];

/**
 * A duration in words, at most two units: `an hour`, `6 hours`, `1 day 1 hour`, `52 seconds`.
 * Rounded to the smallest unit it shows, so explanations stay readable.
 */
export function spokenDuration(ms: number): string {
  const parts: string[] = [];
  let left = Math.max(0, ms);
  for (const [unit, size] of SPOKEN_UNITS) {
    const last = parts.length === 1 || unit === "second";
    const count = last ? Math.round(left / size) : Math.floor(left / size);
    if (count > 0) {
      parts.push(count === 1 ? `1 ${unit}` : `${count} ${unit}s`);
      left -= count * size;
    }
    if (parts.length === 2) break;
  }
  if (parts.length === 0) return "less than a second";
  if (parts.length === 1 && parts[0]?.startsWith("1 ")) {
    const unit = parts[0].slice(2);
    return unit === "hour" ? "an hour" : `a ${unit}`;
  }
  return parts.join(" ");
}
