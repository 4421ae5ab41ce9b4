import type { Matcher } from "../../model/alertmanager";

/**
 * Alertmanager 0.25's matcher syntax (pkg/labels/parse.go), used by `matchers:` in routes and
 * inhibit rules and by amtool's label arguments: `name op value`, the value optionally in double
 * quotes with OpenMetrics escapes (`\"`, `\n`, `\\`; any other backslash is literal).
 */

export class MatcherSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MatcherSyntaxError";
  }
}

// '=~' before '=' so that '~' is not left to the value; (?s) lets values span lines.
const MATCHER = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(=~|=|!=|!~)\s*([\s\S]*?)\s*$/;

/** One matcher, as labels.ParseMatcher reads it; throws MatcherSyntaxError with Go's message. */
export function parseMatcher(text: string): Matcher {
  const parts = MATCHER.exec(text);
  if (!parts) throw new MatcherSyntaxError(`bad matcher format: ${text}`);
  const [, label = "", op = "=", raw3 = ""] = parts;
  let raw = raw3;
  let expectTrailingQuote = false;
  if (raw.startsWith('"')) {
    raw = raw.slice(1);
    expectTrailingQuote = true;
  }
  let value = "";
  let escaped = false;
  const chars = [...raw];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (escaped) {
      escaped = false;
      if (c === "n") value += "\n";
      else if (c === '"' || c === "\\") value += c;
      else value += `\\${c}`;
      continue;
    }
    if (c === "\\") {
      if (i < chars.length - 1) escaped = true;
      else value += "\\";
    } else if (c === '"') {
      if (!expectTrailingQuote || i < chars.length - 1)
        throw new MatcherSyntaxError(`matcher value contains unescaped double quote: ${raw3}`);
      expectTrailingQuote = false;
    } else {
      value += c;
    }
  }
  if (expectTrailingQuote)
    throw new MatcherSyntaxError(`matcher value contains unescaped double quote: ${raw3}`);
  return { label, op: op as Matcher["op"], value };
}

/** A comma-separated list, optionally in braces, as labels.ParseMatchers splits it. */
export function parseMatchers(text: string): Matcher[] {
  let s = text.startsWith("{") ? text.slice(1) : text;
  if (s.endsWith("}")) s = s.slice(0, -1);
  const tokens: string[] = [];
  let insideQuotes = false;
  let escaped = false;
  let token = "";
  for (const c of s) {
    if (c === "," && !insideQuotes) {
      tokens.push(token);
      token = "";
      continue;
    }
    if (c === '"') {
      if (!escaped) insideQuotes = !insideQuotes;
      else escaped = false;
    } else if (c === "\\") {
      escaped = !escaped;
    } else {
      escaped = false;
    }
    token += c;
  }
  if (token.trim() !== "") tokens.push(token.trim());
  return tokens.map(parseMatcher);
}

/** OpenMetrics escaping, as Matcher.String writes a value: `\`, newline and `"`. */
export function escapeMatcherValue(value: string): string {
  return value.replaceAll("\\", "\\\\").replaceAll("\n", "\\n").replaceAll('"', '\\"');
}

/** `severity="critical"`, as Alertmanager prints a matcher and reads it back unchanged. */
export function formatMatcherText(matcher: Matcher): string {
  return `${matcher.label}${matcher.op}"${escapeMatcherValue(matcher.value)}"`;
}
