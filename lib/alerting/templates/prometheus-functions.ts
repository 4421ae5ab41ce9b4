/**
 * The functions Prometheus 2.42 gives alert templates (template/template.go), with the same
 * signatures, results and error texts.
 */

import { goQuote } from "../../go/quote";
import { parseGoFloat } from "../../go/strconv";
import { compareGoStrings } from "../../go/unicode";
import { FuncError, type GoFunc } from "./exec";
import { formatFloat, sprint, sprintf } from "./go-fmt";
import { compileGoRegexp, goReplaceAll } from "./go-regexp";
import {
  goIsIP,
  goJoinHostPort,
  goQueryEscape,
  goSplitHostPort,
  goTitle,
  goToLower,
  goToUpper,
} from "./go-strings";
import { timeType, timeValue } from "./go-time";
import {
  boxed,
  type GoType,
  type GoValue,
  goBool,
  goFloat,
  goString,
  INVALID,
  indirectInterface,
  mapOf,
  ptrTo,
  sliceOf,
  stringMap,
  T,
  typeString,
  type Value,
} from "./values";

/** One sample of a query result, as Prometheus hands it to templates. */
export interface QuerySample {
  labels: Record<string, string>;
  value: number;
}

export const sampleType: GoType = {
  kind: "struct",
  name: "template.sample",
  fields: [
    { name: "Labels", type: mapOf(T.string, T.string) },
    { name: "Value", type: T.float64 },
  ],
};
const samplePtr = ptrTo(sampleType);
export const queryResultType = sliceOf(samplePtr, "template.queryResult");
const htmlType: GoType = { kind: "string", name: "template.HTML" };

export function queryResult(samples: readonly QuerySample[]): GoValue {
  return {
    type: queryResultType,
    v: samples.map(
      (s): GoValue => ({
        type: samplePtr,
        v: { type: sampleType, v: { Labels: stringMap(s.labels), Value: goFloat(s.value) } },
      }),
    ),
  };
}

const NIL_DEREFERENCE = "runtime error: invalid memory address or nil pointer dereference";

function sampleOf(v: Value): Record<string, GoValue> {
  const target = v?.v as GoValue | null | undefined;
  if (!target) throw new Error(NIL_DEREFERENCE);
  return target.v as Record<string, GoValue>;
}

function labelOf(v: Value, name: string): string {
  const labels = sampleOf(v).Labels?.v as Map<string, GoValue> | null;
  return (labels?.get(name)?.v as string | undefined) ?? "";
}

/** convertToFloat of template.go. */
function convertToFloat(i: Value): number {
  const v = indirectInterface(i);
  if (v === INVALID) throw new FuncError("can't convert <nil> to float");
  if (!v.type.name) {
    switch (v.type.kind) {
      case "float64":
        return v.v as number;
      case "string": {
        const s = v.v as string;
        const f = parseGoFloat(s);
        if (f === undefined) throw new FuncError(`strconv.ParseFloat: parsing ${goQuote(s)}: invalid syntax`);
        if (!Number.isFinite(f) && !Number.isNaN(f) && !/^[+-]?inf(inity)?$/i.test(s)) {
          throw new FuncError(`strconv.ParseFloat: parsing ${goQuote(s)}: value out of range`);
        }
        return f;
      }
      case "int":
      case "uint":
      case "int64":
      case "uint64":
        return Number(v.v as bigint);
    }
  }
  throw new FuncError(`can't convert ${typeString(v.type)} to float`);
}

const g4 = (v: number): string => sprintf("%.4g", [goFloat(v)]);

function humanize(input: number): string {
  let v = input;
  if (v === 0 || !Number.isFinite(v)) return g4(v);
  if (Math.abs(v) >= 1) {
    let prefix = "";
    for (const p of ["k", "M", "G", "T", "P", "E", "Z", "Y"]) {
      if (Math.abs(v) < 1000) break;
      prefix = p;
      v /= 1000;
    }
    return g4(v) + prefix;
  }
  let prefix = "";
  for (const p of ["m", "u", "n", "p", "f", "a", "z", "y"]) {
    if (Math.abs(v) >= 1) break;
    prefix = p;
    v *= 1000;
  }
  return g4(v) + prefix;
}

function humanize1024(input: number): string {
  let v = input;
  if (Math.abs(v) <= 1 || !Number.isFinite(v)) return g4(v);
  let prefix = "";
  for (const p of ["ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"]) {
    if (Math.abs(v) < 1024) break;
    prefix = p;
    v /= 1024;
  }
  return g4(v) + prefix;
}

/** int64(v) of Go for a float beyond ±2^63: amd64 gives the minimum int64. */
function goInt64(v: number): bigint {
  if (!Number.isFinite(v) || v >= 2 ** 63 || v < -(2 ** 63)) return -(2n ** 63n);
  return BigInt(Math.trunc(v));
}

function humanizeDuration(input: number): string {
  let v = input;
  if (!Number.isFinite(v)) return g4(v);
  if (v === 0) return `${g4(v)}s`;
  if (Math.abs(v) >= 1) {
    let sign = "";
    if (v < 0) {
      sign = "-";
      v = -v;
    }
    const duration = goInt64(v);
    const seconds = duration % 60n;
    const minutes = (duration / 60n) % 60n;
    const hours = (duration / 60n / 60n) % 24n;
    const days = duration / 60n / 60n / 24n;
    if (days !== 0n) return `${sign}${days}d ${hours}h ${minutes}m ${seconds}s`;
    if (hours !== 0n) return `${sign}${hours}h ${minutes}m ${seconds}s`;
    if (minutes !== 0n) return `${sign}${minutes}m ${seconds}s`;
    return `${sign}${g4(v)}s`;
  }
  let prefix = "";
  for (const p of ["m", "u", "n", "p", "f", "a", "z", "y"]) {
    if (Math.abs(v) >= 1) break;
    prefix = p;
    v *= 1000;
  }
  return `${g4(v)}${prefix}s`;
}

/** floatToTime: seconds to a UTC time at millisecond precision (model.TimeFromUnixNano). */
function floatToTime(v: number): GoValue | "nan" {
  if (!Number.isFinite(v)) return "nan";
  const timestamp = v * 1e9;
  if (timestamp > 2 ** 63 || timestamp < -(2 ** 63)) {
    throw new FuncError(
      `${formatFloat(v, "g", -1)} cannot be represented as a nanoseconds timestamp since it overflows int64`,
    );
  }
  const ms = BigInt(Math.trunc(timestamp)) / 1_000_000n;
  return timeValue(ms * 1_000_000n);
}

/** regexp's quote: backquoted when strconv.CanBackquote allows it. */
const regexpQuote = (s: string): string =>
  [...s].every((c) => c !== "`" && c !== "\u007f" && (c >= " " || c === "\t")) ? `\`${s}\`` : goQuote(s);

const DURATION = /^(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?$/;

/** model.ParseDuration, in seconds. */
function parseDuration(text: string): number {
  if (text === "0") return 0;
  if (text === "") throw new FuncError("empty duration string");
  const m = DURATION.exec(text);
  if (!m) throw new FuncError(`not a valid duration string: ${goQuote(text)}`);
  const units: [number, bigint][] = [
    [2, 31_536_000_000n],
    [4, 604_800_000n],
    [6, 86_400_000n],
    [8, 3_600_000n],
    [10, 60_000n],
    [12, 1000n],
    [14, 1n],
  ];
  let ms = 0n;
  for (const [group, mult] of units) {
    const n = m[group];
    if (n) ms += BigInt(n) * mult;
  }
  if (ms * 1_000_000n > 2n ** 63n - 1n) throw new FuncError("duration out of range");
  return Number(ms * 1_000_000n) / 1e9;
}

function stripDomain(hostPort: string): string {
  const split = goSplitHostPort(hostPort);
  const host = split ? split.host : hostPort;
  if (goIsIP(host)) return hostPort;
  const first = host.split(".")[0] ?? "";
  return split && split.port !== "" ? goJoinHostPort(first, split.port) : first;
}

export interface PrometheusFunctionOptions {
  /** Runs an instant query at the evaluation time; throws FuncError to fail the template. */
  query: (expr: string) => QuerySample[];
  /** The server's --web.external-url; Prometheus fails pathPrefix/externalURL when it has none. */
  externalURL?: string;
}

const str = (v: Value | undefined): string => (v?.v as string | undefined) ?? "";
const stringFunc = (f: (s: string) => string): GoFunc => ({
  params: [T.string],
  result: T.string,
  call: ([s]) => goString(f(str(s))),
});
const numberFunc = (f: (v: number) => string): GoFunc => ({
  params: [T.emptyInterface],
  result: T.string,
  returnsError: true,
  call: ([i]) => goString(f(convertToFloat(i ?? INVALID))),
});

/** Go's url.URL.String() and .Path of the external URL. */
function externalUrlParts(externalURL: string | undefined): { href: string; path: string } {
  if (externalURL === undefined) throw new Error(NIL_DEREFERENCE);
  const url = new URL(externalURL);
  const path = decodeURIComponent(url.pathname === "/" && !externalURL.endsWith("/") ? "" : url.pathname);
  return {
    href: `${url.protocol}//${url.host}${url.pathname === "/" ? path : url.pathname}${url.search}`,
    path,
  };
}

export function prometheusFunctions(options: PrometheusFunctionOptions): Record<string, GoFunc> {
  return {
    query: {
      params: [T.string],
      result: queryResultType,
      returnsError: true,
      call: ([q]) => queryResult(options.query(str(q))),
    },
    first: {
      params: [queryResultType],
      result: samplePtr,
      returnsError: true,
      call: ([v]) => {
        const items = (v?.v as GoValue[] | null) ?? [];
        const head = items[0];
        if (!head) throw new FuncError("first() called on vector with no elements");
        return head;
      },
    },
    label: {
      params: [T.string, samplePtr],
      result: T.string,
      call: ([l, s]) => goString(labelOf(s ?? INVALID, str(l))),
    },
    value: {
      params: [samplePtr],
      result: T.float64,
      call: ([s]) => sampleOf(s ?? INVALID).Value ?? goFloat(0),
    },
    strvalue: {
      params: [samplePtr],
      result: T.string,
      call: ([s]) => goString(labelOf(s ?? INVALID, "__value__")),
    },
    args: {
      params: [T.emptyInterface],
      variadic: true,
      result: mapOf(T.string, T.emptyInterface),
      call: (args) => ({
        type: mapOf(T.string, T.emptyInterface),
        v: new Map(args.map((a, i) => [`arg${i}`, boxed(indirectInterface(a))])),
      }),
    },
    reReplaceAll: {
      params: [T.string, T.string, T.string],
      result: T.string,
      call: ([pattern, repl, text]) => {
        let re: RegExp;
        try {
          re = compileGoRegexp(str(pattern), true);
        } catch (error) {
          throw new FuncError(`regexp: Compile(${regexpQuote(str(pattern))}): ${(error as Error).message}`);
        }
        return goString(goReplaceAll(re, str(text), str(repl)));
      },
    },
    safeHtml: { params: [T.string], result: htmlType, call: ([s]) => goString(str(s), htmlType) },
    match: {
      params: [T.string, T.string],
      result: T.bool,
      returnsError: true,
      call: ([pattern, s]) => goBool(compileGoRegexp(str(pattern)).test(str(s))),
    },
    title: stringFunc(goTitle),
    toUpper: stringFunc(goToUpper),
    toLower: stringFunc(goToLower),
    graphLink: stringFunc((expr) => `/graph?g0.expr=${goQueryEscape(expr)}&g0.tab=0`),
    tableLink: stringFunc((expr) => `/graph?g0.expr=${goQueryEscape(expr)}&g0.tab=1`),
    sortByLabel: {
      params: [T.string, queryResultType],
      result: queryResultType,
      call: ([l, v]) => {
        const items = (v?.v as GoValue[] | null) ?? [];
        // sort.Stable, in place, as Prometheus sorts the slice it was given.
        const sorted = [...items].sort((a, b) => compareGoStrings(labelOf(a, str(l)), labelOf(b, str(l))));
        items.splice(0, items.length, ...sorted);
        return v ?? INVALID;
      },
    },
    stripPort: stringFunc((hostPort) => goSplitHostPort(hostPort)?.host ?? hostPort),
    stripDomain: stringFunc(stripDomain),
    humanize: numberFunc(humanize),
    humanize1024: numberFunc(humanize1024),
    humanizeDuration: numberFunc(humanizeDuration),
    humanizePercentage: numberFunc((v) => `${g4(v * 100)}%`),
    humanizeTimestamp: numberFunc((v) => {
      const t = floatToTime(v);
      return t === "nan" ? g4(v) : sprint([{ type: ptrTo(timeType), v: t }]);
    }),
    toTime: {
      params: [T.emptyInterface],
      result: ptrTo(timeType),
      returnsError: true,
      call: ([i]) => {
        const v = convertToFloat(i ?? INVALID);
        const t = floatToTime(v);
        if (t === "nan") throw new FuncError("value is NaN or Inf");
        return { type: ptrTo(timeType), v: t };
      },
    },
    pathPrefix: {
      params: [],
      result: T.string,
      call: () => goString(externalUrlParts(options.externalURL).path),
    },
    externalURL: {
      params: [],
      result: T.string,
      call: () => goString(externalUrlParts(options.externalURL).href),
    },
    parseDuration: {
      params: [T.string],
      result: T.float64,
      returnsError: true,
      call: ([d]) => goFloat(parseDuration(str(d))),
    },
  };
}
