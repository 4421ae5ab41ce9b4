"use client";

import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { ApiRequestError } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/query-keys";
import type { Panel } from "@/lib/model/panel";
import { panelTargets } from "@/lib/model/panel";
import { type Series, toSeries } from "../model/series";
import {
  type AlertsPreviewResponse,
  type PreviewExchange,
  previewAlerts,
  previewQuery,
  previewQueryRange,
  type QueryPreviewResponse,
} from "./preview-client";
import { type PlannedQuery, planQuery, type QueryContext } from "./query-params";

/** One query of a panel: what was asked, and what came back or went wrong. */
export interface TargetResult {
  refId: string;
  expr: string;
  plan: PlannedQuery;
  pending: boolean;
  error: ApiRequestError | Error | null;
  exchange: PreviewExchange<QueryPreviewResponse> | undefined;
}

export interface PanelData {
  targets: TargetResult[];
  series: Series[];
  /** Some query has not answered yet. */
  loading: boolean;
}

/** Every query of a panel through the preview API, with React Query caching by request. */
export function usePanelData(
  projectId: string,
  panel: Panel,
  context: QueryContext,
  enabled = true,
): PanelData {
  const targets = panelTargets(panel);
  const plans = targets.map((target) => planQuery(panel, target, context));
  const results = useQueries({
    queries: plans.map((plan) =>
      plan.kind === "preview"
        ? {
            queryKey: queryKeys.previewCall(projectId, plan.endpoint, plan.params),
            queryFn: ({ signal }: { signal: AbortSignal }) =>
              plan.endpoint === "query"
                ? previewQuery(projectId, plan.params, signal)
                : previewQueryRange(projectId, plan.params, signal),
            placeholderData: keepPreviousData,
            enabled,
            retry: false,
          }
        : {
            queryKey: queryKeys.previewCall(projectId, "unsupported", { refId: plan.refId }),
            queryFn: (): Promise<PreviewExchange<QueryPreviewResponse>> =>
              Promise.reject(new Error(plan.message)),
            enabled: false,
          },
    ),
  });
  const targetResults: TargetResult[] = plans.map((plan, index) => {
    const result = results[index];
    const target = targets[index];
    const expr = target && target.kind !== "sql" ? target.expr : (target?.rawSql ?? "");
    if (plan.kind === "unsupported") {
      return {
        refId: plan.refId,
        expr,
        plan,
        pending: false,
        error: new Error(plan.message),
        exchange: undefined,
      };
    }
    return {
      refId: plan.refId,
      expr,
      plan,
      pending: result?.isPending ?? true,
      error: (result?.error as ApiRequestError | null) ?? null,
      exchange: result?.data,
    };
  });
  const dataStamp = results.map((result) => result.dataUpdatedAt).join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the series change exactly when some query's data does
  const series = useMemo(() => {
    const out: Series[] = [];
    targets.forEach((target, index) => {
      const exchange = targetResults[index]?.exchange;
      if (!exchange || target.kind !== "promql") return;
      out.push(...toSeries(exchange.response.data, target.refId, target.legendFormat, target.expr));
    });
    return out;
  }, [dataStamp, JSON.stringify(targets)]);
  return {
    targets: targetResults,
    series,
    loading: targetResults.some((result) => result.pending && result.plan.kind === "preview"),
  };
}

export interface AlertsData {
  pending: boolean;
  error: Error | null;
  exchange: PreviewExchange<AlertsPreviewResponse> | undefined;
}

/** The alerts of the project's Prometheus; `now` is only in the key, so a refresh refetches. */
export function useAlerts(projectId: string, now: number, datasource: string | undefined): AlertsData {
  const params: Record<string, string> = datasource ? { datasource } : {};
  const query = useQuery({
    queryKey: queryKeys.previewCall(projectId, "alerts", { ...params, asOf: String(now) }),
    queryFn: ({ signal }) => previewAlerts(projectId, params, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
  return { pending: query.isPending, error: query.error, exchange: query.data };
}
