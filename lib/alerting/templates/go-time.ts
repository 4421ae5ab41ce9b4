/**
 * time.Time as templates see it: in UTC (Prometheus's `toTime` and `humanizeTimestamp`, alerts'
 * StartsAt/EndsAt) or in the zone Alertmanager's `tz` put it in; printed by String()
 * (`2015-06-23 13:19:44.128 +0000 UTC`) and by Format with Go's reference layout.
 */
import { type GoMethod, type GoType, type GoValue, goInt, goString, T } from "./values";
import { isUtcName, zoneAt } from "./go-zone";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

interface Parts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  nano: number;
  weekday: number;
  yearDay: number;
  /** Seconds east of UTC. */
  offset: number;
  /** The zone's abbreviation at that instant: what `MST` prints. */
  abbr: string;
}

/** The clock and calendar fields in zone `loc` (UTC when absent), as time.Time's methods see them. */
function parts(unixNano: bigint, loc?: string): Parts {
  let seconds = unixNano / 1_000_000_000n;
  let nano = unixNano % 1_000_000_000n;
  if (nano < 0n) {
    nano += 1_000_000_000n;
    seconds -= 1n;
  }
  const zone = loc === undefined ? { offset: 0, abbr: "UTC" } : zoneAt(loc, Number(seconds));
  const date = new Date((Number(seconds) + zone.offset) * 1000);
  const startOfYear = Date.UTC(date.getUTCFullYear(), 0, 1);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    nano: Number(nano),
    weekday: date.getUTCDay(),
    yearDay: Math.floor((date.getTime() - startOfYear) / 86_400_000) + 1,
    offset: zone.offset,
    abbr: zone.abbr,
  };
}

/**
 * time/format.go's numeric zones: `-07:00:00`, `-0700`, `-07`, and the ISO 8601 `Z…` forms, which
 * print `Z` at offset zero. Hours and minutes of the offset; seconds only where the layout asks.
 */
function numericZone(p: Parts, colon: boolean, minutes: boolean, secondsToo: boolean, iso: boolean): string {
  if (iso && p.offset === 0) return "Z";
  const abs = Math.abs(p.offset);
  const zone = Math.floor(abs / 60);
  let out = `${p.offset < 0 ? "-" : "+"}${pad(Math.floor(zone / 60), 2)}`;
  if (minutes) out += `${colon ? ":" : ""}${pad(zone % 60, 2)}`;
  if (secondsToo) out += `${colon ? ":" : ""}${pad(abs % 60, 2)}`;
  return out;
}

const pad = (n: number, width: number, char = "0"): string => String(n).padStart(width, char);

/** One layout element of Go's reference time and how it prints, longest alternatives first. */
const STD: ReadonlyArray<readonly [string, (p: Parts) => string]> = [
  ["January", (p) => MONTHS[p.month - 1] ?? ""],
  ["Jan", (p) => (MONTHS[p.month - 1] ?? "").slice(0, 3)],
  ["Monday", (p) => DAYS[p.weekday] ?? ""],
  ["Mon", (p) => (DAYS[p.weekday] ?? "").slice(0, 3)],
  // stdTZ: the abbreviation; a zone without one would print -0700 (every tz zone has one).
  ["MST", (p) => p.abbr || numericZone(p, false, true, false, false)],
  ["2006", (p) => pad(p.year, 4)],
  ["_2006", (p) => `_${pad(p.year, 4)}`],
  ["002", (p) => pad(p.yearDay, 3)],
  ["__2", (p) => pad(p.yearDay, 3, " ")],
  ["_2", (p) => pad(p.day, 2, " ")],
  ["01", (p) => pad(p.month, 2)],
  ["02", (p) => pad(p.day, 2)],
  ["03", (p) => pad(p.hour % 12 === 0 ? 12 : p.hour % 12, 2)],
  ["04", (p) => pad(p.minute, 2)],
  ["05", (p) => pad(p.second, 2)],
  ["06", (p) => pad(p.year % 100, 2)],
  ["15", (p) => pad(p.hour, 2)],
  ["1", (p) => String(p.month)],
  ["2", (p) => String(p.day)],
  ["3", (p) => String(p.hour % 12 === 0 ? 12 : p.hour % 12)],
  ["4", (p) => String(p.minute)],
  ["5", (p) => String(p.second)],
  ["PM", (p) => (p.hour >= 12 ? "PM" : "AM")],
  ["pm", (p) => (p.hour >= 12 ? "pm" : "am")],
  ["-07:00:00", (p) => numericZone(p, true, true, true, false)],
  ["-070000", (p) => numericZone(p, false, true, true, false)],
  ["-07:00", (p) => numericZone(p, true, true, false, false)],
  ["-0700", (p) => numericZone(p, false, true, false, false)],
  ["-07", (p) => numericZone(p, false, false, false, false)],
  ["Z07:00:00", (p) => numericZone(p, true, true, true, true)],
  ["Z070000", (p) => numericZone(p, false, true, true, true)],
  ["Z07:00", (p) => numericZone(p, true, true, false, true)],
  ["Z0700", (p) => numericZone(p, false, true, false, true)],
  ["Z07", (p) => numericZone(p, false, false, false, true)],
];

/** time.Time.Format, in zone `loc` (UTC when absent). */
export function formatTime(unixNano: bigint, layout: string, loc?: string): string {
  const p = parts(unixNano, loc);
  let out = "";
  let i = 0;
  while (i < layout.length) {
    const rest = layout.slice(i);
    const fraction = /^[.,](0+|9+)(?![0-9])/.exec(rest);
    if (fraction) {
      const digits = fraction[1] ?? "";
      const text = pad(p.nano, 9).slice(0, digits.length);
      if (digits[0] === "0") out += rest[0] + text;
      else {
        const trimmed = text.replace(/0+$/, "");
        if (trimmed !== "") out += rest[0] + trimmed;
      }
      i += fraction[0].length;
      continue;
    }
    // "Jan" etc. only count when not followed by a lower-case letter ("Janet" is text).
    const match = STD.find(([std]) => {
      if (!rest.startsWith(std)) return false;
      if ((std === "Jan" || std === "Mon") && /^[a-z]/.test(rest.slice(std.length))) {
        return rest.startsWith(std === "Jan" ? "January" : "Monday");
      }
      return true;
    });
    if (match) {
      out += match[1](p);
      i += match[0].length;
    } else {
      out += layout[i];
      i++;
    }
  }
  return out;
}

const STRING_LAYOUT = "2006-01-02 15:04:05.999999999 -0700 MST";

/** What a time.Time value holds: the instant, and the zone `tz` put it in (UTC when absent). */
export interface GoTime {
  unixNano: bigint;
  loc?: string;
}

const nanos = (v: GoValue): bigint => (v.v as GoTime).unixNano;
const locOf = (v: GoValue): string | undefined => (v.v as GoTime).loc;

const monthType: GoType = {
  kind: "int",
  name: "time.Month",
  methods: { String: { params: [], result: T.string, call: (v) => goString(MONTHS[Number(v.v) - 1] ?? "") } },
};
const weekdayType: GoType = {
  kind: "int",
  name: "time.Weekday",
  methods: { String: { params: [], result: T.string, call: (v) => goString(DAYS[Number(v.v)] ?? "") } },
};

const intMethod = (f: (p: Parts) => number): GoMethod => ({
  params: [],
  result: T.int,
  call: (v) => goInt(f(parts(nanos(v), locOf(v)))),
});

export const timeType: GoType = { kind: "struct", name: "time.Time", fields: [] };
timeType.methods = {
  String: {
    params: [],
    result: T.string,
    call: (v) => goString(formatTime(nanos(v), STRING_LAYOUT, locOf(v))),
  },
  Format: {
    params: [T.string],
    result: T.string,
    call: (v, [layout]) => goString(formatTime(nanos(v), (layout?.v as string) ?? "", locOf(v))),
  },
  UTC: { params: [], result: timeType, call: (v) => timeValue(nanos(v)) },
  Local: { params: [], result: timeType, call: (v) => timeValue(nanos(v)) },
  Unix: { params: [], result: T.int64, call: (v) => goInt(floorDiv(nanos(v), 1_000_000_000n), T.int64) },
  UnixMilli: { params: [], result: T.int64, call: (v) => goInt(floorDiv(nanos(v), 1_000_000n), T.int64) },
  UnixNano: { params: [], result: T.int64, call: (v) => goInt(nanos(v), T.int64) },
  Year: intMethod((p) => p.year),
  Month: { params: [], result: monthType, call: (v) => goInt(parts(nanos(v), locOf(v)).month, monthType) },
  Day: intMethod((p) => p.day),
  Hour: intMethod((p) => p.hour),
  Minute: intMethod((p) => p.minute),
  Second: intMethod((p) => p.second),
  Nanosecond: intMethod((p) => p.nano),
  YearDay: intMethod((p) => p.yearDay),
  Weekday: {
    params: [],
    result: weekdayType,
    call: (v) => goInt(parts(nanos(v), locOf(v)).weekday, weekdayType),
  },
};

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/** A time.Time at the instant, in UTC or (`tz`) in zone `loc`; "" and "UTC" mean UTC, as LoadLocation has it. */
export const timeValue = (unixNano: bigint, loc?: string): GoValue => ({
  type: timeType,
  v: loc === undefined || isUtcName(loc) ? { unixNano } : { unixNano, loc },
});
