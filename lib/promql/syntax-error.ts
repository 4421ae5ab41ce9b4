import type { SyntaxNode, Tree } from "@lezer/common";
import { describeItem, type Item, type ItemType, isAggregator } from "./lexer";

/**
 * The first syntax error of a lezer tree, worded as Prometheus's parser words it: the unexpected
 * token as lex.go describes it (`unexpected <by>`, `unexpected identifier "x"`), and, where
 * promql/parser/generated_parser.y has an error production for the place, its context and what it
 * expected there (`unexpected "=" in label matching, expected string`).
 */

export interface Problem {
  position: number;
  message: string;
}

const MATCH_OPS: ReadonlySet<ItemType> = new Set(["EQL", "NEQ", "EQL_REGEX", "NEQ_REGEX"]);

type Context =
  | { kind: "none" }
  | { kind: "braces" }
  | { kind: "grouping"; open: boolean }
  | { kind: "bracket"; value: boolean; colon: boolean }
  | { kind: "aggregation" };

type ParenKind = "grouping" | "aggregation" | "other";

/** Binary operators and `bool`: after one, an operand must follow. */
export const OPERATORS: ReadonlySet<ItemType> = new Set<ItemType>([
  "ADD",
  "SUB",
  "MUL",
  "DIV",
  "MOD",
  "POW",
  "ATAN2",
  "EQLC",
  "NEQ",
  "LTE",
  "LSS",
  "GTE",
  "GTR",
  "TRIM_UPPER",
  "TRIM_LOWER",
  "LAND",
  "LOR",
  "LUNLESS",
  "BOOL",
]);

/**
 * Which of generated_parser.y's error productions would catch an error at item `index`: inside
 * braces (label matching), grouping labels, a range or subquery, or an aggregation (whose error
 * production catches what goes wrong in its body, function calls having none), or none.
 */
function contextBefore(items: readonly Item[], index: number): Context {
  const parens: ParenKind[] = [];
  let braces = false;
  let bracket: { value: boolean; colon: boolean } | undefined;
  let groupingPending = false;
  let aggregationPending = false;
  let lastClosed: ParenKind | undefined;
  for (let i = 0; i < index; i++) {
    const item = items[i] as Item;
    const previous = items[i - 1];
    switch (item.type) {
      case "LEFT_BRACE":
        braces = true;
        break;
      case "RIGHT_BRACE":
        braces = false;
        break;
      case "LEFT_BRACKET":
        bracket = { value: false, colon: false };
        break;
      case "NUMBER":
      case "DURATION":
        if (bracket) bracket.value = true;
        break;
      case "COLON":
        if (bracket) bracket.colon = true;
        break;
      case "RIGHT_BRACKET":
        bracket = undefined;
        break;
      case "LEFT_PAREN":
        if (groupingPending) parens.push("grouping");
        else if (aggregationPending || (previous && isAggregator(previous.type))) parens.push("aggregation");
        else parens.push("other");
        if (groupingPending) groupingPending = false;
        else aggregationPending = false;
        break;
      case "RIGHT_PAREN":
        lastClosed = parens.pop();
        if (lastClosed !== "grouping") aggregationPending = false;
        break;
      case "BY":
      case "WITHOUT":
        if (
          previous &&
          (isAggregator(previous.type) || (previous.type === "RIGHT_PAREN" && lastClosed === "aggregation"))
        ) {
          groupingPending = true;
          aggregationPending = previous.type !== "RIGHT_PAREN";
        }
        break;
      case "ON":
      case "IGNORING":
        if (previous && OPERATORS.has(previous.type)) groupingPending = true;
        break;
      case "GROUP_LEFT":
      case "GROUP_RIGHT":
        if (previous?.type === "RIGHT_PAREN" && lastClosed === "grouping") groupingPending = true;
        break;
      default:
        if (parens[parens.length - 1] !== "grouping") aggregationPending = false;
    }
  }
  if (braces) return { kind: "braces" };
  if (parens[parens.length - 1] === "grouping") return { kind: "grouping", open: true };
  if (groupingPending) return { kind: "grouping", open: false };
  if (bracket) return { kind: "bracket", ...bracket };
  if (aggregationPending || parens.includes("aggregation")) return { kind: "aggregation" };
  return { kind: "none" };
}

function inFunctionArguments(node: SyntaxNode | null): boolean {
  for (let at = node; at; at = at.parent) {
    if (at.name === "FunctionCallBody") return true;
    if (at.name === "LabelMatchers" || at.name === "GroupingLabels") return false;
  }
  return false;
}

/** The message for an unexpected item, with Prometheus's context where its grammar gives one. */
function unexpectedMessage(items: readonly Item[], index: number, errorNode: SyntaxNode): Problem {
  const item = items[index];
  const previous = items[index - 1];
  const unexpected = `unexpected ${describeItem(item)}`;
  const position = item?.pos ?? (previous ? previous.pos + previous.val.length : 0);
  if (item?.type === "LEFT_PAREN" && previous?.type === "IDENTIFIER") {
    return { position: previous.pos, message: `unknown function with name "${previous.val}"` };
  }
  if (item?.type === "RIGHT_PAREN" && previous?.type === "COMMA" && inFunctionArguments(errorNode)) {
    return { position: previous.pos, message: "trailing commas not allowed in function call args" };
  }
  const context = contextBefore(items, index);
  const at = (where: string, expected: string): Problem => ({
    position,
    message: `${unexpected} in ${where}${expected ? `, expected ${expected}` : ""}`,
  });
  if (previous?.type === "OFFSET" || (previous?.type === "SUB" && items[index - 2]?.type === "OFFSET")) {
    return at("offset", "number, duration, step(), or range()");
  }
  if (previous?.type === "AT") return at("@", "timestamp");
  switch (context.kind) {
    case "braces":
      if (previous?.type === "LEFT_BRACE" || previous?.type === "COMMA") {
        return at("label matching", 'identifier or "}"');
      }
      if (previous?.type === "IDENTIFIER") return at("label matching", "label matching operator");
      if (previous && MATCH_OPS.has(previous.type)) return at("label matching", "string");
      return at("label matching", '"," or "}"');
    case "grouping":
      if (!context.open) return at("grouping opts", '"("');
      if (previous?.type === "LEFT_PAREN" || previous?.type === "COMMA") return at("grouping opts", "label");
      return at("grouping opts", '"," or ")"');
    case "bracket":
      if (!context.value) return at("subquery or range selector", "number, duration, step(), or range()");
      if (previous?.type === "COLON") {
        return at("subquery selector", 'number, duration, step(), range(), or "]"');
      }
      if (context.colon) return at("subquery selector", '"]"');
      return at("subquery or range", '":" or "]"');
    case "aggregation":
      return at("aggregation", "");
    case "none":
      return { position, message: unexpected };
  }
}

function firstErrorNode(tree: Tree): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  tree.iterate({
    enter(node) {
      if (found) return false;
      if (node.type.isError) {
        found = node.node;
        return false;
      }
      return true;
    },
  });
  return found;
}

/**
 * The first syntax error of the tree, or undefined when there is none. `lexed` are the lexer's items
 * up to the end or to its first error; a syntax error past them is left to that lexical error, which
 * Prometheus's parser meets first.
 */
export function syntaxProblem(tree: Tree, lexed: readonly Item[], lexError: boolean): Problem | undefined {
  const errorNode = firstErrorNode(tree);
  if (!errorNode) return undefined;
  const items = lexed.filter((item) => item.type !== "EOF");
  let index = items.findIndex((item) => item.pos + item.val.length > errorNode.from);
  if (index < 0) {
    if (lexError) return undefined;
    index = items.length;
  }
  return unexpectedMessage(items, index, errorNode);
}
