/**
 * Go's quoting of strings and runes (`%q`, `%#U`), as Prometheus's parser prints them in its error
 * messages (`unexpected character: '§'`, `unknown escape sequence U+0071 'q'`).
 */
import { goQuote as quote } from "../go/quote";
import { goQuoteRune as unicodeNotation } from "../go/unicode";

/** strconv.Quote: a double-quoted Go string literal. */
export function goQuote(text: string): string {
  return quote(text);
}

/** strconv.QuoteRune: a single-quoted Go rune literal. */
export function goQuoteRune(char: string): string {
  return quote(String.fromCodePoint(char.codePointAt(0) ?? 0), "'");
}

/** `%.10q`: the first ten characters, quoted. */
export function goQuoteTruncated(text: string, limit: number): string {
  return goQuote([...text].slice(0, limit).join(""));
}

/** `%#U`: `U+0071 'q'`. */
export function goUnicode(char: string): string {
  return unicodeNotation(char.codePointAt(0) ?? 0);
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
