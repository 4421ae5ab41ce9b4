import type { SloIndicator, SloSpec } from "@/lib/model/slo";
import { prometheusDuration } from "./durations";

const WINDOW_PLACEHOLDER = /\$window\b/g;

/** `sum(…)` or `sum by (a, b) (…)`. */
function sum(groupBy: readonly string[], inner: string): string {
  return groupBy.length === 0 ? `sum(${inner})` : `sum by (${groupBy.join(", ")}) (${inner})`;
}

/** A counter query over one window: a selector is rated and summed, a `$window` query is filled in. */
export function counterRate(query: string, range: string, groupBy: readonly string[]): string {
  if (WINDOW_PLACEHOLDER.test(query)) {
    WINDOW_PLACEHOLDER.lastIndex = 0;
    return query.replace(WINDOW_PLACEHOLDER, range);
  }
  return sum(groupBy, `rate(${query}[${range}])`);
}

function histogramSelector(name: string, matchers: string, extra?: string): string {
  const all = [matchers, extra].filter((m) => m !== undefined && m !== "").join(", ");
  return all === "" ? name : `${name}{${all}}`;
}

/** A `$window` query may be any expression: parenthesised so `/` and `-` bind as meant. */
function operand(query: string, range: string, groupBy: readonly string[]): string {
  const rated = counterRate(query, range, groupBy);
  return query.includes("$window") ? `(${rated})` : rated;
}

function errorRatioOf(indicator: SloIndicator, range: string, groupBy: readonly string[]): string {
  switch (indicator.kind) {
    case "availability": {
      const total = operand(indicator.total, range, groupBy);
      if (indicator.errors !== undefined) {
        return `${operand(indicator.errors, range, groupBy)} / ${total}`;
      }
      return `(${total} - ${operand(indicator.good ?? "", range, groupBy)}) / ${total}`;
    }
    case "latency": {
      const count = histogramSelector(`${indicator.histogram}_count`, indicator.matchers);
      const fast = histogramSelector(
        `${indicator.histogram}_bucket`,
        indicator.matchers,
        `le="${indicator.threshold}"`,
      );
      const total = counterRate(count, range, groupBy);
      return `(${total} - ${counterRate(fast, range, groupBy)}) / ${total}`;
    }
  }
}

/** The share of bad events over a window (milliseconds): what each recording rule records. */
export function errorRatioQuery(spec: SloSpec, windowMs: number): string {
  return errorRatioOf(spec.indicator, prometheusDuration(windowMs), spec.groupBy);
}

/** The error budget as a ratio of events: 99.9 → 0.001, written without float noise. */
export function errorBudget(objective: number): number {
  return Number(((100 - objective) / 100).toPrecision(12));
}

/**
 * The share of the error budget still unspent over the SLO window, from the raw counters (1 is all
 * of it, 0 is spent, below 0 is overspent). For the page's live figure; no rule records it because
 * a 30-day rate at every evaluation is expensive.
 */
export function budgetRemainingQuery(spec: SloSpec): string {
  return `1 - (${windowErrorRatioQuery(spec)}) / ${errorBudget(spec.objective)}`;
}

/** The error ratio over the whole SLO window, its range written as the spec writes it (`30d`). */
export function windowErrorRatioQuery(spec: SloSpec): string {
  return errorRatioOf(spec.indicator, spec.window, spec.groupBy);
}
