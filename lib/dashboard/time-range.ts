/**
 * Grafana's time picker: date-math expressions (`now-6h`, `now-1d/d`), absolute times, the quick
 * ranges and the refresh intervals. Pure: "now" is always passed in.
 */

export type TimeZone = "utc" | "browser";
export type WeekStart = "monday" | "sunday" | "saturday";

export interface TimeOptions {
  /** Epoch milliseconds or a Date: what "now" means. */
  now: number | Date;
  /** Where "start of day" is; Grafana's dashboards default to the browser's zone. */
  timezone?: TimeZone;
  /** First day of the week for `/w` rounding; moment's English locale (Grafana's default) uses Sunday. */
  weekStart?: WeekStart;
}

export interface RawTimeRange {
  from: string;
  to: string;
}

export type ResolvedTimeRange =
  | { ok: true; from: number; to: number }
  | { ok: false; field: "from" | "to"; error: string };

type DateUnit = "y" | "M" | "w" | "d" | "h" | "m" | "s";

const FIXED_UNIT_MS: Record<Exclude<DateUnit, "y" | "M">, number> = {
  w: 604_800_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1000,
};

const WEEK_START_DAY: Record<WeekStart, number> = { sunday: 0, monday: 1, saturday: 6 };

/** Calendar fields read and written in the chosen zone. */
interface Calendar {
  fields(ms: number): [number, number, number, number, number, number, number, number];
  make(
    year: number,
    month: number,
    day: number,
    hour: number,
    minute: number,
    second: number,
    ms: number,
  ): number;
}

const UTC_CALENDAR: Calendar = {
  fields(ms) {
    const d = new Date(ms);
    return [
      d.getUTCFullYear(),
      d.getUTCMonth(),
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
      d.getUTCDay(),
    ];
  },
  make: (year, month, day, hour, minute, second, ms) => Date.UTC(year, month, day, hour, minute, second, ms),
};

const LOCAL_CALENDAR: Calendar = {
  fields(ms) {
    const d = new Date(ms);
    return [
      d.getFullYear(),
      d.getMonth(),
      d.getDate(),
      d.getHours(),
      d.getMinutes(),
      d.getSeconds(),
      d.getMilliseconds(),
      d.getDay(),
    ];
  },
  make: (year, month, day, hour, minute, second, ms) =>
    new Date(year, month, day, hour, minute, second, ms).getTime(),
};

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** Adds months the way moment does: the day is clamped to the target month's length. */
function addMonths(calendar: Calendar, ms: number, months: number): number {
  const [year, month, day, hour, minute, second, milli] = calendar.fields(ms);
  const total = year * 12 + month + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = total - targetYear * 12;
  const clampedDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return calendar.make(targetYear, targetMonth, clampedDay, hour, minute, second, milli);
}

function add(calendar: Calendar, ms: number, amount: number, unit: DateUnit): number {
  switch (unit) {
    case "y":
      return addMonths(calendar, ms, amount * 12);
    case "M":
      return addMonths(calendar, ms, amount);
    case "w":
    case "d":
      // Days follow the calendar (a day across a DST change is 23 or 25 hours), as moment's add does.
      if (calendar === LOCAL_CALENDAR) {
        const [year, month, day, hour, minute, second, milli] = calendar.fields(ms);
        return calendar.make(year, month, day + amount * (unit === "w" ? 7 : 1), hour, minute, second, milli);
      }
      return ms + amount * FIXED_UNIT_MS[unit];
    case "h":
    case "m":
    case "s":
      return ms + amount * FIXED_UNIT_MS[unit];
    default: {
      const exhaustive: never = unit;
      throw new Error(`unknown unit ${String(exhaustive)}`);
    }
  }
}

/** Start (or, rounding up, the last millisecond) of the unit that contains `ms`. */
function round(calendar: Calendar, ms: number, unit: DateUnit, up: boolean, weekStart: WeekStart): number {
  const [year, month, day, hour, minute, second, , weekday] = calendar.fields(ms);
  let start: number;
  let next: number;
  switch (unit) {
    case "y":
      start = calendar.make(year, 0, 1, 0, 0, 0, 0);
      next = calendar.make(year + 1, 0, 1, 0, 0, 0, 0);
      break;
    case "M":
      start = calendar.make(year, month, 1, 0, 0, 0, 0);
      next = calendar.make(year, month + 1, 1, 0, 0, 0, 0);
      break;
    case "w": {
      const back = (weekday - WEEK_START_DAY[weekStart] + 7) % 7;
      start = calendar.make(year, month, day - back, 0, 0, 0, 0);
      next = calendar.make(year, month, day - back + 7, 0, 0, 0, 0);
      break;
    }
    case "d":
      start = calendar.make(year, month, day, 0, 0, 0, 0);
      next = calendar.make(year, month, day + 1, 0, 0, 0, 0);
      break;
    case "h":
      start = calendar.make(year, month, day, hour, 0, 0, 0);
      next = start + FIXED_UNIT_MS.h;
      break;
    case "m":
      start = calendar.make(year, month, day, hour, minute, 0, 0);
      next = start + FIXED_UNIT_MS.m;
      break;
    case "s":
      start = calendar.make(year, month, day, hour, minute, second, 0);
      next = start + FIXED_UNIT_MS.s;
      break;
    default: {
      const exhaustive: never = unit;
      throw new Error(`unknown unit ${String(exhaustive)}`);
    }
  }
  return up ? next - 1 : start;
}

const UNIT_PATTERN = /^[yMwdhms]$/;

/** Applies `-5m`, `+1h`, `/d` … in order, as Grafana's dateMath.parseDateMath does. */
function applyDateMath(
  mathText: string,
  base: number,
  up: boolean,
  calendar: Calendar,
  weekStart: WeekStart,
): number | undefined {
  let time = base;
  let i = 0;
  while (i < mathText.length) {
    const op = mathText.charAt(i++);
    if (op !== "/" && op !== "+" && op !== "-") return undefined;
    let amount = 1;
    if (op !== "/") {
      const digits = /^\d+/.exec(mathText.slice(i))?.[0];
      if (digits) {
        amount = Number(digits);
        i += digits.length;
      }
    }
    const unit = mathText.charAt(i++);
    if (!UNIT_PATTERN.test(unit)) return undefined;
    const typedUnit = unit as DateUnit;
    time =
      op === "/"
        ? round(calendar, time, typedUnit, up, weekStart)
        : add(calendar, time, op === "+" ? amount : -amount, typedUnit);
  }
  return time;
}

/** `2024-05-01 10:00:00` (Grafana's picker format, read in the zone), ISO 8601, URL forms, or epoch ms. */
function parseAbsolute(text: string, calendar: Calendar): number | undefined {
  // Grafana's URLs also carry YYYYMMDD and YYYYMMDDTHHmmss, in UTC; any other digits are epoch ms.
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2}))?$/.exec(text);
  if (compact && (text.length === 8 || text.length === 15)) {
    const [, y, mo, d, h = "0", mi = "0", s = "0"] = compact;
    return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  }
  if (/^\d+$/.test(text)) return Number(text);
  const plain = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/.exec(text);
  if (plain) {
    const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "0"] = plain;
    const ms = Number(frac.padEnd(3, "0"));
    const result = calendar.make(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
    // Date.UTC rolls 2024-02-31 over into March; a date that does not exist is not a date.
    const fields = calendar.fields(result);
    return fields[1] === Number(mo) - 1 && fields[2] === Number(d) ? result : undefined;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/**
 * Whether resolving the range takes the viewer's calendar: a dashboard on the browser's time
 * whose range rounds (`now/d`), counts in days or longer (a day is 23 hours across a change to
 * summer time) or names a date. The server, in another zone, would resolve it to other instants.
 */
export function rangeNeedsViewerZone(range: RawTimeRange, timezone: string): boolean {
  if (timezone !== "browser") return false;
  return [range.from, range.to].some((end) => {
    const text = end.trim();
    if (!text.startsWith("now")) return !/^\d+$/.test(text);
    return /[/dwMy]/.test(text.slice(3));
  });
}

/**
 * One end of a range as epoch milliseconds, or undefined when the text is not one. `roundUp` is
 * for the "to" end: `now/d` there means the end of today, as in Grafana.
 */
export function parseTimeExpression(
  text: string,
  options: TimeOptions & { roundUp?: boolean },
): number | undefined {
  const trimmed = text.trim();
  const calendar = options.timezone === "browser" ? LOCAL_CALENDAR : UTC_CALENDAR;
  const now = typeof options.now === "number" ? options.now : options.now.getTime();
  if (trimmed.startsWith("now")) {
    return applyDateMath(
      trimmed.slice(3),
      now,
      options.roundUp ?? false,
      calendar,
      options.weekStart ?? "sunday",
    );
  }
  return parseAbsolute(trimmed, calendar);
}

/** A dashboard's `time` as absolute epoch milliseconds, or which end is wrong and why. */
export function resolveTimeRange(range: RawTimeRange, options: TimeOptions): ResolvedTimeRange {
  const from = parseTimeExpression(range.from, { ...options, roundUp: false });
  if (from === undefined) return { ok: false, field: "from", error: invalidMessage(range.from) };
  const to = parseTimeExpression(range.to, { ...options, roundUp: true });
  if (to === undefined) return { ok: false, field: "to", error: invalidMessage(range.to) };
  if (from > to) return { ok: false, field: "from", error: '"from" can\'t be after "to"' };
  return { ok: true, from, to };
}

function invalidMessage(text: string): string {
  return `"${text}" is not a time: use now-6h, now/d, now-1d/d, 2024-05-01 10:00:00 or epoch milliseconds`;
}

export function isValidTimeExpression(text: string): boolean {
  return parseTimeExpression(text, { now: 0 }) !== undefined;
}

export interface QuickRange {
  from: string;
  to: string;
  display: string;
}

/** The picker's relative ranges, in Grafana's order. */
export const QUICK_RANGES: readonly QuickRange[] = [
  { from: "now-5m", to: "now", display: "Last 5 minutes" },
  { from: "now-15m", to: "now", display: "Last 15 minutes" },
  { from: "now-30m", to: "now", display: "Last 30 minutes" },
  { from: "now-1h", to: "now", display: "Last 1 hour" },
  { from: "now-3h", to: "now", display: "Last 3 hours" },
  { from: "now-6h", to: "now", display: "Last 6 hours" },
  { from: "now-12h", to: "now", display: "Last 12 hours" },
  { from: "now-24h", to: "now", display: "Last 24 hours" },
  { from: "now-2d", to: "now", display: "Last 2 days" },
  { from: "now-7d", to: "now", display: "Last 7 days" },
  { from: "now/d", to: "now/d", display: "Today" },
  { from: "now/d", to: "now", display: "Today so far" },
  { from: "now-1d/d", to: "now-1d/d", display: "Yesterday" },
  { from: "now/w", to: "now", display: "This week so far" },
];

const UNIT_WORDS: Record<DateUnit, string> = {
  y: "year",
  M: "month",
  w: "week",
  d: "day",
  h: "hour",
  m: "minute",
  s: "second",
};

/** How the picker labels a range: a quick range's name, "Last 10 minutes", or "from to to". */
export function describeTimeRange(range: RawTimeRange): string {
  const quick = QUICK_RANGES.find((entry) => entry.from === range.from && entry.to === range.to);
  if (quick) return quick.display;
  const last = /^now-(\d+)([yMwdhms])$/.exec(range.from);
  if (last && range.to === "now") {
    const [, count = "", unit = "m"] = last;
    const word = UNIT_WORDS[unit as DateUnit];
    return `Last ${count} ${word}${count === "1" ? "" : "s"}`;
  }
  return `${range.from} to ${range.to}`;
}

export interface RefreshInterval {
  /** '' means off. */
  value: string;
  label: string;
}

/** Grafana's default refresh picker choices. */
export const REFRESH_INTERVALS: readonly RefreshInterval[] = [
  { value: "", label: "Off" },
  { value: "5s", label: "5s" },
  { value: "10s", label: "10s" },
  { value: "30s", label: "30s" },
  { value: "1m", label: "1m" },
  { value: "5m", label: "5m" },
  { value: "15m", label: "15m" },
  { value: "30m", label: "30m" },
  { value: "1h", label: "1h" },
  { value: "2h", label: "2h" },
  { value: "1d", label: "1d" },
];

/** Grafana's default `min_refresh_interval`: shorter intervals are raised to it. */
export const MIN_REFRESH_INTERVAL_MS = 5000;

const INTERVAL_PATTERN = /^(\d+)(ms|s|m|h|d|w|y)$/;
const INTERVAL_UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

/** A refresh interval in milliseconds; 0 for off (''), undefined when Grafana would not accept it. */
export function refreshIntervalMs(text: string): number | undefined {
  if (text === "") return 0;
  const match = INTERVAL_PATTERN.exec(text);
  if (!match) return undefined;
  const [, count = "0", unit = "s"] = match;
  const ms = Number(count) * (INTERVAL_UNIT_MS[unit] ?? 0);
  return ms > 0 ? ms : undefined;
}

/** Why a refresh interval is not usable, or undefined when it is. */
export function checkRefreshInterval(text: string): string | undefined {
  const ms = refreshIntervalMs(text);
  if (ms === undefined) return `"${text}" is not a refresh interval: use 5s, 1m, 1h, 1d or '' for off`;
  if (ms > 0 && ms < MIN_REFRESH_INTERVAL_MS)
    return `refresh intervals shorter than 5s are raised to 5s by Grafana`;
  return undefined;
}
