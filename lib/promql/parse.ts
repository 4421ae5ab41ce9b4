import type { Tree } from "@lezer/common";
import { parser } from "@prometheus-io/lezer-promql";

export interface ParseProblem {
  /** 0-based character offset in the text that was given. */
  position: number;
  message: string;
}

/** Describes the first syntax error in a lezer tree the way promtool words it: `unexpected ")"`. */
export function firstSyntaxError(tree: Tree, text: string): ParseProblem | undefined {
  let found: ParseProblem | undefined;
  tree.iterate({
    enter(node) {
      if (found) return false;
      if (!node.type.isError) return true;
      const position = node.from;
      const next = text.slice(position).match(/^\s*(\S)/);
      found = next
        ? { position: position + (next[0].length - 1), message: `unexpected "${next[1]}"` }
        : { position, message: "unexpected end of input" };
      return false;
    },
  });
  return found;
}

/**
 * Grafana's template variables are not PromQL; swap them for text that parses in the same places,
 * keeping offsets unchanged so error positions still point into the original query.
 */
export function neutralizeGrafanaVariables(expr: string): string {
  return expr
    .replace(
      /\[\$\{?__(?:rate_)?interval(?:_ms)?\}?\]/g,
      (match) => `[${"5".padEnd(match.length - 3, "0")}s]`,
    )
    .replace(/\[\$\{?__range(?:_s|_ms)?\}?\]/g, (match) => `[${"5".padEnd(match.length - 3, "0")}s]`)
    .replace(/\[\$\{?(\w+)\}?\]/g, (match) => `[${"5".padEnd(match.length - 3, "0")}s]`)
    .replace(/\$\{(\w+)(?::\w+)?\}|\$(\w+)/g, (match) => `v${"_".repeat(match.length - 1)}`);
}

/**
 * lezer's grammar accepts `rate(sum(x)[5m])`; Prometheus does not. This is the one semantic rule
 * of Prometheus's parser that catalog and imported queries are known to break.
 */
function firstSemanticError(tree: Tree): ParseProblem | undefined {
  let found: ParseProblem | undefined;
  tree.iterate({
    enter(node) {
      if (found) return false;
      if (node.name !== "MatrixSelector") return true;
      const inner = node.node.firstChild;
      if (inner && inner.name !== "VectorSelector") {
        found = { position: inner.from, message: "ranges only allowed for vector selectors" };
        return false;
      }
      return true;
    },
  });
  return found;
}

/**
 * Validation, the README and the live lint all parse the same expressions; lezer trees are
 * immutable, so a bounded cache keyed by text lets each expression be parsed once per bundle.
 */
const treeCache = new Map<string, Tree>();
const TREE_CACHE_LIMIT = 20_000;

function parseTree(text: string): Tree {
  let tree = treeCache.get(text);
  if (!tree) {
    if (treeCache.size >= TREE_CACHE_LIMIT) treeCache.clear();
    tree = parser.parse(text);
    treeCache.set(text, tree);
  }
  return tree;
}

/** The first parse error of a PromQL expression, or undefined when it parses. */
export function checkPromql(expr: string): ParseProblem | undefined {
  if (expr.trim() === "") return { position: 0, message: "empty query" };
  const tree = parseTree(expr);
  return firstSyntaxError(tree, expr) ?? firstSemanticError(tree);
}

/** Metric names a PromQL expression selects, in order of first use. */
export function metricNames(expr: string): string[] {
  const text = neutralizeGrafanaVariables(expr);
  const tree = parseTree(text);
  const names = new Set<string>();
  tree.iterate({
    enter(node) {
      if (node.name === "VectorSelector") {
        const first = node.node.firstChild;
        if (first?.name === "Identifier") names.add(text.slice(first.from, first.to));
        return false;
      }
      return true;
    },
  });
  return [...names];
}

/** Like checkPromql, for queries that may contain Grafana template variables. */
export function checkDashboardPromql(expr: string): ParseProblem | undefined {
  return checkPromql(neutralizeGrafanaVariables(expr));
}
