"use client";

import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import type { ApiRequestError } from "@/lib/api/client";
import {
  type AlertsPreviewResponse,
  type PreviewExchange,
  type Priority,
  previewAlerts,
  previewQuery,
  previewQueryRange,
  type QueryPreviewResponse,
} from "@/lib/api/preview-client";
import { queryKeys } from "@/lib/api/query-keys";

/** One PromQL call of the preview API: an instant or a range query with its parameters. */
export interface PreviewQueryCall {
  endpoint: "query" | "query_range";
  params: Record<string, string | string[]>;
}

/** What one call came back with, or what went wrong; `undefined` calls are never sent. */
export interface PreviewQueryResult {
  pending: boolean;
  error: ApiRequestError | Error | null;
  exchange: PreviewExchange<QueryPreviewResponse> | undefined;
  /** When the data last changed, so callers can memoise what they derive from it. */
  dataUpdatedAt: number;
}

/** When a panel's calls may go, and how urgent they are beside other panels'. */
export interface PreviewSchedule {
  /** False until the panel is in or near view (and its variables are known): nothing is sent. */
  enabled?: boolean;
  /** Asked when a connection frees: lower goes first (a panel on screen before one below it). */
  priority?: Priority;
}

/** Several PromQL calls through the preview API, with React Query caching by request. */
export function usePreviewQueries(
  projectId: string,
  calls: readonly (PreviewQueryCall | undefined)[],
  { enabled = true, priority }: PreviewSchedule = {},
): PreviewQueryResult[] {
  const results = useQueries({
    queries: calls.map((call, index) =>
      call
        ? {
            queryKey: queryKeys.previewCall(projectId, call.endpoint, call.params),
            queryFn: ({ signal }: { signal: AbortSignal }) =>
              call.endpoint === "query"
                ? previewQuery(projectId, call.params, { signal, priority })
                : previewQueryRange(projectId, call.params, { signal, priority }),
            placeholderData: keepPreviousData,
            enabled,
            // The key holds the absolute range: the answer stays right until the view's "now"
            // moves (a refresh), which makes a new key. A panel scrolled away and back, or a
            // window focused again, does not ask again.
            staleTime: Number.POSITIVE_INFINITY,
            retry: false,
          }
        : {
            queryKey: queryKeys.previewCall(projectId, "unsupported", { index: String(index) }),
            queryFn: (): Promise<PreviewExchange<QueryPreviewResponse>> =>
              Promise.reject(new Error("not a preview call")),
            enabled: false,
          },
    ),
  });
  return results.map((result) => ({
    pending: result.isPending,
    error: (result.error as ApiRequestError | null) ?? null,
    exchange: result.data,
    dataUpdatedAt: result.dataUpdatedAt,
  }));
}

export interface PreviewAlertsResult {
  pending: boolean;
  error: Error | null;
  exchange: PreviewExchange<AlertsPreviewResponse> | undefined;
}

/** The alerts of the project's Prometheus; `now` is only in the key, so a refresh refetches. */
export function usePreviewAlerts(
  projectId: string,
  now: number,
  datasource: string | undefined,
  { enabled = true, priority }: PreviewSchedule = {},
): PreviewAlertsResult {
  const params: Record<string, string> = datasource ? { datasource } : {};
  const query = useQuery({
    queryKey: queryKeys.previewCall(projectId, "alerts", { ...params, asOf: String(now) }),
    queryFn: ({ signal }) => previewAlerts(projectId, params, { signal, priority }),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return { pending: query.isPending, error: query.error, exchange: query.data };
}
