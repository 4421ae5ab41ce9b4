"use client";

import { createContext, type ReactNode, useContext } from "react";
import { type MetricLint, type UnknownMetric, useMetricLint } from "@/components/preview/use-metric-lint";
import { useDraftDashboard, useProjectId } from "../store/store-provider";

const MetricLintContext = createContext<MetricLint>({ byExpression: new Map(), error: undefined });

/** Lints the whole draft once (one request) and hands each panel its share. */
export function MetricLintProvider({ children }: { children: ReactNode }): ReactNode {
  const lint = useMetricLint(useProjectId(), useDraftDashboard());
  return <MetricLintContext.Provider value={lint}>{children}</MetricLintContext.Provider>;
}

/** Unknown metrics of these expressions, each name once. */
export function useUnknownMetrics(expressions: readonly string[]): UnknownMetric[] {
  const { byExpression } = useContext(MetricLintContext);
  const seen = new Map<string, UnknownMetric>();
  for (const expression of expressions) {
    for (const unknown of byExpression.get(expression) ?? []) seen.set(unknown.name, unknown);
  }
  return [...seen.values()];
}

export function useMetricLintError(): string | undefined {
  return useContext(MetricLintContext).error;
}
