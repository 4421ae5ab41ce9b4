/**
 * time.Time as templates see it through Prometheus's `toTime` and `humanizeTimestamp`: always UTC,
 * printed by String() (`2015-06-23 13:19:44.128 +0000 UTC`) and by Format with Go's reference layout.
 */
import { type GoMethod, type GoType, type GoValue, goInt, goString, T } from "./values";

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
}

function parts(unixNano: bigint): Parts {
  let seconds = unixNano / 1_000_000_000n;
  let nano = unixNano % 1_000_000_000n;
  if (nano < 0n) {
    nano += 1_000_000_000n;
    seconds -= 1n;
  }
  const date = new Date(Number(seconds) * 1000);
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
  };
}

const pad = (n: number, width: number, char = "0"): string => String(n).padStart(width, char);

/** One layout element of Go's reference time and how it prints, longest alternatives first. */
const STD: ReadonlyArray<readonly [string, (p: Parts) => string]> = [
  ["January", (p) => MONTHS[p.month - 1] ?? ""],
  ["Jan", (p) => (MONTHS[p.month - 1] ?? "").slice(0, 3)],
  ["Monday", (p) => DAYS[p.weekday] ?? ""],
  ["Mon", (p) => (DAYS[p.weekday] ?? "").slice(0, 3)],
  ["MST", () => "UTC"],
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
  ["-07:00:00", () => "+00:00:00"],
  ["-070000", () => "+000000"],
  ["-07:00", () => "+00:00"],
  ["-0700", () => "+0000"],
  ["-07", () => "+00"],
  ["Z07:00:00", () => "Z"],
  ["Z070000", () => "Z"],
  ["Z07:00", () => "Z"],
  ["Z0700", () => "Z"],
  ["Z07", () => "Z"],
];

/** time.Time.Format in UTC. */
export function formatTime(unixNano: bigint, layout: string): string {
  const p = parts(unixNano);
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

const nanos = (v: GoValue): bigint => (v.v as { unixNano: bigint }).unixNano;

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
  call: (v) => goInt(f(parts(nanos(v)))),
});

export const timeType: GoType = { kind: "struct", name: "time.Time", fields: [] };
timeType.methods = {
  String: { params: [], result: T.string, call: (v) => goString(formatTime(nanos(v), STRING_LAYOUT)) },
  Format: {
    params: [T.string],
    result: T.string,
    call: (v, [layout]) => goString(formatTime(nanos(v), (layout?.v as string) ?? "")),
  },
  UTC: { params: [], result: timeType, call: (v) => v },
  Unix: { params: [], result: T.int64, call: (v) => goInt(floorDiv(nanos(v), 1_000_000_000n), T.int64) },
  UnixMilli: { params: [], result: T.int64, call: (v) => goInt(floorDiv(nanos(v), 1_000_000n), T.int64) },
  UnixNano: { params: [], result: T.int64, call: (v) => goInt(nanos(v), T.int64) },
  Year: intMethod((p) => p.year),
  Month: { params: [], result: monthType, call: (v) => goInt(parts(nanos(v)).month, monthType) },
  Day: intMethod((p) => p.day),
  Hour: intMethod((p) => p.hour),
  Minute: intMethod((p) => p.minute),
  Second: intMethod((p) => p.second),
  Nanosecond: intMethod((p) => p.nano),
  YearDay: intMethod((p) => p.yearDay),
  Weekday: { params: [], result: weekdayType, call: (v) => goInt(parts(nanos(v)).weekday, weekdayType) },
};

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

export const timeValue = (unixNano: bigint): GoValue => ({ type: timeType, v: { unixNano } });
