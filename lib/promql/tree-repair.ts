import { type NodeType, type SyntaxNode, Tree } from "@lezer/common";

/**
 * The lezer grammar of @prometheus-io/lezer-promql attaches postfix modifiers to a whole binary or
 * unary expression: it reads `a + b offset 5m` as `(a + b) offset 5m`, `a / b[5m:]` as a subquery
 * of `a / b`, and `-a @ 1` as `(-a) @ 1`. Prometheus's grammar gives `offset` and `[` the highest
 * precedence and shifts `@`, `anchored` and `smoothed` (promql/parser/generated_parser.y, the
 * `%nonassoc OFFSET` and `%right LEFT_BRACKET` declarations), so each of them binds to the
 * rightmost operand: `a + (b offset 5m)`, `a / (b[5m:])`, `-(a @ 1)`. Checked on lezer's shape,
 * `a + b offset 5m` would be refused and `a / b[5m:]` accepted, the opposite of Prometheus.
 *
 * This rebuilds an error-free tree with the modifiers moved onto the operand they belong to, so the
 * checks (and the type checker of @prometheus-io/codemirror-promql) see Prometheus's tree.
 */

const POSTFIX = new Set([
  "OffsetExpr",
  "StepInvariantExpr",
  "MatrixSelector",
  "SubqueryExpr",
  "AnchoredExpr",
  "SmoothedExpr",
]);

interface Shape {
  type: NodeType;
  from: number;
  to: number;
  children: Shape[];
}

function shapeOf(node: SyntaxNode): Shape {
  const children: Shape[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(shapeOf(child));
  return { type: node.type, from: node.from, to: node.to, children };
}

function reassociate(shape: Shape): Shape {
  const children = shape.children.map(reassociate);
  const node = { ...shape, children };
  const operand = children[0];
  if (!POSTFIX.has(node.type.name) || !operand) return node;
  if (operand.type.name !== "BinaryExpr" && operand.type.name !== "UnaryExpr") return node;
  const right = operand.children[operand.children.length - 1];
  if (!right) return node;
  const moved = reassociate({ ...node, from: right.from, children: [right, ...children.slice(1)] });
  return { ...operand, to: node.to, children: [...operand.children.slice(0, -1), moved] };
}

function build(shape: Shape): Tree {
  return new Tree(
    shape.type,
    shape.children.map(build),
    shape.children.map((child) => child.from - shape.from),
    shape.to - shape.from,
  );
}

function needsRepair(node: SyntaxNode): boolean {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (needsRepair(child)) return true;
  }
  const operand = node.firstChild?.name;
  return POSTFIX.has(node.name) && (operand === "BinaryExpr" || operand === "UnaryExpr");
}

/** The tree with postfix modifiers bound as Prometheus binds them (the same tree when they already are). */
export function withPrometheusPrecedence(tree: Tree): Tree {
  if (!needsRepair(tree.topNode)) return tree;
  const top = shapeOf(tree.topNode);
  return build({ ...reassociate(top), from: 0, to: tree.length });
}
