import type { Tree } from "@lezer/common";
import { compatibilityWarnings, REMOVED_FUNCTIONS } from "./compatibility";
import { lexPromql } from "./lexer";
import { lezerText } from "./lezer-text";
import { neutralizeGrafanaVariables, parseTree, TREE_CACHE_LIMIT } from "./tree";
import { structureProblems } from "./structure-checks";
import { type Problem, syntaxProblem } from "./syntax-error";
import { withPrometheusPrecedence } from "./tree-repair";
import { typeProblems } from "./type-checks";

// Parsing alone (no checks) lives in tree.ts, so code that only reads metric names (the model's
// upgrade of stored rules) does not pull the checks and CodeMirror's language package with them.
export { metricNames, neutralizeGrafanaVariables } from "./tree";

export interface ParseProblem {
  /** 0-based character offset in the text that was given. */
  position: number;
  message: string;
}

/** What checking a PromQL expression found: the error Prometheus would stop at, and warnings. */
export interface PromqlAnalysis {
  /** The first error, worded as Prometheus words it; undefined when Prometheus 3 accepts it. */
  error: ParseProblem | undefined;
  /** What the expression needs beyond Prometheus 2.42 without feature flags (compatibility.ts). */
  warnings: ParseProblem[];
}

/** Describes the first syntax error in a lezer tree as `unexpected "x"` (LogQL's check uses it). */
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

function earliest(...problems: (Problem | undefined)[]): Problem | undefined {
  let first: Problem | undefined;
  for (const problem of problems) {
    if (problem && (!first || problem.position < first.position)) first = problem;
  }
  return first;
}

function withHint(problem: Problem): ParseProblem {
  const removed = /^unknown function with name "(\w+)"$/.exec(problem.message)?.[1];
  const hint = removed ? REMOVED_FUNCTIONS[removed] : undefined;
  return { position: problem.position, message: hint ? `${problem.message} (${hint})` : problem.message };
}

/**
 * Checks an expression as Prometheus's parser does (promql/parser): its lexer (lexer.ts), its
 * grammar (the lezer tree), the checks of its grammar actions (structure-checks.ts) and its type
 * checks (type-checks.ts). Like Prometheus, the first error in the text wins, and types are only
 * checked once everything else is right. Type errors at `typeUnknownAt` are left out: a Grafana
 * variable stands there, whose type only its value will tell.
 */
function analyze(expr: string, typeUnknownAt: ReadonlySet<number>): PromqlAnalysis {
  if (expr.trim() === "") return { error: { position: 0, message: "empty query" }, warnings: [] };
  const lexed = lexPromql(expr);
  if (!lexed.error && lexed.items.every((item) => item.type === "EOF")) {
    return { error: { position: 0, message: "no expression found in input" }, warnings: [] };
  }
  const tree = parseTree(lezerText(expr, lexed.items));
  const stop = earliest(lexed.error, syntaxProblem(tree, lexed.items, lexed.error !== undefined));
  const prometheusTree = stop ? tree : withPrometheusPrecedence(tree);
  // Prometheus's parser runs a grammar action when its construct ends, so that action's error comes
  // first when the construct ends before the lexical or syntax error; checkAST only runs after a
  // successful parse, and its errors come in the order it walks the tree.
  const problems = structureProblems(prometheusTree, expr, stop !== undefined);
  const firstAction = problems
    .filter((p) => p.phase === "action" && (!stop || p.end < stop.position))
    .sort((a, b) => a.end - b.end || a.position - b.position)[0];
  if (stop || firstAction) return { error: withHint(firstAction ?? (stop as Problem)), warnings: [] };
  const error =
    problems.find((p) => p.phase === "check") ??
    typeProblems(prometheusTree, expr).find((p) => !typeUnknownAt.has(p.position));
  if (error) return { error: withHint(error), warnings: [] };
  return { error: undefined, warnings: compatibilityWarnings(prometheusTree, expr, lexed.items) };
}

const NO_VARIABLES: ReadonlySet<number> = new Set();
const analysisCache = new Map<string, PromqlAnalysis>();
const dashboardAnalysisCache = new Map<string, PromqlAnalysis>();

function cached(
  cache: Map<string, PromqlAnalysis>,
  key: string,
  compute: () => PromqlAnalysis,
): PromqlAnalysis {
  let analysis = cache.get(key);
  if (!analysis) {
    if (cache.size >= TREE_CACHE_LIMIT) cache.clear();
    analysis = compute();
    cache.set(key, analysis);
  }
  return analysis;
}

/** The error and warnings of a PromQL expression (see analyze). */
export function analyzePromql(expr: string): PromqlAnalysis {
  return cached(analysisCache, expr, () => analyze(expr, NO_VARIABLES));
}

/** The first error of a PromQL expression, or undefined when Prometheus accepts it. */
export function checkPromql(expr: string): ParseProblem | undefined {
  return analyzePromql(expr).error;
}

/**
 * Like analyzePromql, for queries that may contain Grafana template variables: each is checked as
 * an identifier (neutralizeGrafanaVariables), and no type error is reported where one stands
 * (`topk($n, x)`: `$n` is a number once Grafana fills it in).
 */
export function analyzeDashboardPromql(expr: string): PromqlAnalysis {
  return cached(dashboardAnalysisCache, expr, () => {
    const variables = new Set([...expr.matchAll(/\$\{?\w/g)].map((match) => match.index));
    return analyze(neutralizeGrafanaVariables(expr), variables);
  });
}

/** Like checkPromql, for queries that may contain Grafana template variables. */
export function checkDashboardPromql(expr: string): ParseProblem | undefined {
  return analyzeDashboardPromql(expr).error;
}
