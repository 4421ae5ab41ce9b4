/**
 * Grafana's value formatting (packages/grafana-data valueFormats), for the designer's previews: the
 * same unit ids, the same auto-scaling and the same default decimals, so a preview reads like the
 * panel Grafana will draw.
 */

export type UnitGroup =
  | "Misc"
  | "Time"
  | "Data"
  | "Data rate"
  | "Throughput"
  | "Currency"
  | "Temperature"
  | "Frequency";

export interface UnitOption {
  id: string;
  label: string;
  group: UnitGroup;
}

interface Formatted {
  prefix?: string;
  text: string;
  suffix?: string;
}

type Formatter = (value: number, decimals: number | undefined) => Formatted;

/**
 * Grafana's getDecimalsForValue: integers get none, other values two significant digits past the
 * leading one (0.00042 → 6 decimals, 1.5 → 2), which is why Grafana writes "1.50 KiB".
 */
function defaultDecimals(value: number): number {
  if (value % 1 === 0) return 0;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  return Math.max(0, 1 - magnitude + 1);
}

/** Grafana's toFixed: rounds to the decimals, then pads with zeros up to them. */
export function toFixed(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return nonFinite(value);
  const places = Math.max(0, Math.min(20, decimals ?? defaultDecimals(value)));
  if (value === 0) return value.toFixed(places);
  const factor = 10 ** places;
  const rounded = String(Math.round(value * factor) / factor);
  if (rounded.includes("e")) return rounded;
  const point = rounded.indexOf(".");
  const precision = point === -1 ? 0 : rounded.length - point - 1;
  if (precision >= places) return rounded;
  return `${rounded}${precision === 0 ? "." : ""}${"0".repeat(places - precision)}`;
}

function nonFinite(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  return value > 0 ? "∞" : "-∞";
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * Grafana's scaledUnits: picks the step of `factor` that brings the value into [1, factor) and the
 * matching suffix; `offset` is the index of the unscaled suffix (so SI prefixes can go below it).
 */
function scaled(factor: number, suffixes: readonly string[], offset = 0): Formatter {
  return (value, decimals) => {
    const index = value === 0 ? 0 : Math.floor(Math.log(Math.abs(value)) / Math.log(factor));
    const suffix = suffixes[clamp(offset + index, 0, suffixes.length - 1)] ?? "";
    const power = clamp(index, -offset, suffixes.length - offset - 1);
    return { text: toFixed(value / factor ** power, decimals), suffix };
  };
}

const SI_PREFIXES = ["f", "p", "n", "µ", "m", "", "k", "M", "G", "T", "P", "E", "Z", "Y"];
const SI_BASE = SI_PREFIXES.indexOf("");
const BINARY_PREFIXES = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"];

function siPrefix(unit: string, offset = 0): Formatter {
  return scaled(
    1000,
    SI_PREFIXES.map((prefix) => ` ${prefix}${unit}`),
    SI_BASE + offset,
  );
}

function binaryPrefix(unit: string, offset = 0): Formatter {
  return scaled(
    1024,
    BINARY_PREFIXES.map((prefix) => ` ${prefix}${unit}`),
    offset,
  );
}

function fixedUnit(unit: string, asPrefix = false): Formatter {
  return (value, decimals) => {
    const text = toFixed(value, decimals);
    if (unit === "") return { text };
    return asPrefix ? { prefix: unit, text } : { text, suffix: ` ${unit}` };
  };
}

const SHORT_SUFFIXES = ["", " K", " Mil", " Bil", " Tri", " Quadr", " Quint", " Sext", " Sept"];

/** Counts per time: "1.50K req/s". */
function simpleCount(symbol: string): Formatter {
  const scale = scaled(1000, ["", "K", "M", "B", "T"]);
  return (value, decimals) => {
    const out = scale(value, decimals);
    return { ...out, suffix: `${out.suffix ?? ""} ${symbol}` };
  };
}

function currency(symbol: string): Formatter {
  const scale = scaled(1000, ["", "K", "M", "B", "T"]);
  return (value, decimals) => ({ prefix: symbol, ...scale(value, decimals) });
}

function percent(multiplier: number): Formatter {
  return (value, decimals) => ({ text: toFixed(value * multiplier, decimals), suffix: "%" });
}

function scaledBy(value: number, divisor: number, decimals: number | undefined, suffix: string): Formatted {
  return { text: toFixed(value / divisor, decimals), suffix };
}

// Time formatters follow Grafana's toSeconds/toMilliSeconds/…: step to the largest unit below the value.
const SECOND = 1;
const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
const WEEK = 604_800;
const YEAR = 31_536_000;

/** A unit ladder: the first rung whose limit exceeds |value| divides it; `top` takes the rest. */
type Rung = readonly [limit: number, divisor: number, suffix: string];

function ladder(rungs: readonly Rung[], top: readonly [divisor: number, suffix: string]): Formatter {
  return (value, decimals) => {
    const abs = Math.abs(value);
    const rung = rungs.find(([limit]) => abs < limit);
    return rung ? scaledBy(value, rung[1], decimals, rung[2]) : scaledBy(value, top[0], decimals, top[1]);
  };
}

const secondsLadder = ladder(
  [
    [1e-6, 1e-9, " ns"],
    [1e-3, 1e-6, " µs"],
    [1, 1e-3, " ms"],
    [MINUTE, SECOND, " s"],
    [HOUR, MINUTE, " min"],
    [DAY, HOUR, " hour"],
    [WEEK, DAY, " day"],
    [YEAR, WEEK, " week"],
  ],
  [3.15569e7, " year"],
);

function seconds(value: number, decimals: number | undefined): Formatted {
  return value === 0 ? { text: "0", suffix: " s" } : secondsLadder(value, decimals);
}

const milliseconds = ladder(
  [
    [1000, 1, " ms"],
    [MINUTE * 1000, 1000, " s"],
    [HOUR * 1000, MINUTE * 1000, " min"],
    [DAY * 1000, HOUR * 1000, " hour"],
    [YEAR * 1000, DAY * 1000, " day"],
  ],
  [YEAR * 1000, " year"],
);

const microseconds = ladder(
  [
    [1000, 1, " µs"],
    [1e6, 1000, " ms"],
  ],
  [1e6, " s"],
);

const nanoseconds = ladder(
  [
    [1000, 1, " ns"],
    [1e6, 1000, " µs"],
    [1e9, 1e6, " ms"],
    [60e9, 1e9, " s"],
    [3600e9, 60e9, " min"],
    [86400e9, 3600e9, " hour"],
  ],
  [86400e9, " day"],
);

const minutes = ladder(
  [
    [60, 1, " min"],
    [1440, 60, " hour"],
    [10_080, 1440, " day"],
    [604_800, 10_080, " week"],
  ],
  [525_600, " year"],
);

const hours = ladder(
  [
    [24, 1, " hour"],
    [168, 24, " day"],
    [8760, 168, " week"],
  ],
  [8760, " year"],
);

const days = ladder(
  [
    [7, 1, " day"],
    [365, 7, " week"],
  ],
  [365, " year"],
);

const DURATION_UNITS: ReadonlyArray<readonly [string, number]> = [
  ["year", YEAR],
  ["month", 2_592_000],
  ["week", WEEK],
  ["day", DAY],
  ["hour", HOUR],
  ["minute", MINUTE],
  ["second", SECOND],
  ["millisecond", 0.001],
];

/**
 * Grafana's toDuration ("dtdurations"): the largest whole unit, then `decimals` more units, e.g.
 * 3700 s → "1 hour" and with 1 decimal "1 hour, 1 minute". Negative values read "… ago".
 */
function duration(secondsPerValue: number): Formatter {
  const format = (value: number, decimals: number | undefined): Formatted => {
    if (value === 0) return { text: "0", suffix: secondsPerValue === 1 ? " seconds" : " milliseconds" };
    if (value < 0) {
      const positive = format(-value, decimals);
      return { ...positive, suffix: `${positive.suffix ?? ""} ago` };
    }
    let remaining = value * secondsPerValue * 1000;
    let more = decimals ?? 0;
    let started = false;
    const parts: string[] = [];
    for (const [name, unitSeconds] of DURATION_UNITS) {
      if (more < 0) break;
      const unitMs = unitSeconds * 1000;
      const count = remaining / unitMs;
      if (count >= 1 || started) {
        started = true;
        const whole = Math.floor(count);
        parts.push(`${whole} ${name}${whole === 1 ? "" : "s"}`);
        remaining %= unitMs;
        more--;
      }
    }
    return { text: parts.join(", ") };
  };
  return format;
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** "dthms": hh:mm:ss, hours not wrapped at a day. */
function hoursMinutesSeconds(value: number): Formatted {
  if (value < 0) {
    const positive = hoursMinutesSeconds(-value);
    return { ...positive, suffix: " ago" };
  }
  const whole = Math.floor(value);
  const h = Math.floor(whole / HOUR);
  const m = Math.floor((whole % HOUR) / MINUTE);
  const s = whole % MINUTE;
  return { text: `${twoDigits(h)}:${twoDigits(m)}:${twoDigits(s)}` };
}

function bool(whenTrue: string, whenFalse: string): Formatter {
  return (value) => ({ text: value ? whenTrue : whenFalse });
}

interface UnitDefinition extends UnitOption {
  format: Formatter;
}

function unit(id: string, label: string, group: UnitGroup, format: Formatter): UnitDefinition {
  return { id, label, group, format };
}

const UNITS: readonly UnitDefinition[] = [
  unit("none", "Number", "Misc", fixedUnit("")),
  unit("short", "Short (K, Mil, Bil)", "Misc", scaled(1000, SHORT_SUFFIXES)),
  unit("sishort", "SI short (k, M, G)", "Misc", siPrefix("")),
  unit("percent", "Percent (0-100)", "Misc", percent(1)),
  unit("percentunit", "Percent (0.0-1.0)", "Misc", percent(100)),
  unit("bool", "True / False", "Misc", bool("True", "False")),
  unit("bool_yes_no", "Yes / No", "Misc", bool("Yes", "No")),
  unit("bool_on_off", "On / Off", "Misc", bool("On", "Off")),
  unit("ns", "Nanoseconds (ns)", "Time", nanoseconds),
  unit("µs", "Microseconds (µs)", "Time", microseconds),
  unit("ms", "Milliseconds (ms)", "Time", milliseconds),
  unit("s", "Seconds (s)", "Time", seconds),
  unit("m", "Minutes (m)", "Time", minutes),
  unit("h", "Hours (h)", "Time", hours),
  unit("d", "Days (d)", "Time", days),
  unit("dtdurationms", "Duration (ms)", "Time", duration(0.001)),
  unit("dtdurations", "Duration (s)", "Time", duration(1)),
  unit("dthms", "Duration (hh:mm:ss)", "Time", hoursMinutesSeconds),
  unit("bytes", "Bytes (IEC)", "Data", binaryPrefix("B")),
  unit("decbytes", "Bytes (SI)", "Data", siPrefix("B")),
  unit("bits", "Bits (IEC)", "Data", binaryPrefix("b")),
  unit("decbits", "Bits (SI)", "Data", siPrefix("b")),
  unit("kbytes", "Kibibytes", "Data", binaryPrefix("B", 1)),
  unit("deckbytes", "Kilobytes", "Data", siPrefix("B", 1)),
  unit("mbytes", "Mebibytes", "Data", binaryPrefix("B", 2)),
  unit("decmbytes", "Megabytes", "Data", siPrefix("B", 2)),
  unit("gbytes", "Gibibytes", "Data", binaryPrefix("B", 3)),
  unit("decgbytes", "Gigabytes", "Data", siPrefix("B", 3)),
  unit("binBps", "Bytes/sec (IEC)", "Data rate", binaryPrefix("B/s")),
  unit("Bps", "Bytes/sec (SI)", "Data rate", siPrefix("B/s")),
  unit("binbps", "Bits/sec (IEC)", "Data rate", binaryPrefix("b/s")),
  unit("bps", "Bits/sec (SI)", "Data rate", siPrefix("b/s")),
  unit("reqps", "Requests/sec (rps)", "Throughput", simpleCount("req/s")),
  unit("ops", "Ops/sec (ops)", "Throughput", simpleCount("ops/s")),
  unit("rps", "Reads/sec (rps)", "Throughput", simpleCount("rd/s")),
  unit("wps", "Writes/sec (wps)", "Throughput", simpleCount("wr/s")),
  unit("iops", "I/O ops/sec (iops)", "Throughput", simpleCount("io/s")),
  unit("opm", "Ops/min (opm)", "Throughput", simpleCount("ops/min")),
  unit("reqpm", "Requests/min (rpm)", "Throughput", simpleCount("req/min")),
  unit("currencyUSD", "Dollars ($)", "Currency", currency("$")),
  unit("currencyEUR", "Euro (€)", "Currency", currency("€")),
  unit("currencyGBP", "Pounds (£)", "Currency", currency("£")),
  unit("celsius", "Celsius (°C)", "Temperature", fixedUnit("°C")),
  unit("fahrenheit", "Fahrenheit (°F)", "Temperature", fixedUnit("°F")),
  unit("kelvin", "Kelvin (K)", "Temperature", fixedUnit("K")),
  unit("hertz", "Hertz (1/s)", "Frequency", siPrefix("Hz")),
];

const BY_ID = new Map(UNITS.map((definition) => [definition.id, definition]));
/** Ids Grafana accepts besides its canonical ones. */
const ALIASES: Record<string, string> = { us: "µs", "": "none" };

/** Units for a picker, grouped as in Grafana's unit menu. */
export const unitOptions: readonly UnitOption[] = UNITS.map(({ id, label, group }) => ({ id, label, group }));

/** Grafana's custom units: `suffix:`, `prefix:`, `si:`, `count:`, `currency:`. */
function customFormatter(id: string): Formatter | undefined {
  const colon = id.indexOf(":");
  if (colon <= 0) return undefined;
  const kind = id.slice(0, colon);
  const text = id.slice(colon + 1);
  switch (kind) {
    case "suffix":
      return (value, decimals) => ({ text: toFixed(value, decimals), suffix: text });
    case "prefix":
      return (value, decimals) => ({ prefix: text, text: toFixed(value, decimals) });
    case "si":
      return siPrefix(text);
    case "count":
      return simpleCount(text);
    case "currency":
      return currency(text);
    default:
      return undefined;
  }
}

function formatterFor(unitId: string | undefined): Formatter {
  const id = ALIASES[unitId ?? ""] ?? unitId ?? "none";
  // An id Grafana does not know is shown as a suffix, as Grafana does.
  return BY_ID.get(id)?.format ?? customFormatter(id) ?? fixedUnit(id);
}

/**
 * A value as Grafana shows it with `unit` and `decimals` (auto when undefined): 1536 bytes →
 * "1.50 KiB", 0.00042 s → "420 µs". null/undefined give "" (Grafana's "no value"); NaN and ±∞ are
 * written as such.
 */
export function formatValue(
  value: number | null | undefined,
  unitId: string | undefined,
  decimals?: number,
): string {
  if (value === null || value === undefined) return "";
  if (!Number.isFinite(value)) return nonFinite(value);
  const places = decimals === undefined ? undefined : Math.max(0, Math.min(20, Math.trunc(decimals)));
  const { prefix = "", text, suffix = "" } = formatterFor(unitId)(value, places);
  return `${prefix}${text}${suffix}`;
}
