/** strconv.Quote and strconv.Unquote: string literals in templates, fmt's %q, and PromQL's error messages (lib/promql/go-quote.ts). */
import { isGoPrint } from "./unicode";

const ESCAPES: Readonly<Record<string, string>> = {
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
};

function hex(r: number, digits: number): string {
  return r.toString(16).padStart(digits, "0");
}

/** strconv.Quote: a double-quoted Go string literal. */
export function goQuote(s: string, quote = '"'): string {
  let out = quote;
  for (const char of s) {
    const r = char.codePointAt(0) ?? 0;
    if (char === quote || char === "\\") out += `\\${char}`;
    else if (isGoPrint(r)) out += char;
    else if (ESCAPES[char] !== undefined) out += ESCAPES[char];
    else if (r < 0x20 || r === 0x7f) out += `\\x${hex(r, 2)}`;
    else if (r >= 0xd800 && r <= 0xdfff) out += "\\ufffd";
    else if (r < 0x10000) out += `\\u${hex(r, 4)}`;
    else out += `\\U${hex(r, 8)}`;
  }
  return out + quote;
}

export class GoSyntaxError extends Error {
  constructor() {
    super("invalid syntax");
  }
}

const SIMPLE: Readonly<Record<string, string>> = {
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
};

/**
 * strconv.UnquoteChar: the first character of `s` (escapes decoded) and the rest. Bytes given by
 * \x and octal escapes become the code point of the same number, as Go would only for ASCII.
 */
export function unquoteChar(s: string, quote: string): { value: number; tail: string } {
  const c = s.codePointAt(0);
  if (c === undefined) throw new GoSyntaxError();
  const first = String.fromCodePoint(c);
  if (first === quote && (quote === "'" || quote === '"')) throw new GoSyntaxError();
  if (first !== "\\") return { value: c, tail: s.slice(first.length) };
  const e = s[1];
  if (e === undefined) throw new GoSyntaxError();
  const simple = SIMPLE[e];
  if (simple !== undefined) return { value: simple.charCodeAt(0), tail: s.slice(2) };
  if (e === "x" || e === "u" || e === "U") {
    const n = e === "x" ? 2 : e === "u" ? 4 : 8;
    const digits = s.slice(2, 2 + n);
    if (digits.length < n || !/^[0-9a-fA-F]+$/.test(digits)) throw new GoSyntaxError();
    const value = Number.parseInt(digits, 16);
    if (e !== "x" && (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))) throw new GoSyntaxError();
    return { value, tail: s.slice(2 + n) };
  }
  if (e >= "0" && e <= "7") {
    const digits = s.slice(1, 4);
    if (!/^[0-7]{3}$/.test(digits)) throw new GoSyntaxError();
    const value = Number.parseInt(digits, 8);
    if (value > 255) throw new GoSyntaxError();
    return { value, tail: s.slice(4) };
  }
  if ((e === "'" || e === '"') && e === quote) return { value: e.charCodeAt(0), tail: s.slice(2) };
  throw new GoSyntaxError();
}

/** strconv.Unquote of a "…", `…` or '…' literal. */
export function goUnquote(literal: string): string {
  const quote = literal[0];
  if (literal.length < 2 || literal[literal.length - 1] !== quote) throw new GoSyntaxError();
  const body = literal.slice(1, -1);
  if (quote === "`") {
    if (body.includes("`")) throw new GoSyntaxError();
    return body.replaceAll("\r", "");
  }
  if (quote !== '"' && quote !== "'") throw new GoSyntaxError();
  if (body.includes("\n")) throw new GoSyntaxError();
  let out = "";
  let rest = body;
  while (rest.length > 0) {
    const { value, tail } = unquoteChar(rest, quote);
    out += String.fromCodePoint(value);
    rest = tail;
    if (quote === "'" && rest.length > 0) throw new GoSyntaxError();
  }
  if (quote === "'" && out.length === 0) throw new GoSyntaxError();
  return out;
}
