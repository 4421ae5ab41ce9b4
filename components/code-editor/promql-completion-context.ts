import { isAggregation, isFunctionName, isKeyword } from "./promql-functions";

/**
 * What the PromQL editor should offer at the cursor, decided from the text alone (no parser: the
 * text being typed rarely parses). A small lexer reads the text up to the cursor; the innermost
 * open bracket and the tokens just before the cursor decide.
 */
export type PromqlCompletionContext =
  /** Where an expression starts: metric names, functions, aggregations, variables. */
  | { kind: "metric"; prefix: string; from: number }
  /** A name typed right before `(`: only functions and aggregations fit. */
  | { kind: "function"; prefix: string; from: number }
  /** Inside `metric{…}` (where: "matcher") or a `by (…)`/`on (…)` clause (where: "grouping"). */
  | { kind: "label-name"; prefix: string; from: number; metric?: string; where: "matcher" | "grouping" }
  /** Inside `{label="…"}` (quoted) or right after `label=` (unquoted: the quotes must be inserted). */
  | { kind: "label-value"; prefix: string; from: number; label: string; metric?: string; quoted: boolean }
  /** Inside `[…]` or after `offset`. */
  | { kind: "duration"; prefix: string; from: number }
  /** After a complete expression: by, without, offset, bool, on, ignoring, and, or, … */
  | { kind: "keyword"; prefix: string; from: number }
  | { kind: "none" };

type TokenType =
  | "ident"
  | "variable"
  | "number"
  | "string"
  | "open"
  | "close"
  | "comma"
  | "colon"
  | "matchOp"
  | "op"
  | "comment";

interface Token {
  type: TokenType;
  text: string;
  from: number;
  to: number;
  /** Strings: whether the closing quote was seen. */
  closed?: boolean;
}

const IDENT = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;
const VARIABLE = /\$(?:\{[^}]*\}?|\w*)/y;
const NUMBER =
  /(?:0x[0-9a-fA-F]+|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?(?:ms|[smhdwy])?(?:\d+(?:ms|[smhdwy]))*)/y;
const MATCH_OP = /=~|!~|!=|=(?!=)/y;
const OPERATOR = /==|>=|<=|[-+*/%^<>@]/y;

function matchAt(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}

/** Lexes PromQL; an unterminated string or comment runs to the end. */
export function lexPromql(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at] as string;
    if (/\s/.test(char)) {
      at++;
      continue;
    }
    if (char === "#") {
      const end = text.indexOf("\n", at);
      const to = end === -1 ? text.length : end;
      tokens.push({ type: "comment", text: text.slice(at, to), from: at, to });
      at = to;
      continue;
    }
    if (char === '"' || char === "'" || char === "`") {
      let end = at + 1;
      let closed = false;
      while (end < text.length) {
        const next = text[end];
        if (next === "\\" && char !== "`") {
          end += 2;
          continue;
        }
        if (next === char) {
          closed = true;
          end++;
          break;
        }
        if (next === "\n" && char !== "`") break;
        end++;
      }
      end = Math.min(end, text.length);
      tokens.push({ type: "string", text: text.slice(at, end), from: at, to: end, closed });
      at = end;
      continue;
    }
    const simple: Partial<Record<string, TokenType>> = {
      "(": "open",
      "{": "open",
      "[": "open",
      ")": "close",
      "}": "close",
      "]": "close",
      ",": "comma",
      ":": "colon",
    };
    const number = /[0-9.]/.test(char) ? matchAt(NUMBER, text, at) : undefined;
    const candidates: [TokenType, string | undefined][] = [
      ["variable", char === "$" ? matchAt(VARIABLE, text, at) : undefined],
      ["number", number],
      ["ident", number ? undefined : matchAt(IDENT, text, at)],
      ["matchOp", matchAt(MATCH_OP, text, at)],
      ["op", matchAt(OPERATOR, text, at)],
    ];
    const simpleType = simple[char];
    // Brackets, commas and a subquery's `:` are tokens of their own (a metric name never starts with `:` here).
    const found = simpleType
      ? undefined
      : candidates.find(([, value]) => value !== undefined && value !== "");
    if (found) {
      const [type, value] = found as [TokenType, string];
      tokens.push({ type, text: value, from: at, to: at + value.length });
      at += value.length;
      continue;
    }
    tokens.push({ type: simpleType ?? "op", text: char, from: at, to: at + 1 });
    at++;
  }
  return tokens;
}

const GROUPING_KEYWORDS = new Set(["by", "without"]);
const MATCHING_KEYWORDS = new Set(["on", "ignoring", "group_left", "group_right"]);
const CLAUSE_KEYWORDS = new Set(["by", "without", "on", "ignoring"]);

function isExpressionEnd(token: Token | undefined): boolean {
  if (!token) return false;
  switch (token.type) {
    case "ident":
      return !isKeyword(token.text) || /^(?:inf|nan)$/i.test(token.text);
    case "number":
    case "string":
    case "variable":
      return true;
    case "close":
      return true;
    default:
      return false;
  }
}

/** Index of the unclosed opener before `end`, if any. */
function openerIndex(tokens: readonly Token[], end: number): number {
  let depth = 0;
  for (let index = end - 1; index >= 0; index--) {
    const token = tokens[index] as Token;
    if (token.type === "close") depth++;
    else if (token.type === "open") {
      if (depth === 0) return index;
      depth--;
    }
  }
  return -1;
}

/** Index of the token closing the opener at `open`, or tokens.length when unclosed. */
function closerIndex(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let index = open; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    if (token.type === "open") depth++;
    else if (token.type === "close") {
      depth--;
      if (depth === 0) return index;
    }
  }
  return tokens.length;
}

/** The first metric name selected among `tokens` (skipping functions, keywords, label matchers). */
export function firstMetricName(tokens: readonly Token[]): string | undefined {
  let braceDepth = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    const word = token.type === "ident" ? token.text.toLowerCase() : "";
    if ((GROUPING_KEYWORDS.has(word) || MATCHING_KEYWORDS.has(word)) && tokens[index + 1]?.text === "(") {
      // Label names in `by (…)`, `on (…)`: skip to the closing parenthesis.
      index = closerIndex(tokens, index + 1);
      continue;
    }
    if (token.type === "open" && token.text === "{") braceDepth++;
    if (token.type === "close" && token.text === "}") braceDepth = Math.max(0, braceDepth - 1);
    if (braceDepth > 0 || token.type !== "ident") continue;
    const next = tokens[index + 1];
    const previous = tokens[index - 1];
    if (next?.type === "open" && next.text === "(") continue;
    if (isKeyword(token.text) || isAggregation(token.text) || isFunctionName(token.text)) continue;
    if (previous?.type === "open" && previous.text === "[") continue;
    return token.text;
  }
  return undefined;
}

/** A metric named by `__name__="…"` among matchers. */
function nameMatcher(tokens: readonly Token[]): string | undefined {
  for (let index = 0; index + 2 < tokens.length; index++) {
    const [label, op, value] = [tokens[index], tokens[index + 1], tokens[index + 2]] as Token[];
    if (label?.text === "__name__" && op?.text === "=" && value?.type === "string" && value.closed) {
      return value.text.slice(1, -1);
    }
  }
  return undefined;
}

/** The metric whose labels a `{` at `open` filters: the name just before it, or its `__name__`. */
function selectorMetric(tokens: readonly Token[], open: number): string | undefined {
  const before = tokens[open - 1];
  if (before?.type === "ident" && before.to === tokens[open]?.from && !isKeyword(before.text)) {
    return before.text;
  }
  const close = closerIndex(tokens, open);
  return nameMatcher(tokens.slice(open + 1, close));
}

/** For `sum by (…) (x)` and `sum(x) by (…)`: the metric the aggregation reads. */
function groupingMetric(tokens: readonly Token[], keywordIndex: number, open: number): string | undefined {
  const beforeKeyword = tokens[keywordIndex - 1];
  if (beforeKeyword?.type === "close") {
    const bodyOpen = openerIndex(tokens, keywordIndex - 1);
    if (bodyOpen >= 0) return firstMetricName(tokens.slice(bodyOpen + 1, keywordIndex - 1));
  }
  const groupingClose = closerIndex(tokens, open);
  const bodyOpen = groupingClose + 1;
  if (tokens[bodyOpen]?.text === "(") {
    return firstMetricName(tokens.slice(bodyOpen + 1, closerIndex(tokens, bodyOpen)));
  }
  return firstMetricName(tokens);
}

/** What to complete in `text` with the cursor at `offset`. */
export function promqlCompletionContext(text: string, offset: number): PromqlCompletionContext {
  const all = lexPromql(text);
  // Tokens that start before the cursor; the one the cursor is in (or just after) is the "current" one.
  const before = all.filter((token) => token.from < offset);
  const current = before[before.length - 1];

  if (current && current.to >= offset && current.type === "comment") return { kind: "none" };
  if (current?.type === "string" && (current.to > offset || !current.closed)) {
    const open = openerIndex(before, before.length - 1);
    const op = before[before.length - 2];
    const label = before[before.length - 3];
    if (open >= 0 && before[open]?.text === "{" && op?.type === "matchOp" && label) {
      return {
        kind: "label-value",
        prefix: text.slice(current.from + 1, offset),
        from: current.from + 1,
        label: label.type === "string" ? label.text.slice(1, -1) : label.text,
        metric: selectorMetric(all, open),
        quoted: true,
      };
    }
    return { kind: "none" };
  }

  // The word being typed, if the cursor touches one.
  const typing =
    current && current.to === offset && ["ident", "variable", "number"].includes(current.type)
      ? current
      : undefined;
  const prefix = typing?.text ?? "";
  const from = typing?.from ?? offset;
  const previousTokens = typing ? before.slice(0, -1) : before;
  const previous = previousTokens[previousTokens.length - 1];
  const openIndex = openerIndex(previousTokens, previousTokens.length);
  const opener = openIndex >= 0 ? previousTokens[openIndex] : undefined;

  if (opener?.text === "{") {
    if (previous?.type === "matchOp") {
      const label = previousTokens[previousTokens.length - 2];
      if (!label) return { kind: "none" };
      return {
        kind: "label-value",
        prefix,
        from,
        label: label.type === "string" ? label.text.slice(1, -1) : label.text,
        metric: selectorMetric(all, openIndex),
        quoted: false,
      };
    }
    if (previous === opener || previous?.type === "comma") {
      return { kind: "label-name", prefix, from, metric: selectorMetric(all, openIndex), where: "matcher" };
    }
    return { kind: "none" };
  }
  if (opener?.text === "[") return { kind: "duration", prefix, from };
  if (opener?.text === "(") {
    const keyword = previousTokens[openIndex - 1];
    const word = keyword?.type === "ident" ? keyword.text.toLowerCase() : "";
    if (GROUPING_KEYWORDS.has(word)) {
      const metric = groupingMetric(all, openIndex - 1, openIndex);
      return { kind: "label-name", prefix, from, metric, where: "grouping" };
    }
    if (MATCHING_KEYWORDS.has(word)) {
      return { kind: "label-name", prefix, from, metric: firstMetricName(all), where: "grouping" };
    }
  }
  if (previous?.type === "ident" && previous.text.toLowerCase() === "offset") {
    return { kind: "duration", prefix, from };
  }
  if (previous?.type === "ident" && isAggregation(previous.text)) return { kind: "keyword", prefix, from };
  // `sum by |`, `x / on |`: only a `(` can follow.
  if (previous?.type === "ident" && CLAUSE_KEYWORDS.has(previous.text.toLowerCase())) return { kind: "none" };
  if (isExpressionEnd(previous)) return { kind: "keyword", prefix, from };
  if (typing?.type === "number") return { kind: "none" };
  const after = text.slice(typing ? typing.to : offset).match(/^\s*(\S)/)?.[1];
  if (typing?.type === "ident" && after === "(") return { kind: "function", prefix, from };
  return { kind: "metric", prefix, from };
}
