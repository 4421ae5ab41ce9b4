import type { SyntaxNode, Tree } from "@lezer/common";
import type { Item } from "./lexer";
import type { Problem } from "./syntax-error";

/**
 * PromQL that Prometheus 3 accepts but older versions, or a Prometheus without a feature flag, do
 * not. The model checks queries as current Prometheus 3 parses them (with its experimental features
 * on); these warnings say what such a query needs, so a 2.x stack, or a 3.x one without the flag,
 * does not fail on it unannounced. Versions are those whose promql/parser first parses the syntax
 * (read from the release tags of prometheus/prometheus: functions.go, lex.go, generated_parser.y).
 */

interface Requirement {
  /** The first release that parses it. */
  since: string;
  /** The feature flag it needs, if any. */
  flag?: string;
  /** The release from which it no longer needs the flag. */
  stableSince?: string;
}

const EXPERIMENTAL_FUNCTIONS = "promql-experimental-functions";
const DURATION_EXPR = "promql-duration-expr";

/** functions.go: functions added after Prometheus 2.42, and whether they need a flag. */
const FUNCTIONS: Readonly<Record<string, Requirement>> = {
  double_exponential_smoothing: { since: "3.0", flag: EXPERIMENTAL_FUNCTIONS },
  end: { since: "3.12", flag: EXPERIMENTAL_FUNCTIONS },
  first_over_time: { since: "3.7", flag: EXPERIMENTAL_FUNCTIONS, stableSince: "3.14" },
  histogram_avg: { since: "2.51" },
  histogram_quantiles: { since: "3.11", flag: EXPERIMENTAL_FUNCTIONS },
  histogram_stddev: { since: "2.47" },
  histogram_stdvar: { since: "2.47" },
  info: { since: "2.55", flag: EXPERIMENTAL_FUNCTIONS },
  mad_over_time: { since: "2.49", flag: EXPERIMENTAL_FUNCTIONS },
  range: { since: "3.12", flag: EXPERIMENTAL_FUNCTIONS },
  sort_by_label: { since: "2.49", flag: EXPERIMENTAL_FUNCTIONS },
  sort_by_label_desc: { since: "2.49", flag: EXPERIMENTAL_FUNCTIONS },
  start: { since: "3.12", flag: EXPERIMENTAL_FUNCTIONS },
  start_timestamp: { since: "3.14", flag: EXPERIMENTAL_FUNCTIONS },
  step: { since: "3.12", flag: EXPERIMENTAL_FUNCTIONS },
  ts_of_first_over_time: { since: "3.7", flag: EXPERIMENTAL_FUNCTIONS },
  ts_of_last_over_time: { since: "3.5", flag: EXPERIMENTAL_FUNCTIONS },
  ts_of_max_over_time: { since: "3.5", flag: EXPERIMENTAL_FUNCTIONS },
  ts_of_min_over_time: { since: "3.5", flag: EXPERIMENTAL_FUNCTIONS },
};

/** Functions Prometheus 3 no longer knows, with what replaced them. */
export const REMOVED_FUNCTIONS: Readonly<Record<string, string>> = {
  holt_winters:
    "Prometheus 3.0 renamed it double_exponential_smoothing, behind --enable-feature=promql-experimental-functions",
};

const LIMIT_AGGREGATORS: Requirement = { since: "2.54", flag: EXPERIMENTAL_FUNCTIONS };
const EXTENDED_RANGE: Requirement = { since: "3.7", flag: "promql-extended-range-selectors" };
const FILL_MODIFIERS: Requirement = { since: "3.10", flag: "promql-binop-fill-modifiers" };
const TRIM_OPERATORS: Requirement = { since: "3.11" };
const DURATION_ARITHMETIC: Requirement = { since: "3.4", flag: DURATION_EXPR, stableSince: "3.14" };
const DURATION_STEP: Requirement = { since: "3.6", flag: DURATION_EXPR, stableSince: "3.14" };
const DURATION_RANGE: Requirement = { since: "3.10", flag: DURATION_EXPR, stableSince: "3.14" };
const DURATION_MIN_MAX: Requirement = { since: "3.13", flag: DURATION_EXPR, stableSince: "3.14" };
const NUMBERS_AS_DURATIONS: Requirement = { since: "2.54" };
const NUMBER_UNDERSCORES: Requirement = { since: "2.54" };
const UTF8_NAMES: Requirement = { since: "3.0" };
/** Before 3.4, model.ParseDuration's caller refused every zero duration, offsets included. */
const ZERO_OFFSET: Requirement = { since: "3.4" };

/** "needs Prometheus 3.7 or later with --enable-feature=…", as a warning says it. */
export function requirementText(requirement: Requirement): string {
  const { since, flag, stableSince } = requirement;
  if (flag && stableSince) {
    return `needs Prometheus ${stableSince} or later, or ${since} or later with --enable-feature=${flag}`;
  }
  if (flag) return `is experimental: needs Prometheus ${since} or later with --enable-feature=${flag}`;
  return `needs Prometheus ${since} or later`;
}

class CompatibilityChecker {
  readonly warnings: Problem[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly text: string,
    private readonly items: readonly Item[],
  ) {}

  private warn(position: number, what: string, requirement: Requirement): void {
    const message = `${what} ${requirementText(requirement)}`;
    if (this.seen.has(message)) return;
    this.seen.add(message);
    this.warnings.push({ position, message });
  }

  private slice(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }

  /** Is this literal token a duration (`5m`) rather than a number? */
  private isDuration(node: SyntaxNode): boolean {
    return /^[+-]?\s*[0-9]+[smhdwy]/.test(this.slice(node));
  }

  visit(node: SyntaxNode): void {
    switch (node.name) {
      case "FunctionIdentifier": {
        const name = this.slice(node);
        const requirement = FUNCTIONS[name];
        if (requirement) this.warn(node.from, `function "${name}"`, requirement);
        break;
      }
      case "LimitK":
      case "LimitRatio":
        if (node.parent?.name === "AggregateOp") {
          this.warn(node.from, `${this.slice(node)}()`, LIMIT_AGGREGATORS);
        }
        break;
      case "Anchored":
      case "Smoothed":
        this.warn(node.from, `"${this.slice(node)}"`, EXTENDED_RANGE);
        break;
      case "FillModifier":
        this.warn(node.from, "fill modifiers (fill, fill_left, fill_right)", FILL_MODIFIERS);
        break;
      case "TrimUpper":
      case "TrimLower":
        this.warn(node.from, `the trim operator "${this.slice(node)}"`, TRIM_OPERATORS);
        break;
      case "DurationStep":
        this.warn(node.from, "step() in a duration", DURATION_STEP);
        break;
      case "DurationRange":
        this.warn(node.from, "range() in a duration", DURATION_RANGE);
        break;
      case "DurationMinOf":
      case "DurationMaxOf":
        this.warn(node.from, `${this.slice(node)}() in a duration`, DURATION_MIN_MAX);
        break;
      case "DurationExpr":
      case "OffsetDurationExpr":
        this.duration(node);
        break;
      case "NumberDurationLiteral":
        if (this.isDuration(node) && node.parent?.name !== "FillClause") {
          this.warn(node.from, "a duration used as a number", NUMBERS_AS_DURATIONS);
        }
        break;
      case "QuotedLabelName":
        this.warn(node.from, "a quoted metric or label name", UTF8_NAMES);
        break;
    }
    for (let child = node.firstChild; child; child = child.nextSibling) this.visit(child);
  }

  /** Arithmetic, parentheses and plain numbers where Prometheus 2.42 wants one duration literal. */
  private duration(node: SyntaxNode): void {
    const parent = node.parent?.name;
    if (parent === "DurationExpr" || parent === "OffsetDurationExpr" || parent?.startsWith("Duration")) {
      return;
    }
    let inner: SyntaxNode | null = node;
    // A leading minus on an offset is old syntax (`offset -5m`).
    if (
      node.name === "OffsetDurationExpr" &&
      node.firstChild?.name === "UnaryOp" &&
      this.slice(node.firstChild) === "-"
    ) {
      inner = node.getChild("OffsetDurationExpr");
    }
    const literal = inner?.firstChild;
    const isPlainLiteral = literal?.name === "NumberDurationLiteralInDurationContext" && !literal.nextSibling;
    if (!isPlainLiteral || !inner) {
      this.warn(node.from, "a duration expression", DURATION_ARITHMETIC);
      return;
    }
    const token = this.slice(literal);
    if (!/^[0-9]+[smhdwy]/.test(token)) {
      this.warn(literal.from, "a number used as a duration", NUMBERS_AS_DURATIONS);
    } else if (node.name === "OffsetDurationExpr" && !/[1-9]/.test(token)) {
      this.warn(literal.from, "a zero offset", ZERO_OFFSET);
    }
  }

  /** Lexical syntax the tree does not show. */
  visitItems(): void {
    for (const item of this.items) {
      if (item.type === "NUMBER" && item.val.includes("_")) {
        this.warn(item.pos, "an underscore in a number", NUMBER_UNDERSCORES);
      }
    }
  }
}

/** What a valid expression needs beyond Prometheus 2.42 without feature flags, one warning per kind. */
export function compatibilityWarnings(tree: Tree, text: string, items: readonly Item[]): Problem[] {
  const checker = new CompatibilityChecker(text, items);
  checker.visit(tree.topNode);
  checker.visitItems();
  return checker.warnings.sort((a, b) => a.position - b.position);
}
