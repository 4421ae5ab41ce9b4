import type { SyntaxNode, Tree } from "@lezer/common";
// The package's entry point exports the editor extension only; its type checker is exported from
// its `parser` folder. The CommonJS build is imported because the package is not marked as an ES
// module, so Node (the CLI, vitest) cannot load its ESM build; bundlers read either.
import { Parser } from "@prometheus-io/codemirror-promql/dist/cjs/parser/index.js";
import type { Problem } from "./syntax-error";

/**
 * Type checks of PromQL by the Prometheus project's own editor tooling: the `Parser` of
 * @prometheus-io/codemirror-promql (web/ui/module/codemirror-promql/src/parser/parser.ts), a port of
 * checkAST in promql/parser/parse.go over the same lezer tree: argument types and counts of
 * functions, aggregation parameters, operand types of binary and unary operators, `bool`, vector
 * matching, subqueries.
 *
 * It runs without an editor: the Parser reads the tree through `syntaxTree(state)` (which asks the
 * state for its language field's `tree`) and text through `state.sliceDoc`, so a two-method object
 * stands in for the EditorState. A real EditorState would not do under Node: the package's
 * CommonJS build loads @codemirror/state's CommonJS build, a different instance from the ESM one an
 * importer gets, and CodeMirror refuses extensions from another instance.
 *
 * Its messages differ from Prometheus's in a few words (`matrix` for "range vector", no operator
 * name in set-operator messages), so they are reworded here; checks this module leaves to
 * structure-checks.ts (vector selectors, `@`, `anchored`/`smoothed`, aggregation arity) are dropped.
 */

const DOCUMENTED_TYPE: Readonly<Record<string, string>> = {
  vector: "instant vector",
  matrix: "range vector",
  scalar: "scalar",
  string: "string",
  none: "none",
};

function documented(type: string): string {
  return DOCUMENTED_TYPE[type] ?? type;
}

/** Diagnostics whose check structure-checks.ts does in Prometheus's own terms. */
const LEFT_TO_STRUCTURE_CHECKS = [
  /^vector selector must contain/,
  /^metric name must not be set twice/,
  /^@ modifier must be preceded/,
  /^unable to find the parameter/,
  /^aggregation operator expected/,
  /^smoothed\/anchored expression/,
  /^range\(\) is not meaningful/,
  /^offset requires a duration expression/,
  /^unexpected expression/,
  /^expected label selectors as the second argument/,
];

function binaryOperator(node: SyntaxNode, text: string): { from: number; op: string } {
  const left = node.firstChild;
  const right = node.lastChild;
  let from = left ? left.to : node.from;
  const to = right ? right.from : node.to;
  for (let child = left?.nextSibling; child && child !== right; child = child.nextSibling) {
    if (!child.type.is("Expr")) {
      from = child.from;
      return { from, op: text.slice(child.from, child.to).toLowerCase() };
    }
  }
  return { from, op: text.slice(from, to).trim().toLowerCase() };
}

function reword(message: string, node: SyntaxNode, text: string): Problem | undefined {
  let match = /^expected type (\w+) in (.*), got (\w+)$/.exec(message);
  if (match) {
    return {
      position: node.from,
      message: `expected type ${documented(match[1] ?? "")} in ${match[2]}, got ${documented(match[3] ?? "")}`,
    };
  }
  match = /^unary expression only allowed on expressions of type scalar or instant vector, got (\w+)$/.exec(
    message,
  );
  if (match) {
    return {
      position: node.from,
      message: `unary expression only allowed on expressions of type scalar or instant vector, got "${documented(match[1] ?? "")}"`,
    };
  }
  match = /^subquery is only allowed on instant vector, got (\w+) in \w+ instead$/.exec(message);
  if (match) {
    return {
      position: node.from,
      message: `subquery is only allowed on instant vector, got ${match[1]} instead`,
    };
  }
  if (message === "comparisons between scalars must use BOOL modifier") {
    return { position: binaryOperator(node, text).from, message };
  }
  if (/^label ".*" must not occur in ON and GROUP clause at once$/.test(message)) {
    return { position: binaryOperator(node, text).from, message };
  }
  if (message === "bool modifier can only be used on comparison operators") {
    return { position: binaryOperator(node, text).from, message };
  }
  if (message === "no grouping allowed for set operations") {
    return {
      position: node.from,
      message: `no grouping allowed for "${binaryOperator(node, text).op}" operation`,
    };
  }
  if (message === "set operator not allowed in binary scalar expression") {
    return {
      position: node.from,
      message: `set operator "${binaryOperator(node, text).op}" not allowed in binary scalar expression`,
    };
  }
  if (LEFT_TO_STRUCTURE_CHECKS.some((pattern) => pattern.test(message))) return undefined;
  return { position: node.from, message };
}

/**
 * Type errors of a tree without syntax errors, worded as Prometheus words them, in the order
 * Prometheus's checkAST finds them (the Parser's order of discovery, before getDiagnostics sorts
 * them by position).
 */
export function typeProblems(tree: Tree, text: string): Problem[] {
  const state = {
    field: () => ({ tree }),
    sliceDoc: (from = 0, to = text.length) => text.slice(from, to),
  };
  const parser = new Parser(state as unknown as ConstructorParameters<typeof Parser>[0]);
  parser.analyze();
  const found = (parser as unknown as { diagnostics?: unknown }).diagnostics;
  const inOrder = Array.isArray(found)
    ? (found.slice() as ReturnType<Parser["getDiagnostics"]>)
    : parser.getDiagnostics();
  const problems: Problem[] = [];
  for (const diagnostic of inOrder) {
    if (diagnostic.severity !== "error") continue;
    const node = tree.resolveInner(diagnostic.from, 1);
    let at: SyntaxNode | null = node;
    while (at && (at.from !== diagnostic.from || at.to !== diagnostic.to)) at = at.parent;
    const problem = reword(diagnostic.message, at ?? node, text);
    if (problem) problems.push(problem);
  }
  return problems;
}
