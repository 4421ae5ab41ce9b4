"use client";

import { useMemo } from "react";
import {
  type PreviewQueryResult,
  type PreviewSchedule,
  usePreviewQueries,
} from "@/components/preview/use-preview-queries";
import type { ApiRequestError } from "@/lib/api/client";
import type { PreviewExchange, QueryPreviewResponse } from "@/lib/api/preview-client";
import { type Series, toSeries } from "@/lib/dashboard/series";
import type { Panel } from "@/lib/model/panel";
import { useAwaitPrefetched } from "./prefetched-bodies";
import { type PlannedQuery, planQuery, type QueryContext, runTargets } from "./query-params";

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
  schedule: PreviewSchedule = {},
): PanelData {
  const targets = runTargets(panel);
  const plans = targets.map((target) => planQuery(panel, target, context));
  // A query waits (unsent, pending) while a variable it uses stands for nothing yet.
  const calls = plans.map((plan) =>
    plan.kind === "preview" && !plan.variables.some((name) => context.unknownVariables.includes(name))
      ? plan
      : undefined,
  );
  // The server's answers for the first screen, before the panel's own requests would go.
  useAwaitPrefetched(projectId, calls, schedule.enabled !== false);
  const results: PreviewQueryResult[] = usePreviewQueries(projectId, calls, schedule);
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
      pending: result?.pending ?? true,
      error: result?.error ?? null,
      exchange: result?.exchange,
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
