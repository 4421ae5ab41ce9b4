/**
 * Go's strconv number parsing: ParseInt/ParseUint (base 0) and ParseFloat, as text/template reads
 * number constants, plus the pieces PromQL's number parsing (lib/promql/go-number.ts) shares.
 */

/** strconv's underscoreOK: `_` only between digits, or between a base prefix and a digit (after an optional sign). */
export function underscoreOK(text: string): boolean {
  let s = text;
  let saw = "^";
  let i = 0;
  if (s.startsWith("-") || s.startsWith("+")) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === "0" && "bBoOxX".includes(s[1] ?? "")) {
    i = 2;
    saw = "0";
    hex = s[1] === "x" || s[1] === "X";
  }
  for (; i < s.length; i++) {
    const c = s[i] ?? "";
    if ((c >= "0" && c <= "9") || (hex && /[a-fA-F]/.test(c))) {
      saw = "0";
      continue;
    }
    if (c === "_") {
      if (saw !== "0") return false;
      saw = "_";
      continue;
    }
    if (saw === "_") return false;
    saw = "!";
  }
  return saw !== "_";
}

/** ParseUint(text, 0, 64); undefined when Go would return an error (syntax or range). */
export function parseGoUint(text: string): bigint | undefined {
  if (text === "") return undefined;
  let s = text;
  let base = 10;
  if (s[0] === "0") {
    if (s.length >= 3 && "xX".includes(s[1] ?? "")) {
      base = 16;
      s = s.slice(2);
    } else if (s.length >= 3 && "oO".includes(s[1] ?? "")) {
      base = 8;
      s = s.slice(2);
    } else if (s.length >= 3 && "bB".includes(s[1] ?? "")) {
      base = 2;
      s = s.slice(2);
    } else {
      base = 8;
      s = s.slice(1);
    }
  }
  const digits =
    base === 16 ? /^[0-9a-fA-F_]*$/ : base === 10 ? /^[0-9_]*$/ : base === 8 ? /^[0-7_]*$/ : /^[01_]*$/;
  if (!digits.test(s)) return undefined;
  if (s.includes("_") && !underscoreOK(text)) return undefined;
  const clean = s.replaceAll("_", "");
  if (clean === "" && !(base === 8 && text.length >= 1)) return undefined;
  const prefix = base === 16 ? "0x" : base === 8 ? "0o" : base === 2 ? "0b" : "";
  const value = clean === "" ? 0n : BigInt(prefix + clean);
  return value > 0xffffffffffffffffn ? undefined : value;
}

/** ParseInt(text, 0, 64). */
export function parseGoInt(text: string): bigint | undefined {
  let s = text;
  let negative = false;
  if (s.startsWith("+") || s.startsWith("-")) {
    negative = s[0] === "-";
    s = s.slice(1);
  }
  const magnitude = parseGoUint(s);
  if (magnitude === undefined) return undefined;
  if (s.includes("_") && !underscoreOK(text)) return undefined;
  const value = negative ? -magnitude : magnitude;
  if (value > 0x7fffffffffffffffn || value < -0x8000000000000000n) return undefined;
  return value;
}

/** The decimal (not hexadecimal) float syntax ParseFloat accepts, without sign or underscores. */
export const DECIMAL_FLOAT = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/** ParseFloat(text, 64); undefined on a syntax error (Go's range errors still give ±Inf or 0 here). */
export function parseGoFloat(text: string): number | undefined {
  let s = text;
  let sign = 1;
  if (s.startsWith("+") || s.startsWith("-")) {
    sign = s[0] === "-" ? -1 : 1;
    s = s.slice(1);
  }
  const special = s.toLowerCase();
  if (special === "inf" || special === "infinity") return sign * Number.POSITIVE_INFINITY;
  if (special === "nan") return Number.NaN;
  if (s.includes("_")) {
    if (!underscoreOK(text)) return undefined;
    s = s.replaceAll("_", "");
  }
  const hexFloat = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(s);
  if (hexFloat) {
    const intPart = hexFloat[1] ?? "";
    const fracPart = hexFloat[2] ?? "";
    if (intPart === "" && fracPart === "") return undefined;
    const mantissa = BigInt(`0x${intPart}${fracPart}` === "0x" ? "0" : `0x${intPart}${fracPart}`);
    const exponent = Number(hexFloat[3]) - 4 * fracPart.length;
    return sign * Number(mantissa) * 2 ** exponent;
  }
  if (!DECIMAL_FLOAT.test(s)) return undefined;
  return sign * Number(s);
}
