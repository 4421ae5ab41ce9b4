import type { Tree } from "@lezer/common";
import { parser } from "@prometheus-io/lezer-promql";

/**
 * PromQL parsed by Prometheus's own lezer grammar, without any of parse.ts's checks: what code
 * that only reads an expression's structure needs (the model's upgrade of stored alert rules finds
 * a rule's panel by metric names). Apart from parse.ts because the checks pull CodeMirror's
 * language package (through codemirror-promql's type tables), which the model, and with it every
 * page that reads a project, should not carry.
 */

/**
 * Grafana's template variables are not PromQL; swap them for text that parses in the same places,
 * keeping offsets unchanged so error positions still point into the original query.
 */
export function neutralizeGrafanaVariables(expr: string): string {
  // A range variable becomes a five-second range spelled with leading zeros (`[$__rate_interval]`
  // → `[000000000000005s]`): as long as the variable, and never out of Prometheus's duration range.
  const range = (match: string) => `[${"5s".padStart(match.length - 2, "0")}]`;
  return expr
    .replace(/\[\$\{?__(?:rate_)?interval(?:_ms)?\}?\]/g, range)
    .replace(/\[\$\{?__range(?:_s|_ms)?\}?\]/g, range)
    .replace(/\[\$\{?(\w+)\}?\]/g, range)
    .replace(/\$\{(\w+)(?::\w+)?\}|\$(\w+)/g, (match) => `v${"_".repeat(match.length - 1)}`);
}

/**
 * Validation, the README and the live lint all parse the same expressions; lezer trees are
 * immutable, so a bounded cache keyed by text lets each expression be parsed once per bundle.
 */
const treeCache = new Map<string, Tree>();
/** Most trees (and, in parse.ts, analyses) kept; past it the cache starts again. */
export const TREE_CACHE_LIMIT = 20_000;

/** The lezer tree of `text`, parsed once per text (cached). */
export function parseTree(text: string): Tree {
  let tree = treeCache.get(text);
  if (!tree) {
    if (treeCache.size >= TREE_CACHE_LIMIT) treeCache.clear();
    tree = parser.parse(text);
    treeCache.set(text, tree);
  }
  return tree;
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
