/**
 * Reads the values of a promtool input series (`0+10x30 _x5 stale`) as Prometheus 2.42 does:
 * promql/parser/lex.go's lexValueSequence and scanNumber in series-description mode, and the
 * series_values / series_item rules of generated_parser.y. The form checks values as they are
 * typed; lib/promql/series-values.promtool.test.ts holds it to promtool's verdicts.
 */

type Token =
  | { kind: "space" | "add" | "sub" | "times" | "blank"; at: number }
  | { kind: "number"; text: string; at: number }
  | { kind: "identifier"; text: string; at: number }
  | { kind: "keyword"; text: string; at: number };

export type SeriesValuesReading =
  | { ok: true; count: number }
  | { ok: false; message: string; column: number };

class ValuesError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

const isSpace = (c: string): boolean => c === " " || c === "\t" || c === "\n" || c === "\r";
const isDigit = (c: string): boolean => c >= "0" && c <= "9";
const isAlpha = (c: string): boolean => c === "_" || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");
const isAlphaNumeric = (c: string): boolean => isAlpha(c) || isDigit(c);

/**
 * Words the lexer turns into operators or keywords (lex.go's `key`), which no series value may
 * be; `inf` and `nan` are numbers.
 */
const KEYWORDS = new Set([
  "and",
  "or",
  "unless",
  "atan2",
  "sum",
  "avg",
  "count",
  "min",
  "max",
  "group",
  "stddev",
  "stdvar",
  "topk",
  "bottomk",
  "count_values",
  "quantile",
  "offset",
  "by",
  "without",
  "on",
  "ignoring",
  "group_left",
  "group_right",
  "bool",
  "start",
  "end",
]);

/** scanNumber with seriesDesc set: no hexadecimal, and an `x` may follow (the repetition). */
function scanNumber(text: string, start: number): number {
  let pos = start;
  const run = (accept: (c: string) => boolean): void => {
    while (pos < text.length && accept(text[pos] as string)) pos++;
  };
  run(isDigit);
  if (text[pos] === ".") {
    pos++;
    run(isDigit);
  }
  if (text[pos] === "e" || text[pos] === "E") {
    pos++;
    if (text[pos] === "+" || text[pos] === "-") pos++;
    run(isDigit);
  }
  const next = text[pos];
  if (next === undefined || next === "x" || !isAlphaNumeric(next)) return pos;
  throw new ValuesError(`bad number syntax: ${JSON.stringify(text.slice(start, pos + 1))}`, start);
}

function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const c = text[pos] as string;
    const at = pos;
    if (isSpace(c)) {
      while (pos < text.length && isSpace(text[pos] as string)) pos++;
      tokens.push({ kind: "space", at });
    } else if (c === "+" || c === "-" || c === "x" || c === "_") {
      const kinds = { "+": "add", "-": "sub", x: "times", _: "blank" } as const;
      tokens.push({ kind: kinds[c], at });
      pos++;
    } else if (isDigit(c) || (c === "." && isDigit(text[pos + 1] ?? ""))) {
      pos = scanNumber(text, pos);
      tokens.push({ kind: "number", text: text.slice(at, pos), at });
    } else if (isAlpha(c)) {
      while (pos < text.length && (isAlphaNumeric(text[pos] as string) || text[pos] === ":")) pos++;
      const word = text.slice(at, pos);
      const lower = word.toLowerCase();
      if (lower === "inf" || lower === "nan") tokens.push({ kind: "number", text: word, at });
      else if (KEYWORDS.has(lower)) tokens.push({ kind: "keyword", text: word, at });
      else tokens.push({ kind: "identifier", text: word, at });
    } else {
      throw new ValuesError(`unexpected character in series sequence: ${JSON.stringify(c)}`, at);
    }
  }
  return tokens;
}

/** Go's strconv.ParseInt(s, 0, 64), then ParseFloat: whether the number text reads at all. */
function numberReads(text: string): boolean {
  if (/^[0-9]+$/.test(text)) return true;
  const lower = text.toLowerCase();
  if (lower === "inf" || lower === "nan") return true;
  // ParseFloat: digits with at most one point, an optional exponent with digits.
  return /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(text);
}

/** strconv.ParseUint(s, 10, 64). */
function repetition(token: Token | undefined, after: number): number {
  if (token?.kind !== "number")
    throw new ValuesError("expected a repetition count after x, such as x10", token?.at ?? after);
  if (!/^[0-9]+$/.test(token.text) || BigInt(token.text) > 18446744073709551615n)
    throw new ValuesError(
      `invalid repetition in series values: ${JSON.stringify(token.text)} is not a whole number`,
      token.at,
    );
  return Number(token.text);
}

function tokenText(token: Token): string {
  switch (token.kind) {
    case "space":
      return "space";
    case "add":
      return '"+"';
    case "sub":
      return '"-"';
    case "times":
      return '"x"';
    case "blank":
      return '"_"';
    default:
      return JSON.stringify(token.text);
  }
}

function readNumber(token: Token | undefined, end: number): void {
  if (token?.kind !== "number")
    throw new ValuesError(
      token === undefined
        ? "expected a number at the end"
        : `unexpected ${tokenText(token)}: expected a number`,
      token?.at ?? end,
    );
  if (!numberReads(token.text)) throw new ValuesError(`error parsing number: ${token.text}`, token.at);
}

/** Reads the values; `count` is how many samples (and gaps) they expand to. */
export function readSeriesValues(text: string): SeriesValuesReading {
  // promtool writes each series on a line of a `load` command, whose lines it then splits: text
  // after a line break is read as a command of its own.
  const lineBreak = /\n[\s]*\S/.exec(text);
  if (lineBreak)
    return {
      ok: false,
      message: "a line break inside the values: promtool reads a series' values on one line",
      column: lineBreak.index + 1,
    };
  try {
    const tokens = lex(text);
    let count = 0;
    let i = 0;
    const take = (): Token | undefined => tokens[i++];
    const peek = (): Token | undefined => tokens[i];
    // series_values: a space before every item (the series selector precedes the first one).
    let afterSpace = true;
    while (i < tokens.length) {
      const token = take() as Token;
      if (token.kind === "space") {
        afterSpace = true;
        continue;
      }
      if (!afterSpace) throw new ValuesError(`unexpected ${tokenText(token)}: expected a space`, token.at);
      afterSpace = false;
      if (token.kind === "blank") {
        if (peek()?.kind === "times") {
          const times = take() as Token;
          count += repetition(take(), times.at + 1);
        } else count += 1;
        continue;
      }
      // series_value: "stale", a number, or a signed number.
      if (token.kind === "identifier") {
        if (token.text !== "stale")
          throw new ValuesError(`unexpected ${tokenText(token)}: expected a number or "stale"`, token.at);
      } else if (token.kind === "add" || token.kind === "sub") {
        readNumber(take(), text.length);
      } else readNumber(token, text.length);
      const next = peek();
      if (next?.kind === "times") {
        take();
        count += repetition(take(), next.at + 1) + 1;
      } else if (next?.kind === "add" || next?.kind === "sub") {
        take();
        readNumber(take(), text.length);
        const times = take();
        if (times?.kind !== "times")
          throw new ValuesError(
            `expected x and a repetition count after ${text.slice(token.at, next.at + 1)}…, such as 0+10x30`,
            times?.at ?? text.length,
          );
        count += repetition(take(), times.at + 1) + 1;
      } else count += 1;
    }
    return { ok: true, count };
  } catch (error) {
    if (error instanceof ValuesError) return { ok: false, message: error.message, column: error.at + 1 };
    throw error;
  }
}
