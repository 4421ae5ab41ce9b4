import type { SyntaxNode } from "@lezer/common";
import { parser } from "@prometheus-io/lezer-promql";
import { checkDashboardPromql, neutralizeGrafanaVariables } from "../../lib/promql/parse";

/**
 * A PromQL pretty-printer that never changes what a query means: it prints the parser's tree back
 * token by token, never adding or dropping a parenthesis. What it changes is spacing (one space
 * around binary operators, after commas, before a grouping's parenthesis), keyword case
 * (`BY` → `by`), and where an aggregation's `by`/`without` clause sits (`sum(x) by (a)` →
 * `sum by (a) (x)`, which Prometheus reads the same). Lines longer than the width are broken at
 * the outermost binary operators first, then at function and aggregation arguments, with a
 * two-space indent. Queries that do not parse, or that carry `#` comments, come back unchanged.
 * Grafana variables (`$__rate_interval`, `$job`, `${var}`) are kept as written.
 */

export interface FormatPromqlOptions {
  /** Longest line before breaking; `Infinity` keeps everything on one line. Default 80. */
  width?: number;
}

const DEFAULT_WIDTH = 80;
const INDENT = 2;

const BINARY_PRECEDENCE: Readonly<Record<string, number>> = {
  Pow: 6,
  Mul: 5,
  Div: 5,
  Mod: 5,
  Atan2: 5,
  Add: 4,
  Sub: 4,
  Eql: 3,
  Gte: 3,
  Gtr: 3,
  Lte: 3,
  Lss: 3,
  Neq: 3,
  TrimUpper: 3,
  TrimLower: 3,
  And: 2,
  Unless: 2,
  Or: 1,
};

/** Node names of the `expr` group: everything that can stand as an operand. */
const EXPRESSION_NODES = new Set([
  "AggregateExpr",
  "BinaryExpr",
  "FunctionCall",
  "MatrixSelector",
  "NumberDurationLiteral",
  "OffsetExpr",
  "AnchoredExpr",
  "SmoothedExpr",
  "ParenExpr",
  "StringLiteral",
  "SubqueryExpr",
  "UnaryExpr",
  "VectorSelector",
  "StepInvariantExpr",
]);

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) out.push(child);
  return out;
}

function hasComment(node: SyntaxNode): boolean {
  const cursor = node.cursor();
  do {
    if (cursor.name === "LineComment") return true;
  } while (cursor.next());
  return false;
}

function pad(width: number): string {
  return " ".repeat(width);
}

class PromqlPrinter {
  constructor(
    /** The query as written: leaves are printed from here, so Grafana variables survive. */
    private readonly source: string,
    private readonly width: number,
  ) {}

  private text(node: SyntaxNode): string {
    return this.source.slice(node.from, node.to);
  }

  /** A token run without its inner whitespace (durations, `fill(0)`); safe where no strings occur. */
  private compact(node: SyntaxNode): string {
    return this.text(node).replace(/\s+/g, "");
  }

  private expressions(node: SyntaxNode): SyntaxNode[] {
    return children(node).filter((child) => EXPRESSION_NODES.has(child.name));
  }

  private child(node: SyntaxNode, name: string): SyntaxNode | undefined {
    return children(node).find((child) => child.name === name);
  }

  private fits(indent: number, text: string, tail: number): boolean {
    return !text.includes("\n") && indent + text.length + tail <= this.width;
  }

  /** The expression on one line. */
  flat(node: SyntaxNode): string {
    return this.layout(node, 0, 0, false);
  }

  /**
   * The expression starting at column `indent`, followed by `tail` more characters on its last
   * line. Lines after the first carry their own indentation.
   */
  print(node: SyntaxNode, indent: number, tail: number): string {
    const flat = this.flat(node);
    if (this.fits(indent, flat, tail)) return flat;
    return this.layout(node, indent, tail, true);
  }

  private layout(node: SyntaxNode, indent: number, tail: number, broken: boolean): string {
    const sub = (child: SyntaxNode, childIndent: number, childTail: number): string =>
      broken ? this.print(child, childIndent, childTail) : this.flat(child);
    switch (node.name) {
      case "BinaryExpr":
        return this.binary(node, indent, broken);
      case "AggregateExpr":
        return this.aggregate(node, indent, broken);
      case "FunctionCall": {
        const name = this.text(this.child(node, "FunctionIdentifier") ?? node);
        const body = this.child(node, "FunctionCallBody");
        return `${name}${this.arguments(body, indent, broken)}`;
      }
      case "ParenExpr": {
        const [inner] = this.expressions(node);
        if (!inner) return this.text(node);
        if (!broken) return `(${this.flat(inner)})`;
        const innerIndent = indent + INDENT;
        return `(\n${pad(innerIndent)}${this.print(inner, innerIndent, 0)}\n${pad(indent)})`;
      }
      case "MatrixSelector":
      case "SubqueryExpr": {
        const [inner] = this.expressions(node);
        const range = this.rangeSuffix(node);
        if (!inner) return this.text(node);
        return `${sub(inner, indent, tail + range.length)}${range}`;
      }
      case "OffsetExpr": {
        const [inner] = this.expressions(node);
        const duration = this.child(node, "OffsetDurationExpr");
        if (!inner || !duration) return this.text(node);
        const suffix = ` offset ${this.compact(duration)}`;
        return `${sub(inner, indent, tail + suffix.length)}${suffix}`;
      }
      case "StepInvariantExpr": {
        const [inner] = this.expressions(node);
        if (!inner) return this.text(node);
        const suffix = ` @ ${this.atValue(node)}`;
        return `${sub(inner, indent, tail + suffix.length)}${suffix}`;
      }
      case "AnchoredExpr":
      case "SmoothedExpr": {
        const [inner] = this.expressions(node);
        const keyword = node.lastChild;
        if (!inner || !keyword) return this.text(node);
        const suffix = ` ${this.text(keyword).toLowerCase()}`;
        return `${sub(inner, indent, tail + suffix.length)}${suffix}`;
      }
      case "UnaryExpr": {
        const [inner] = this.expressions(node);
        const op = this.child(node, "UnaryOp");
        if (!inner || !op) return this.text(node);
        const operand = sub(inner, indent + 1, tail);
        // `- -1` must not become `--1`.
        const gap = /^[-+]/.test(operand) ? " " : "";
        return `${this.text(op)}${gap}${operand}`;
      }
      case "VectorSelector":
        return this.selector(node);
      default:
        // NumberDurationLiteral, StringLiteral: exactly as written.
        return this.text(node);
    }
  }

  private rangeSuffix(node: SyntaxNode): string {
    const durations = children(node).filter((child) => child.name === "DurationExpr");
    const [range, step] = durations;
    const rangeText = range ? this.compact(range) : "";
    if (node.name === "MatrixSelector") return `[${rangeText}]`;
    return `[${rangeText}:${step ? this.compact(step) : ""}]`;
  }

  private atValue(node: SyntaxNode): string {
    const preprocessor = this.child(node, "AtModifierPreprocessors");
    if (preprocessor) return `${this.text(preprocessor).toLowerCase()}()`;
    const value = this.child(node, "NumberDurationLiteral");
    return value ? this.text(value) : "";
  }

  private selector(node: SyntaxNode): string {
    const name = this.child(node, "Identifier");
    const matchers = this.child(node, "LabelMatchers");
    const parts = matchers ? children(matchers).map((matcher) => this.matcher(matcher)) : [];
    const nameText = name ? this.text(name) : "";
    if (parts.length === 0) return name ? nameText : "{}";
    return `${nameText}{${parts.join(", ")}}`;
  }

  private matcher(node: SyntaxNode): string {
    if (node.name === "QuotedLabelName") return this.text(node);
    return children(node)
      .map((part) => this.text(part))
      .join("");
  }

  private grouping(node: SyntaxNode | undefined): string {
    if (!node) return "()";
    return `(${children(node)
      .map((label) => this.text(label))
      .join(", ")})`;
  }

  /** `(a, b)` on one line, or one argument per line when they do not fit. */
  private arguments(body: SyntaxNode | undefined, indent: number, broken: boolean): string {
    const args = body ? this.expressions(body) : [];
    if (args.length === 0) return "()";
    if (!broken) return `(${args.map((arg) => this.flat(arg)).join(", ")})`;
    const argIndent = indent + INDENT;
    const lines = args.map(
      (arg, index) => `${pad(argIndent)}${this.print(arg, argIndent, index < args.length - 1 ? 1 : 0)}`,
    );
    return `(\n${lines.join(",\n")}\n${pad(indent)})`;
  }

  private aggregate(node: SyntaxNode, indent: number, broken: boolean): string {
    const op = this.child(node, "AggregateOp");
    const modifier = this.child(node, "AggregateModifier");
    const body = this.child(node, "FunctionCallBody");
    let head = op ? this.text(op).toLowerCase() : "";
    if (modifier) {
      const keyword = modifier.firstChild ? this.text(modifier.firstChild).toLowerCase() : "by";
      head += ` ${keyword} ${this.grouping(this.child(modifier, "GroupingLabels"))} `;
    }
    return `${head}${this.arguments(body, indent, broken)}`;
  }

  /** The operator with its modifiers: `/ on (job) group_left (team)`, `> bool`. */
  private operator(parts: SyntaxNode[]): string {
    const words: string[] = [];
    for (const part of parts) {
      switch (part.name) {
        case "BoolModifier":
          words.push("bool");
          break;
        case "MatchingModifierClause":
          words.push(this.matching(part));
          break;
        case "FillModifier":
          words.push(
            children(part)
              .map((clause) => this.compact(clause).toLowerCase())
              .join(" "),
          );
          break;
        default:
          words.push(this.text(part).toLowerCase());
      }
    }
    return words.join(" ");
  }

  private matching(node: SyntaxNode): string {
    const words: string[] = [];
    for (const part of children(node)) {
      if (part.name === "GroupingLabels") words[words.length - 1] += ` ${this.grouping(part)}`;
      else words.push(this.text(part).toLowerCase());
    }
    return words.join(" ");
  }

  /**
   * A chain of operators of one precedence (`a + b - c`), flattened: left-associative operators
   * nest to the left, `^` to the right, so only that side is unrolled; parentheses stay nodes.
   */
  private chain(node: SyntaxNode): { operands: SyntaxNode[]; operators: string[] } {
    const [left, right] = this.expressions(node);
    const opNode = children(node).find((child) => child.name in BINARY_PRECEDENCE);
    if (!left || !right || !opNode) return { operands: [node], operators: [] };
    const precedence = BINARY_PRECEDENCE[opNode.name];
    const modifiers = children(node).filter(
      (child) => child.from >= opNode.from && child.to <= right.from && !EXPRESSION_NODES.has(child.name),
    );
    const operator = this.operator(modifiers);
    const samePrecedence = (child: SyntaxNode): boolean => {
      if (child.name !== "BinaryExpr") return false;
      const childOp = children(child).find((part) => part.name in BINARY_PRECEDENCE);
      return childOp !== undefined && BINARY_PRECEDENCE[childOp.name] === precedence;
    };
    if (opNode.name === "Pow" && samePrecedence(right)) {
      const rest = this.chain(right);
      return { operands: [left, ...rest.operands], operators: [operator, ...rest.operators] };
    }
    if (opNode.name !== "Pow" && samePrecedence(left)) {
      const rest = this.chain(left);
      return { operands: [...rest.operands, right], operators: [...rest.operators, operator] };
    }
    return { operands: [left, right], operators: [operator] };
  }

  private binary(node: SyntaxNode, indent: number, broken: boolean): string {
    const { operands, operators } = this.chain(node);
    if (operators.length === 0) return this.text(node);
    if (!broken) {
      let out = this.flat(operands[0] as SyntaxNode);
      operators.forEach((operator, index) => {
        out += ` ${operator} ${this.flat(operands[index + 1] as SyntaxNode)}`;
      });
      return out;
    }
    // An operand that fits shares the operator's line; a long one gets a line of its own below it.
    const lines = [this.print(operands[0] as SyntaxNode, indent, 0)];
    operators.forEach((operator, index) => {
      const operand = operands[index + 1] as SyntaxNode;
      const inline = `${operator} ${this.flat(operand)}`;
      if (this.fits(indent, inline, 0)) {
        lines.push(`${pad(indent)}${inline}`);
      } else {
        lines.push(`${pad(indent)}${operator}`);
        lines.push(`${pad(indent)}${this.print(operand, indent, 0)}`);
      }
    });
    return lines.join("\n");
  }
}

/** Pretty-prints a PromQL expression (see the module comment); returns it unchanged if it does not parse. */
export function formatPromql(expr: string, options: FormatPromqlOptions = {}): string {
  const parseable = neutralizeGrafanaVariables(expr);
  if (expr.trim() === "" || checkDashboardPromql(expr)) return expr;
  const tree = parser.parse(parseable);
  const top = tree.topNode;
  if (hasComment(top)) return expr;
  const root = children(top).find((child) => EXPRESSION_NODES.has(child.name));
  if (!root) return expr;
  const printer = new PromqlPrinter(expr, options.width ?? DEFAULT_WIDTH);
  return printer.print(root, 0, 0);
}
