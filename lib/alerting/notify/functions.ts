/**
 * Alertmanager's template functions (template/template.go DefaultFuncs). v0.25 has toUpper,
 * toLower, title, join, match, safeHtml, reReplaceAll and stringSlice; the bundle's pinned v0.28
 * adds trimSpace, date, tz, since and humanizeDuration, which are accepted too. Go's own
 * builtins (len, index, printf, urlquery, …) come from lib/alerting/templates.
 */
import { isGoSpace } from "../../go/unicode";
import { FuncError, type GoFunc } from "../templates/exec";
import { goToLower, goToUpper } from "../templates/go-strings";
import { formatTime, type GoTime, timeValue } from "../templates/go-time";
import { isKnownZone } from "../templates/go-zone";
import { prometheusFunctions } from "../templates/prometheus-functions";
import { type GoType, type GoValue, goInt, goString, sliceOf, T, type Value } from "../templates/values";

/** Functions a v0.25 Alertmanager does not know: a template using them fails to load there. */
export const FUNCTIONS_AFTER_V025 = ["trimSpace", "date", "tz", "since", "humanizeDuration"] as const;

const str = (v: Value | undefined): string => (v?.v as string | undefined) ?? "";
const stringSlice = sliceOf(T.string);
const timeType = timeValue(0n).type;
const nanos = (v: Value | undefined): bigint => (v?.v as Partial<GoTime> | undefined)?.unixNano ?? 0n;
const locOf = (v: Value | undefined): string | undefined => (v?.v as Partial<GoTime> | undefined)?.loc;

/**
 * cases.Title(language.AmericanEnglish): the first letter of each word upper-cased and the rest
 * lower-cased (unlike Prometheus's strings.Title, which leaves the rest alone). A word is a run of
 * letters, digits and marks; an apostrophe inside a word does not end it.
 */
export function goCasesTitle(s: string): string {
  let out = "";
  let inWord = false;
  const chars = [...s];
  chars.forEach((c, i) => {
    const isWordChar = /[\p{L}\p{N}\p{M}]/u.test(c);
    const isInnerApostrophe =
      inWord && (c === "'" || c === "\u2019") && /[\p{L}\p{N}]/u.test(chars[i + 1] ?? "");
    if (isWordChar) {
      out += inWord ? goToLower(c) : goToUpper(c);
      inWord = true;
    } else {
      out += c;
      inWord = isInnerApostrophe;
    }
  });
  return out;
}

/** strings.TrimSpace: Unicode white space at both ends. */
function trimSpace(s: string): string {
  const chars = [...s];
  let start = 0;
  let end = chars.length;
  while (start < end && isGoSpace(chars[start]?.codePointAt(0) ?? 0)) start++;
  while (end > start && isGoSpace(chars[end - 1]?.codePointAt(0) ?? 0)) end--;
  return chars.slice(start, end).join("");
}

const durationType: GoType = { kind: "int64", name: "time.Duration" };

/** time.Duration.String: `1h2m3.5s`, `1.5ms`, `0s`. */
export function goDurationString(d: bigint): string {
  if (d === 0n) return "0s";
  const neg = d < 0n;
  let u = neg ? -d : d;
  let out: string;
  if (u < 1_000_000_000n) {
    const [unit, scale] = u < 1000n ? ["ns", 1n] : u < 1_000_000n ? ["µs", 1000n] : ["ms", 1_000_000n];
    out = `${fraction(u, scale)}${unit}`;
  } else {
    const hours = u / 3_600_000_000_000n;
    u -= hours * 3_600_000_000_000n;
    const minutes = u / 60_000_000_000n;
    u -= minutes * 60_000_000_000n;
    out = `${fraction(u, 1_000_000_000n)}s`;
    if (hours > 0n) out = `${hours}h${minutes}m${out}`;
    else if (minutes > 0n) out = `${minutes}m${out}`;
  }
  return neg ? `-${out}` : out;
}

function fraction(value: bigint, scale: bigint): string {
  const whole = value / scale;
  const rest = value % scale;
  if (rest === 0n) return whole.toString();
  const digits = scale.toString().length - 1;
  return `${whole}.${rest.toString().padStart(digits, "0").replace(/0+$/, "")}`;
}
durationType.methods = {
  String: { params: [], result: T.string, call: (v) => goString(goDurationString(v.v as bigint)) },
  Seconds: {
    params: [],
    result: T.float64,
    call: (v) => ({ type: T.float64, v: Number(v.v as bigint) / 1e9 }),
  },
};

export interface AlertmanagerFunctionOptions {
  /** The clock `since` measures from (tests pass a fixed one). */
  now?: () => bigint;
}

/** DefaultFuncs of Alertmanager, keyed by the name templates call them by. */
export function alertmanagerFunctions(options: AlertmanagerFunctionOptions = {}): Record<string, GoFunc> {
  const now = options.now ?? (() => BigInt(Date.now()) * 1_000_000n);
  const prometheus = prometheusFunctions({ query: () => [] });
  const stringFunc = (f: (s: string) => string): GoFunc => ({
    params: [T.string],
    result: T.string,
    call: ([s]) => goString(f(str(s))),
  });
  return {
    toUpper: prometheus.toUpper as GoFunc,
    toLower: prometheus.toLower as GoFunc,
    title: stringFunc(goCasesTitle),
    trimSpace: stringFunc(trimSpace),
    join: {
      params: [T.string, stringSlice],
      result: T.string,
      call: ([sep, list]) =>
        goString(((list?.v as GoValue[] | null) ?? []).map((s) => s.v as string).join(str(sep))),
    },
    // The same Go functions as Prometheus's (regexp.MatchString, MustCompile, html/template.HTML).
    match: prometheus.match as GoFunc,
    safeHtml: prometheus.safeHtml as GoFunc,
    reReplaceAll: prometheus.reReplaceAll as GoFunc,
    stringSlice: {
      params: [T.string],
      variadic: true,
      result: stringSlice,
      call: (args) => ({ type: stringSlice, v: args.map((a) => goString(str(a))) }),
    },
    // `date` and `tz` as Alertmanager 0.26+ has them (template/template.go: t.Format(layout);
    // t.In(time.LoadLocation(name))). The 0.25 binary the tests run does not have them, so it
    // cannot be their oracle: they are tested against Go's time semantics (go-zone.test.ts).
    date: {
      params: [T.string, timeType],
      result: T.string,
      call: ([layout, t]) => goString(formatTime(nanos(t), str(layout), locOf(t))),
    },
    tz: {
      params: [T.string, timeType],
      result: timeType,
      returnsError: true,
      call: ([name, t]) => {
        // time.LoadLocation's error, as the template's error reads it.
        if (!isKnownZone(str(name))) throw new FuncError(`unknown time zone ${str(name)}`);
        return timeValue(nanos(t), str(name));
      },
    },
    since: {
      params: [timeType],
      result: durationType,
      call: ([t]) => goInt(now() - nanos(t), durationType),
    },
    humanizeDuration: prometheus.humanizeDuration as GoFunc,
  };
}
