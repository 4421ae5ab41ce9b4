import type { SyntaxNode, Tree } from "@lezer/common";
import { parseDuration, parseNumber } from "./go-number";
import { goUnquote } from "./go-quote";
import { checkRe2 } from "./re2";
import type { Problem } from "./syntax-error";

/**
 * What Prometheus's parser checks while it builds the tree, beyond the grammar: the actions of
 * promql/parser/generated_parser.y and the helpers of promql/parser/parse.go they call (aggregation
 * arity, numbers and durations, label matcher regexes, where offsets, `@` and ranges may go), and the
 * vector selector checks of parse.go's checkAST. The lezer grammar accepts all of these; Prometheus
 * refuses them with the messages below. Each method names the rule or function it follows, as of
 * prometheus/prometheus d15adb9ad7e5 (after 3.14.0).
 */

/**
 * A problem found while the tree is built (`action`: a grammar action, which Prometheus's parser
 * runs when the construct ends) or by checkAST afterwards (`check`, only when parsing succeeded).
 */
export interface StructureProblem extends Problem {
  phase: "action" | "check";
  /** Where the construct ends. */
  end: number;
}

const PARAMETERIZED_AGGREGATORS = new Set([
  "topk",
  "bottomk",
  "count_values",
  "quantile",
  "limitk",
  "limit_ratio",
]);

/** The expression children of a node (lezer groups them as `Expr`). */
function expressionChildren(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.type.is("Expr")) out.push(child);
  }
  return out;
}

interface ModifierChain {
  /** The node the modifiers apply to, past `@`, `offset`, `anchored` and `smoothed`. */
  base: SyntaxNode;
  offset: boolean;
  at: boolean;
  anchored: boolean;
  smoothed: boolean;
}

/**
 * Prometheus puts `offset`, `@`, `anchored` and `smoothed` on the selector or subquery itself
 * (parse.go addOffset, setTimestamp, setAnchored); lezer wraps the selector in a node per modifier.
 */
function modifierChain(node: SyntaxNode): ModifierChain {
  const chain: ModifierChain = { base: node, offset: false, at: false, anchored: false, smoothed: false };
  for (;;) {
    const name = chain.base.name;
    if (name === "OffsetExpr") chain.offset = true;
    else if (name === "StepInvariantExpr") chain.at = true;
    else if (name === "AnchoredExpr") chain.anchored = true;
    else if (name === "SmoothedExpr") chain.smoothed = true;
    else return chain;
    const inner = expressionChildren(chain.base)[0];
    if (!inner) return chain;
    chain.base = inner;
  }
}

const SELECTOR_OR_SUBQUERY = new Set(["VectorSelector", "MatrixSelector", "SubqueryExpr"]);

/** Go's `%f` of a float64 (every digit of a large value, where toFixed switches to exponents). */
function goFloat(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "+Inf" : "-Inf";
  return Math.abs(value) < 1e21 ? value.toFixed(6) : `${BigInt(value)}.000000`;
}

/** A NUMBER or DURATION token's value in seconds, or Prometheus's error for it. */
function literalValue(token: string): ReturnType<typeof parseNumber> {
  return /^[0-9]+[smhdwy]/.test(token) ? parseDuration(token) : parseNumber(token);
}

interface Matcher {
  name: string;
  op: string;
  value: string;
}

class StructureChecker {
  readonly problems: StructureProblem[] = [];
  private phase: StructureProblem["phase"] = "action";

  constructor(
    private readonly text: string,
    /** Whether the tree has error nodes, whose constructs Prometheus would not have completed. */
    private readonly hasErrors: boolean,
  ) {}

  private slice(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }

  private add(node: SyntaxNode | number, message: string, end?: number): void {
    const position = typeof node === "number" ? node : node.from;
    const to = end ?? (typeof node === "number" ? node : node.to);
    this.problems.push({ position, message, end: to, phase: this.phase });
  }

  check(node: SyntaxNode): void {
    for (let child = node.firstChild; child; child = child.nextSibling) this.check(child);
    if (this.hasErrors && containsError(node)) return;
    this.phase = "action";
    switch (node.name) {
      case "AggregateExpr":
        this.aggregation(node);
        break;
      case "NumberDurationLiteral":
      case "NumberDurationLiteralInDurationContext":
        this.literal(node);
        break;
      case "DurationExpr":
        this.durationArithmetic(node);
        break;
      case "MatrixSelector":
        this.range(node);
        break;
      case "SubqueryExpr":
        this.subqueryRange(node);
        break;
      case "OffsetExpr":
        this.modifier(node, "offset");
        break;
      case "StepInvariantExpr":
        // parse.go setTimestamp checks the bounds before the receiver.
        if (!this.atTimestamp(node)) this.modifier(node, "@");
        break;
      case "AnchoredExpr":
      case "SmoothedExpr":
        this.extendedRange(node);
        break;
      case "VectorSelector":
        this.vectorSelector(node);
        break;
      case "FunctionCall":
        this.info(node);
        break;
    }
  }

  /** parse.go newAggregateExpr. */
  private aggregation(node: SyntaxNode): void {
    const op = node.getChild("AggregateOp");
    const body = node.getChild("FunctionCallBody");
    if (!op || !body) return;
    const args = expressionChildren(body);
    if (args.length === 0) {
      this.add(node, "no arguments for aggregate expression provided");
      return;
    }
    const wanted = PARAMETERIZED_AGGREGATORS.has(this.slice(op).toLowerCase()) ? 2 : 1;
    if (args.length !== wanted) {
      this.add(
        node,
        `wrong number of arguments for aggregate expression provided, expected ${wanted}, got ${args.length}`,
      );
    }
  }

  /** parse.go `number` and generated_parser.y `number_duration_literal` (model.ParseDuration). */
  private literal(node: SyntaxNode): void {
    const token = /[^\s+-].*$/s.exec(this.slice(node))?.[0] ?? "";
    const start = node.to - token.length;
    const parsed = literalValue(token);
    if (!parsed.ok) {
      this.add(start, parsed.message, node.to);
      return;
    }
    if (node.name === "NumberDurationLiteralInDurationContext" && Math.abs(parsed.value) > 2 ** 63 / 1e9) {
      this.add(start, "duration out of range", node.to);
    }
  }

  /** generated_parser.y duration_expr: `/ 0` and `% 0`. */
  private durationArithmetic(node: SyntaxNode): void {
    const op = node.getChild("Div") ?? node.getChild("Mod");
    const right = node.lastChild;
    if (!op || !right || right.name !== "DurationExpr") return;
    const literal = right.firstChild;
    if (literal?.name !== "NumberDurationLiteralInDurationContext" || literal.nextSibling) return;
    const parsed = literalValue(this.slice(literal));
    if (parsed.ok && parsed.value === 0) {
      this.add(op, op.name === "Div" ? "division by zero" : "modulo by zero");
    }
  }

  /** generated_parser.y positive_duration_expr: a literal range or step must be above zero. */
  private positiveDuration(durationExpr: SyntaxNode | null): void {
    if (!durationExpr) return;
    let sign = 1;
    let at: SyntaxNode | null = durationExpr;
    while (at?.name === "DurationExpr" && at.firstChild?.name === "UnaryOp") {
      if (this.slice(at.firstChild) === "-") sign = -sign;
      at = at.getChild("DurationExpr");
    }
    const literal = at?.name === "DurationExpr" ? at.firstChild : null;
    if (literal?.name !== "NumberDurationLiteralInDurationContext" || literal.nextSibling) return;
    const parsed = literalValue(this.slice(literal));
    if (parsed.ok && sign * parsed.value <= 0) this.add(durationExpr, "duration must be greater than 0");
  }

  /** generated_parser.y matrix_selector. */
  private range(node: SyntaxNode): void {
    const inner = expressionChildren(node)[0];
    this.positiveDuration(node.getChild("DurationExpr"));
    if (!inner) return;
    const bracket = this.text.indexOf("[", inner.to);
    const chain = modifierChain(inner);
    if (chain.base.name !== "VectorSelector") {
      this.add(bracket, "ranges only allowed for vector selectors");
      return;
    }
    if (chain.offset) this.add(bracket, "no offset modifiers allowed before range");
    else if (chain.at) this.add(bracket, "no @ modifiers allowed before range");
  }

  private subqueryRange(node: SyntaxNode): void {
    for (const duration of node.getChildren("DurationExpr")) this.positiveDuration(duration);
  }

  /** parse.go addOffset and getAtModifierVars. */
  private modifier(node: SyntaxNode, kind: "offset" | "@"): void {
    const inner = expressionChildren(node)[0];
    if (!inner) return;
    const chain = modifierChain(inner);
    if (!SELECTOR_OR_SUBQUERY.has(chain.base.name)) {
      const what = kind === "offset" ? "offset modifier" : "@ modifier";
      this.add(
        inner,
        `${what} must be preceded by an instant vector selector or range vector selector or a subquery`,
      );
      return;
    }
    if (kind === "offset" && chain.offset) this.add(inner, "offset may not be set multiple times");
    if (kind === "@" && chain.at) this.add(inner, "@ <timestamp> may not be set multiple times");
  }

  /** parse.go setTimestamp: whether the timestamp is out of bounds (and reported). */
  private atTimestamp(node: SyntaxNode): boolean {
    const literal = node.getChild("At")?.nextSibling;
    if (literal?.name !== "NumberDurationLiteral") return false;
    const text = this.slice(literal).replace(/\s+/g, "");
    const negative = text.startsWith("-");
    const parsed = literalValue(text.replace(/^[+-]/, ""));
    if (!parsed.ok) return false;
    const value = negative ? -parsed.value : parsed.value;
    if (Number.isFinite(value) && Math.abs(value) < 2 ** 63) return false;
    const inner = expressionChildren(node)[0] ?? node;
    this.add(inner, `timestamp out of bounds for @ modifier: ${goFloat(value)}`);
    return true;
  }

  /** parse.go setAnchored and setSmoothed. */
  private extendedRange(node: SyntaxNode): void {
    const inner = expressionChildren(node)[0];
    if (!inner) return;
    const word = node.name === "AnchoredExpr" ? "anchored" : "smoothed";
    const chain = modifierChain(inner);
    if (chain.base.name === "SubqueryExpr") {
      this.add(inner, `${word} modifier is not supported for subqueries`);
    } else if (chain.base.name !== "VectorSelector" && chain.base.name !== "MatrixSelector") {
      this.add(inner, `${word} modifier not implemented`);
    } else if ((word === "anchored" && chain.smoothed) || (word === "smoothed" && chain.anchored)) {
      this.add(inner, "anchored and smoothed modifiers cannot be used together");
    }
  }

  /** parse.go checkAST, *Call: info()'s second argument is label selectors only. */
  private info(node: SyntaxNode): void {
    this.phase = "check";
    const id = node.getChild("FunctionIdentifier");
    const body = node.getChild("FunctionCallBody");
    if (!id || !body || this.slice(id) !== "info") return;
    const selectors = expressionChildren(body)[1];
    if (!selectors) return;
    if (selectors.name !== "VectorSelector") {
      this.add(selectors, "expected label selectors only");
    } else if (selectors.getChild("Identifier")) {
      this.add(selectors, "expected label selectors only, got vector selector instead");
    }
  }

  private matchers(node: SyntaxNode): Matcher[] {
    const list = node.getChild("LabelMatchers");
    if (!list) return [];
    const out: Matcher[] = [];
    for (let child = list.firstChild; child; child = child.nextSibling) {
      if (child.name === "QuotedLabelName") {
        out.push({ name: "__name__", op: "=", value: goUnquote(this.slice(child)) });
        continue;
      }
      if (child.name !== "UnquotedLabelMatcher" && child.name !== "QuotedLabelMatcher") continue;
      const name = child.firstChild;
      const op = child.getChild("MatchOp");
      const value = child.getChild("StringLiteral");
      if (!name || !op || !value) continue;
      const matcher = {
        name: name.name === "QuotedLabelName" ? goUnquote(this.slice(name)) : this.slice(name),
        op: this.slice(op),
        value: goUnquote(this.slice(value)),
      };
      if (matcher.op === "=~" || matcher.op === "!~") {
        const regex = checkRe2(matcher.value);
        if (!regex.ok) this.add(child, regex.message);
      }
      out.push(matcher);
    }
    return out;
  }

  /** parse.go newLabelMatcher (regex syntax) and checkAST's *VectorSelector case. */
  private vectorSelector(node: SyntaxNode): void {
    const before = this.problems.length;
    const matchers = this.matchers(node);
    if (this.problems.length > before) return;
    this.phase = "check";
    const identifier = node.getChild("Identifier");
    if (identifier) {
      const name = this.slice(identifier);
      for (const m of matchers) {
        if (m.name === "__name__") {
          this.add(node, `metric name must not be set twice: "${name}" or "${m.value}"`);
        }
      }
      return;
    }
    if (isInfoLabelSelector(node, this.text)) return;
    const names = matchers.filter((m) => m.name === "__name__" && m.op === "=");
    if (names.length > 1) {
      this.add(node, `metric name must not be set twice: "${names[0]?.value}" or "${names[1]?.value}"`);
    }
    if (!matchers.some((m) => !matchesEmpty(m))) {
      this.add(node, "vector selector must contain at least one non-empty matcher");
    }
  }
}

function matchesEmpty(m: Matcher): boolean {
  switch (m.op) {
    case "=":
      return m.value === "";
    case "!=":
      return m.value !== "";
    case "=~": {
      const regex = checkRe2(m.value);
      return regex.ok && regex.matchesEmpty;
    }
    default: {
      const regex = checkRe2(m.value);
      return regex.ok && !regex.matchesEmpty;
    }
  }
}

/** info()'s second argument is a set of label selectors, exempt from the non-empty matcher rule. */
function isInfoLabelSelector(node: SyntaxNode, text: string): boolean {
  const body = node.parent;
  const call = body?.parent;
  if (body?.name !== "FunctionCallBody" || call?.name !== "FunctionCall") return false;
  const id = call.getChild("FunctionIdentifier");
  if (!id || text.slice(id.from, id.to) !== "info") return false;
  return expressionChildren(body)[1]?.from === node.from;
}

function containsError(node: SyntaxNode): boolean {
  let found = false;
  node.cursor().iterate((inner) => {
    if (inner.type.isError) found = true;
    return !found;
  });
  return found;
}

/** The problems Prometheus's grammar actions and checkAST's selector checks would report. */
export function structureProblems(tree: Tree, text: string, hasErrors: boolean): StructureProblem[] {
  const checker = new StructureChecker(text, hasErrors);
  checker.check(tree.topNode);
  return checker.problems;
}
