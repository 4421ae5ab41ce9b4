import { formatDuration } from "../../preview/duration";

/**
 * promtool's input-series notation (promql/parser's series description): a series selector, then
 * values at the test's interval: `a+bxn` is the n+1 samples a, a+b, … a+nb; `axn` repeats a n+1
 * times; `_xn` is n missing samples; a number or `_` alone is one. Samples are compressed only
 * where promtool rebuilds them exactly (integers: its `a+bxn` adds b repeatedly in float64).
 */

const SAFE = 2 ** 52;

/** A value as promtool reads it back exactly: Go's ParseFloat takes JavaScript's shortest form. */
export function promtoolNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  if (Object.is(value, -0)) return "-0";
  return String(value);
}

function isSmallInteger(value: InputValue): value is number {
  return typeof value === "number" && Number.isInteger(value) && Math.abs(value) < SAFE;
}

/** A stale marker: the series ended there (promtool's `stale`). */
export const STALE = "stale";
export type InputValue = number | undefined | typeof STALE;

/** Samples at the interval, `undefined` where there is none, in promtool's notation. */
export function promtoolValues(values: readonly InputValue[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < values.length) {
    const value = values[i];
    if (value === STALE) {
      parts.push(STALE);
      i++;
      continue;
    }
    if (value === undefined) {
      let end = i;
      while (end + 1 < values.length && values[end + 1] === undefined) end++;
      const count = end - i + 1;
      parts.push(count === 1 ? "_" : `_x${count}`);
      i = end + 1;
      continue;
    }
    // The longest run that repeats one value, or (integers) steps by one integer.
    let end = i;
    const next = values[i + 1];
    if (isSmallInteger(value) && isSmallInteger(next)) {
      const step = next - value;
      while (end + 1 < values.length) {
        const candidate = values[end + 1];
        if (!isSmallInteger(candidate) || candidate - (values[end] as number) !== step) break;
        end++;
      }
      const n = end - i;
      if (n === 0) parts.push(promtoolNumber(value));
      else if (step === 0) parts.push(`${promtoolNumber(value)}x${n}`);
      else parts.push(`${promtoolNumber(value)}${step > 0 ? "+" : "-"}${Math.abs(step)}x${n}`);
    } else {
      while (end + 1 < values.length && Object.is(values[end + 1], value)) end++;
      const n = end - i;
      // NaN repeated cannot use `x` (promtool's NaN+0 is NaN, but keep the text obvious).
      parts.push(n === 0 ? promtoolNumber(value) : `${promtoolNumber(value)}x${n}`);
    }
    i = end + 1;
  }
  return parts.join(" ");
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

function quoteLabelValue(value: string): string {
  return JSON.stringify(value);
}

/** A series selector as promtool's `series:` takes it: `name{a="b"}`, or `{__name__="…", …}`. */
export function seriesText(labels: Readonly<Record<string, string>>): string {
  const { __name__: name, ...rest } = labels;
  const names = Object.keys(rest).sort();
  const matchers = names.map((label) => `${label}=${quoteLabelValue(rest[label] as string)}`);
  if (name !== undefined && METRIC_NAME.test(name)) return `${name}{${matchers.join(", ")}}`;
  const all = name === undefined ? matchers : [`__name__=${quoteLabelValue(name)}`, ...matchers];
  return `{${all.join(", ")}}`;
}

/** A duration as promtool's eval_time and interval take it (model.Duration): `1m30s`, `0s`. */
export function promtoolDuration(ms: number): string {
  return formatDuration(ms);
}
