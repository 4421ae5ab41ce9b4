/**
 * Go's quoting of strings and runes (`%q`, `%#U`), as Prometheus's parser prints them in its error
 * messages (`unexpected character: '§'`, `unknown escape sequence U+0071 'q'`).
 */

const SIMPLE_ESCAPES: Record<number, string> = {
  7: "\\a",
  8: "\\b",
  12: "\\f",
  10: "\\n",
  13: "\\r",
  9: "\\t",
  11: "\\v",
  92: "\\\\",
};

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
function isPrint(codePoint: number): boolean {
  if (codePoint === 0x20) return true;
  if (codePoint < 0x20 || codePoint === 0x7f) return false;
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(codePoint));
}

function hex(codePoint: number, width: number): string {
  return codePoint.toString(16).padStart(width, "0");
}

function escapeRune(codePoint: number, quote: number): string {
  if (codePoint === quote) return `\\${String.fromCodePoint(codePoint)}`;
  const simple = SIMPLE_ESCAPES[codePoint];
  if (simple) return simple;
  if (isPrint(codePoint)) return String.fromCodePoint(codePoint);
  if (codePoint < 0x80) return `\\x${hex(codePoint, 2)}`;
  if (codePoint >= 0xd800 && codePoint < 0xe000) return "\\ufffd";
  if (codePoint <= 0xffff) return `\\u${hex(codePoint, 4)}`;
  return `\\U${hex(codePoint, 8)}`;
}

/** strconv.Quote: a double-quoted Go string literal. */
export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) out += escapeRune(char.codePointAt(0) ?? 0, 34);
  return `${out}"`;
}

/** strconv.QuoteRune: a single-quoted Go rune literal. */
export function goQuoteRune(char: string): string {
  return `'${escapeRune(char.codePointAt(0) ?? 0, 39)}'`;
}

/** `%.10q`: the first ten characters, quoted. */
export function goQuoteTruncated(text: string, limit: number): string {
  return goQuote([...text].slice(0, limit).join(""));
}

/** `%#U`: `U+0071 'q'`. */
export function goUnicode(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
  return isPrint(codePoint) ? `${code} '${char}'` : code;
}

/**
 * strutil.Unquote for a string token the lexer has accepted (so its escapes are valid): the text a
 * `"…"`, `'…'` or `` `…` `` literal stands for.
 */
export function goUnquote(token: string): string {
  const body = token.slice(1, -1);
  if (token.startsWith("`")) return body;
  const simple: Record<string, string> = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };
  return body.replace(
    /\\(?:([abfnrtv\\'"])|x([0-9a-fA-F]{2})|([0-7]{3})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))/g,
    (_match, c?: string, x?: string, octal?: string, u?: string, bigU?: string) => {
      if (c) return simple[c] ?? c;
      if (octal) return String.fromCodePoint(Number.parseInt(octal, 8));
      return String.fromCodePoint(Number.parseInt(x ?? u ?? bigU ?? "0", 16));
    },
  );
}
