"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { lintExpressions } from "@/lib/api/preview-client";
import { queryKeys } from "@/lib/api/query-keys";
import type { Dashboard } from "@/lib/model/dashboard";
import { panelTargets } from "@/lib/model/panel";

export interface UnknownMetric {
  name: string;
  suggestions: string[];
}

export interface MetricLint {
  /** Unknown metrics per PromQL expression. */
  byExpression: ReadonlyMap<string, UnknownMetric[]>;
  error: string | undefined;
}

/** Every distinct PromQL expression of the dashboard, sorted so the key is stable. */
export function promqlExpressions(dashboard: Dashboard): string[] {
  const expressions = new Set<string>();
  for (const panel of dashboard.panels) {
    for (const target of panelTargets(panel)) {
      if (target.kind === "promql" && target.expr.trim() !== "") expressions.add(target.expr);
    }
  }
  return [...expressions].sort();
}

/**
 * Live lint of the dashboard's metric names against the project's Prometheus (one request for
 * all panels): unknown names with the nearest existing ones.
 */
export function useMetricLint(projectId: string, dashboard: Dashboard): MetricLint {
  const expressions = useMemo(() => promqlExpressions(dashboard), [dashboard]);
  const query = useQuery({
    queryKey: queryKeys.previewLint(projectId, expressions),
    // When no panel query is in flight or waiting: a panel draws without it.
    queryFn: ({ signal }) => lintExpressions(projectId, expressions, undefined, { signal, idle: true }),
    enabled: expressions.length > 0,
    staleTime: 60_000,
    retry: false,
    placeholderData: keepPreviousData,
  });
  const byExpression = useMemo(() => {
    const map = new Map<string, UnknownMetric[]>();
    for (const result of query.data?.results ?? []) {
      if (result.unknown.length > 0) map.set(result.expression, result.unknown);
    }
    return map;
  }, [query.data]);
  return { byExpression, error: query.error?.message };
}
