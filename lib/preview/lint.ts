import type { MetadataData } from "../prometheus/schemas";
import { metricNames } from "../promql/parse";
import { nearestNames } from "./nearest-names";

/**
 * Metric names a query uses that the connected Prometheus does not know, each with the nearest
 * names it does know: a typo or a renamed metric is the commonest reason a panel stays empty.
 */

export interface UnknownMetric {
  name: string;
  suggestions: string[];
}

export interface ExpressionLint {
  expression: string;
  unknown: UnknownMetric[];
}

/** Series names a metadata family stands for (`x` → `x_bucket`, `x_sum`, `x_count`, ...). */
function familySeries(family: string, type: string): string[] {
  switch (type) {
    case "histogram":
    case "gaugehistogram":
      return [family, `${family}_bucket`, `${family}_sum`, `${family}_count`];
    case "summary":
      return [family, `${family}_sum`, `${family}_count`];
    case "counter":
      return family.endsWith("_total") ? [family] : [family, `${family}_total`];
    default:
      return [family];
  }
}

/** Every name Prometheus knows: those it stores series for, and those its targets described. */
export function knownNames(seriesNames: readonly string[], metadata: MetadataData): Set<string> {
  const names = new Set(seriesNames);
  for (const [family, entries] of Object.entries(metadata)) {
    for (const entry of entries) for (const name of familySeries(family, entry.type)) names.add(name);
  }
  return names;
}

export function lintExpressions(
  expressions: readonly string[],
  known: ReadonlySet<string>,
): ExpressionLint[] {
  return expressions.map((expression) => ({
    expression,
    unknown: metricNames(expression)
      .filter((name) => !known.has(name))
      .map((name) => ({ name, suggestions: nearestNames(name, known, 3) })),
  }));
}
