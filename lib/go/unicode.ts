/** Go's unicode predicates and rune notation, as text/template, fmt and PromQL's error messages use them. */

const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u;
// strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINT = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;
const SPACE = /^[\t\n\v\f\r \u0085\u00a0\p{Zs}\u2028\u2029]$/u;

export const isGoLetterOrDigit = (r: number): boolean => LETTER_OR_DIGIT.test(String.fromCodePoint(r));
export const isGoLetter = (r: number): boolean => LETTER.test(String.fromCodePoint(r));
export const isGoDigit = (r: number): boolean => DIGIT.test(String.fromCodePoint(r));
export const isGoSpace = (r: number): boolean => SPACE.test(String.fromCodePoint(r));
export const isGoPrint = (r: number): boolean =>
  r >= 0 && r <= 0x10ffff && PRINT.test(String.fromCodePoint(r));

/** fmt's %#U: `U+0025 '%'`, or just `U+00A0` when the rune is not printable. */
export function goQuoteRune(r: number): string {
  const hex = `U+${r.toString(16).toUpperCase().padStart(4, "0")}`;
  return isGoPrint(r) ? `${hex} '${String.fromCodePoint(r)}'` : hex;
}

/** Length in bytes of the UTF-8 encoding, which is what Go's len and byte positions count. */
export function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Orders strings as Go does (bytewise on UTF-8, which is code point order). */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length < 0 ? -1 : a.length === b.length ? 0 : 1;
}
