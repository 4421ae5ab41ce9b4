"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  type PreviewExchange,
  previewQuery,
  previewQueryRange,
  type QueryPreviewResponse,
} from "@/lib/api/preview-client";
import { QueryPreviewResponseSchema } from "@/lib/api/preview-schemas";
import { queryKeys } from "@/lib/api/query-keys";
import type { PreviewQueryCall } from "@/components/preview/use-preview-queries";

/**
 * A preview answer the server started while it rendered the page (lib/preview/prefetch.ts): the
 * route's 200 body as text, or null when the page should ask for itself.
 */
export interface PrefetchedPreview extends PreviewQueryCall {
  body: Promise<string | null>;
}

function exchangeOf(body: string): PreviewExchange<QueryPreviewResponse> | undefined {
  const raw: unknown = JSON.parse(body);
  const parsed = QueryPreviewResponseSchema.safeParse(raw);
  return parsed.success ? { response: parsed.data, raw } : undefined;
}

/**
 * Puts the server's answers into the page's React Query cache, as fetches in flight under the
 * keys the panels ask with, before any panel mounts: a panel that asks for one of them waits for
 * it instead of sending its own request. An answer the server could not give is asked for as the
 * panel would have. Runs once, in the browser.
 */
export function usePrefetchedPreviews(projectId: string, prefetched: readonly PrefetchedPreview[]): void {
  const queryClient = useQueryClient();
  useState(() => {
    if (typeof window === "undefined") return;
    for (const call of prefetched) {
      const queryKey = queryKeys.previewCall(projectId, call.endpoint, call.params);
      if (queryClient.getQueryState(queryKey)) continue;
      void queryClient.prefetchQuery({
        queryKey,
        queryFn: async ({ signal }) => {
          // A streamed promise may be a bare thenable: no catch() of its own.
          const body = await Promise.resolve(call.body).catch(() => null);
          const exchange = body === null ? undefined : exchangeOf(body);
          if (exchange) return exchange;
          return call.endpoint === "query"
            ? previewQuery(projectId, call.params, { signal })
            : previewQueryRange(projectId, call.params, { signal });
        },
        staleTime: Number.POSITIVE_INFINITY,
        retry: false,
      });
    }
  });
}
