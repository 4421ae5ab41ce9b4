import { parser } from "@prometheus-io/lezer-promql";
import { parseDuration } from "../../model/common";
import { lexPromql } from "../../promql/lexer";
import { lezerText } from "../../promql/lezer-text";

/** The vector selectors an expression reads (`x{a="b"}`, without ranges or offsets), in order of first use. */
export function vectorSelectors(expr: string): string[] {
  const lexed = lexPromql(expr);
  if (lexed.error) return [];
  const tree = parser.parse(lezerText(expr, lexed.items));
  const found = new Set<string>();
  tree.iterate({
    enter(node) {
      if (node.name === "VectorSelector") {
        found.add(expr.slice(node.from, node.to));
        return false;
      }
      return true;
    },
  });
  return [...found];
}

/**
 * How far back of an evaluation the expression can read: the lookback delta (5 m) plus its longest
 * range or subquery range and its longest offset. Input series for a test start that far before.
 */
export function readsBackMs(expr: string): number {
  const durations = (pattern: RegExp): number[] =>
    [...expr.matchAll(pattern)].map((match) => parseDuration(match[1] as string) ?? 0);
  const ranges = durations(/\[\s*([0-9][0-9a-z]*)\s*(?::[^\]]*)?\]/g);
  const offsets = durations(/\boffset\s+([0-9][0-9a-z]*)/g);
  return 300_000 + Math.max(0, ...ranges) + Math.max(0, ...offsets);
}
