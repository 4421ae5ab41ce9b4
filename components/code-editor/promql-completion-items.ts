import type { MetricInfo } from "./preview-catalog";
import type { PromqlCompletionContext } from "./promql-completion-context";
import {
  COMMON_DURATIONS,
  GRAFANA_BUILTIN_VARIABLES,
  PROMQL_AGGREGATIONS,
  PROMQL_FUNCTIONS,
  PROMQL_KEYWORDS,
  type PromqlFunctionDoc,
} from "./promql-functions";

/** A completion independent of Monaco; promql-language.ts turns it into a Monaco item. */
export interface PromqlSuggestion {
  label: string;
  kind: "metric" | "function" | "aggregation" | "keyword" | "label" | "value" | "duration" | "variable";
  insertText: string;
  /** insertText is a snippet (`rate($0)`). */
  snippet?: boolean;
  /** Short text beside the label: a metric's type, a function's signature. */
  detail?: string;
  documentation?: string;
  /** Lower sorts first. */
  rank: number;
}

/** Data fetched from the preview for the context (empty lists when unreachable). */
export interface PromqlCompletionData {
  metrics?: readonly MetricInfo[];
  labelNames?: readonly string[];
  labelValues?: readonly string[];
  /** Dashboard variables by name, without `$`. */
  variables?: readonly string[];
}

function functionSuggestion(
  entry: PromqlFunctionDoc,
  kind: "function" | "aggregation",
  call: boolean,
): PromqlSuggestion {
  return {
    label: entry.name,
    kind,
    insertText: call ? `${entry.name}($0)` : entry.name,
    snippet: call,
    detail: entry.signature,
    documentation: entry.doc,
    rank: kind === "aggregation" ? 2 : 3,
  };
}

function variableSuggestions(variables: readonly string[] = [], builtins = true): PromqlSuggestion[] {
  const own = variables.map(
    (name): PromqlSuggestion => ({
      label: `$${name}`,
      kind: "variable",
      insertText: `$${name}`,
      detail: "dashboard variable",
      rank: 4,
    }),
  );
  if (!builtins) return own;
  return [
    ...own,
    ...GRAFANA_BUILTIN_VARIABLES.map(
      (variable): PromqlSuggestion => ({
        label: variable.name,
        kind: "variable",
        insertText: variable.name,
        detail: "Grafana variable",
        documentation: variable.doc,
        rank: 5,
      }),
    ),
  ];
}

function metricSuggestion(metric: MetricInfo): PromqlSuggestion {
  const help = [metric.help, metric.unit ? `Unit: ${metric.unit}` : undefined].filter(Boolean).join("\n\n");
  return {
    label: metric.name,
    kind: "metric",
    insertText: metric.name,
    detail: metric.type ?? "metric",
    documentation: help || undefined,
    rank: 1,
  };
}

/** Escapes a label value for a double-quoted PromQL string. */
export function quotePromqlString(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

/** The suggestions for a completion context. */
export function promqlSuggestions(
  context: PromqlCompletionContext,
  data: PromqlCompletionData,
): PromqlSuggestion[] {
  switch (context.kind) {
    case "metric":
      return [
        ...(data.metrics ?? []).map(metricSuggestion),
        ...PROMQL_AGGREGATIONS.map((entry) => functionSuggestion(entry, "aggregation", true)),
        ...PROMQL_FUNCTIONS.map((entry) => functionSuggestion(entry, "function", true)),
        ...variableSuggestions(data.variables, false),
      ];
    case "function":
      return [
        ...PROMQL_AGGREGATIONS.map((entry) => functionSuggestion(entry, "aggregation", false)),
        ...PROMQL_FUNCTIONS.map((entry) => functionSuggestion(entry, "function", false)),
      ];
    case "label-name":
      return (data.labelNames ?? []).map((name) => ({
        label: name,
        kind: "label",
        insertText: name,
        detail: context.metric ? `label of ${context.metric}` : "label",
        rank: 1,
      }));
    case "label-value": {
      const values = (data.labelValues ?? []).map(
        (value): PromqlSuggestion => ({
          label: value,
          kind: "value",
          insertText: context.quoted ? quotePromqlString(value).slice(1, -1) : quotePromqlString(value),
          detail: `${context.label} value`,
          rank: 1,
        }),
      );
      const variables = variableSuggestions(data.variables, false).map((variable) => ({
        ...variable,
        insertText: context.quoted ? variable.insertText : `"${variable.insertText}"`,
      }));
      return [...values, ...variables];
    }
    case "duration":
      return [
        ...variableSuggestions(data.variables),
        ...COMMON_DURATIONS.map(
          (duration, index): PromqlSuggestion => ({
            label: duration,
            kind: "duration",
            insertText: duration,
            // Keep 1m, 5m, … 30d in their natural order rather than alphabetical.
            rank: 6 + index / 100,
          }),
        ),
      ];
    case "keyword":
      return PROMQL_KEYWORDS.map((keyword) => ({
        label: keyword.name,
        kind: "keyword",
        insertText: keyword.name,
        documentation: keyword.doc,
        rank: 1,
      }));
    case "none":
      return [];
    default: {
      const never: never = context;
      throw new Error(`unknown completion context ${JSON.stringify(never)}`);
    }
  }
}
