import type { SyntaxNode } from "@lezer/common";
import { parser } from "@prometheus-io/lezer-promql";
import { parseNumber } from "../../promql/go-number";
import { lexPromql } from "../../promql/lexer";
import { lezerText } from "../../promql/lezer-text";
import { withPrometheusPrecedence } from "../../promql/tree-repair";
import type { ResultSeries } from "./types";

/**
 * Most alert expressions are `<query> <comparison> <number>`. Split there, the backtest queries
 * `<query>` once: it draws the chart, and the comparison is applied here, exactly as Prometheus
 * applies a filter comparison between a vector and a scalar (keep the vector's sample, labels and
 * value, when `value op threshold`; NaN compares false), so an edited threshold needs no query.
 */

export type ComparisonOperator = ">" | ">=" | "<" | "<=" | "==" | "!=";

export interface ThresholdSplit {
  /** The query without the comparison. */
  query: string;
  operator: ComparisonOperator;
  threshold: number;
  /** `<number> <op> <query>`: the number is on the left. */
  numberFirst: boolean;
  /** Where the number is written in the expression, to edit it. */
  numberFrom: number;
  numberTo: number;
}

const OPERATORS: Readonly<Record<string, ComparisonOperator>> = {
  Gtr: ">",
  Gte: ">=",
  Lss: "<",
  Lte: "<=",
  Eql: "==",
  Neq: "!=",
};

function unwrap(node: SyntaxNode | null): SyntaxNode | null {
  let current = node;
  while (current?.name === "ParenExpr") current = current.firstChild;
  return current;
}

/** The split of `expr` at a top-level comparison with a number, or undefined when it has none. */
export function splitThreshold(expr: string): ThresholdSplit | undefined {
  const lexed = lexPromql(expr);
  if (lexed.error) return undefined;
  const tree = withPrometheusPrecedence(parser.parse(lezerText(expr, lexed.items)));
  let broken = false;
  tree.iterate({
    enter(node) {
      if (node.type.isError) broken = true;
      return !broken;
    },
  });
  if (broken) return undefined;
  const top = unwrap(tree.topNode.firstChild);
  if (top?.name !== "BinaryExpr") return undefined;
  const children: SyntaxNode[] = [];
  for (let child = top.firstChild; child; child = child.nextSibling) children.push(child);
  // left, operator, right: no `bool`, no on()/ignoring() (meaningless with a number anyway).
  if (children.length !== 3) return undefined;
  const [left, op, right] = children as [SyntaxNode, SyntaxNode, SyntaxNode];
  const operator = OPERATORS[op.name];
  if (!operator) return undefined;
  const leftNumber = unwrap(left)?.name === "NumberDurationLiteral";
  const rightNumber = unwrap(right)?.name === "NumberDurationLiteral";
  if (leftNumber === rightNumber) return undefined;
  const number = unwrap(leftNumber ? left : right) as SyntaxNode;
  const query = leftNumber ? right : left;
  const parsed = parseNumber(expr.slice(number.from, number.to));
  if (!parsed.ok) return undefined;
  return {
    query: expr.slice(query.from, query.to),
    operator,
    threshold: parsed.value,
    numberFirst: leftNumber,
    numberFrom: number.from,
    numberTo: number.to,
  };
}

/** The expression with its threshold number replaced. */
export function withThreshold(expr: string, split: ThresholdSplit, threshold: number): string {
  const text = Number.isFinite(threshold) ? String(threshold) : threshold > 0 ? "Inf" : "-Inf";
  return `${expr.slice(0, split.numberFrom)}${text}${expr.slice(split.numberTo)}`;
}

function compare(operator: ComparisonOperator, left: number, right: number): boolean {
  switch (operator) {
    case ">":
      return left > right;
    case ">=":
      return left >= right;
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case "==":
      return left === right;
    case "!=":
      return left !== right;
    default: {
      const never: never = operator;
      throw new Error(`unknown operator ${String(never)}`);
    }
  }
}

/** The comparison applied to the query's series: the samples Prometheus's filter would keep. */
export function applyThreshold(
  series: readonly ResultSeries[],
  split: Pick<ThresholdSplit, "operator" | "threshold" | "numberFirst">,
  value: (text: string) => number,
): ResultSeries[] {
  const out: ResultSeries[] = [];
  for (const one of series) {
    const kept = one.values.filter(([, text]) => {
      const v = value(text);
      return split.numberFirst
        ? compare(split.operator, split.threshold, v)
        : compare(split.operator, v, split.threshold);
    });
    if (kept.length > 0) out.push({ metric: one.metric, values: kept });
  }
  return out;
}
