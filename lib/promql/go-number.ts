import { DECIMAL_FLOAT, underscoreOK } from "../go/strconv";
import { goQuote } from "./go-quote";

/**
 * How Prometheus turns number and duration tokens into values, with its error messages:
 * `parser.number` (promql/parser/parse.go: strconv.ParseInt(val, 0, 64), then strconv.ParseFloat)
 * and `model.ParseDuration` (prometheus/common model/time.go).
 */

export type Parsed = { ok: true; value: number } | { ok: false; message: string };

const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(text, 0, 64) for the unsigned texts the lexer produces. */
function parseInt0(text: string): number | undefined {
  if (text.includes("_") && !underscoreOK(text)) return undefined;
  const digits = text.replaceAll("_", "");
  let value: bigint;
  if (/^0[xX][0-9a-fA-F]+$/.test(digits)) value = BigInt(digits);
  else if (/^0[0-7]+$/.test(digits)) value = BigInt(`0o${digits.slice(1)}`);
  else if (/^(?:0|[1-9][0-9]*)$/.test(digits)) value = BigInt(digits);
  else return undefined;
  return value > INT64_MAX ? undefined : Number(value);
}

/** strconv.ParseFloat(text, 64) for the texts the lexer produces (no hexadecimal mantissa without `p`). */
function parseFloat64(text: string): Parsed {
  const lower = text.toLowerCase();
  if (lower === "inf" || lower === "infinity") return { ok: true, value: Number.POSITIVE_INFINITY };
  if (lower === "nan") return { ok: true, value: Number.NaN };
  const syntax = {
    ok: false as const,
    message: `strconv.ParseFloat: parsing ${goQuote(text)}: invalid syntax`,
  };
  if (text.includes("_") && !underscoreOK(text)) return syntax;
  const digits = text.replaceAll("_", "");
  if (!DECIMAL_FLOAT.test(digits)) return syntax;
  const value = Number(digits);
  if (!Number.isFinite(value)) {
    return { ok: false, message: `strconv.ParseFloat: parsing ${goQuote(text)}: value out of range` };
  }
  return { ok: true, value };
}

/** parse.go `number`: the value of a NUMBER token, or Prometheus's error. */
export function parseNumber(text: string): Parsed {
  const int = parseInt0(text);
  if (int !== undefined) return { ok: true, value: int };
  const float = parseFloat64(text);
  return float.ok ? float : { ok: false, message: `error parsing number: ${float.message}` };
}

const DURATION_UNITS: Readonly<Record<string, { pos: number; ms: bigint }>> = {
  y: { pos: 1, ms: 365n * 24n * 3600n * 1000n },
  w: { pos: 2, ms: 7n * 24n * 3600n * 1000n },
  d: { pos: 3, ms: 24n * 3600n * 1000n },
  h: { pos: 4, ms: 3600n * 1000n },
  m: { pos: 5, ms: 60n * 1000n },
  s: { pos: 6, ms: 1000n },
  ms: { pos: 7, ms: 1n },
};

/** Nanoseconds in time.Duration's range, as milliseconds. */
const MAX_DURATION_MS = (2n ** 63n - 1n) / 1_000_000n;

/** model.ParseDuration: a duration in seconds, or its error. */
export function parseDuration(text: string): Parsed {
  if (text === "0") return { ok: true, value: 0 };
  if (text === "") return { ok: false, message: "empty duration string" };
  const invalid = { ok: false as const, message: `not a valid duration string: ${goQuote(text)}` };
  let rest = text;
  let totalMs = 0n;
  let lastUnitPos = 0;
  while (rest !== "") {
    const number = /^[0-9]+/.exec(rest)?.[0];
    if (!number) return invalid;
    rest = rest.slice(number.length);
    const unitText = /^[^0-9]+/.exec(rest)?.[0];
    if (!unitText) return invalid;
    rest = rest.slice(unitText.length);
    const unit = DURATION_UNITS[unitText];
    if (!unit) {
      return { ok: false, message: `unknown unit ${goQuote(unitText)} in duration ${goQuote(text)}` };
    }
    if (unit.pos <= lastUnitPos) return invalid;
    lastUnitPos = unit.pos;
    totalMs += BigInt(number) * unit.ms;
    if (totalMs > MAX_DURATION_MS) return { ok: false, message: "duration out of range" };
  }
  return { ok: true, value: Number(totalMs) / 1000 };
}
