import { parseDuration } from "./go-number";
import type { Item } from "./lexer";
import { OPERATORS } from "./syntax-error";

/** Items after which `offset` is a metric name, not the modifier: where an expression starts. */
const EXPRESSION_START = new Set<string>(["LEFT_PAREN", "COMMA", ...OPERATORS]);

const MATCHING_CLAUSES = new Set(["ON", "IGNORING", "GROUP_LEFT", "GROUP_RIGHT"]);

/** Whether an expression starts at item `index`: at the start, after an operator, `(`, `,` or `on(…)`. */
function startsExpression(items: readonly Item[], index: number): boolean {
  const previous = items[index - 1];
  if (!previous || EXPRESSION_START.has(previous.type)) return true;
  if (previous.type !== "RIGHT_PAREN") return false;
  let depth = 0;
  for (let i = index - 1; i >= 0; i--) {
    const type = items[i]?.type;
    if (type === "RIGHT_PAREN") depth++;
    if (type === "LEFT_PAREN" && --depth === 0) return MATCHING_CLAUSES.has(items[i - 1]?.type ?? "");
  }
  return false;
}

/**
 * The text lezer is given. Prometheus's lexer reads a few things lezer's grammar does not: `5.`,
 * `0X1F`, a metric named `offset`, and durations such as `5m1h` that it lexes and only then
 * refuses. Comments become spaces: Prometheus's lexer drops them, while lezer keeps them as nodes and
 * codemirror-promql's type check reads the tree's first child as the expression, so a leading
 * comment hid every type error. Those tokens are respelled, at the same length, as tokens lezer reads in the same role
 * (the checks take values from the original text, so `5m1h` still gets Prometheus's error).
 */
export function lezerText(expr: string, items: readonly Item[]): string {
  let text = withoutComments(expr, items);
  const respell = (at: number, value: string) => {
    text = text.slice(0, at) + value + text.slice(at + value.length);
  };
  items.forEach((item, index) => {
    if (item.type === "NUMBER" && /^[0-9_]+\.$/.test(item.val)) {
      respell(item.pos, `${item.val.slice(0, -1)} `);
    } else if (item.type === "NUMBER" && item.val.startsWith("0X")) {
      respell(item.pos, "0x");
    } else if (item.type === "DURATION" && !parseDuration(item.val).ok) {
      respell(item.pos, `${"1".padEnd(item.val.length - 1, "0")}s`);
    } else if (item.type === "OFFSET" && startsExpression(items, index)) {
      respell(item.pos, `_${item.val.slice(1)}`);
    }
  });
  return text;
}

/** The text with each `#` comment (outside every token, so not one in a string) blanked to its line's end. */
function withoutComments(expr: string, items: readonly Item[]): string {
  if (!expr.includes("#")) return expr;
  let text = "";
  let at = 0;
  const blankFrom = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const c = expr[i] ?? "";
      if (c === "#") {
        const end = expr.indexOf("\n", i);
        const stop = end === -1 || end > to ? to : end;
        text += " ".repeat(stop - i);
        i = stop - 1;
      } else text += c;
    }
  };
  for (const item of items) {
    if (item.pos < at) continue;
    blankFrom(at, item.pos);
    text += expr.slice(item.pos, item.pos + item.val.length);
    at = item.pos + item.val.length;
  }
  blankFrom(at, expr.length);
  return text;
}
