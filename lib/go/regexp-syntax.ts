/**
 * RE2 syntax pieces both Go-regexp translations share (routing's anchored matcher translator in
 * lib/alerting/routing/go-regexp.ts and text/template's regexReplaceAll in
 * lib/alerting/templates/go-regexp.ts): the POSIX classes and JavaScript-escaping of literal text.
 */

/** RE2's `[:name:]` classes as JavaScript class contents (ASCII only, as in Go). */
export const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7F",
  blank: "\\t ",
  cntrl: "\\x00-\\x1F\\x7F",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-\\/:-@\\[-`{-~",
  space: "\\t\\n\\v\\f\\r ",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f",
};

/** Literal text as a JavaScript pattern that matches exactly it (valid with or without the `u` flag). */
export function escapeRegExpLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
}
