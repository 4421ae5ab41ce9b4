"use client";

import { hashKey, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, use, useContext, useMemo } from "react";
import type { PreviewQueryCall } from "@/components/preview/use-preview-queries";
import type { PreviewExchange, QueryPreviewResponse } from "@/lib/api/preview-client";
import { QueryPreviewAnswerSchema } from "@/lib/api/preview-schemas";
import { queryKeys } from "@/lib/api/query-keys";

/**
 * A preview answer the server started while it rendered the page (lib/preview/prefetch.ts): the
 * route's 200 body as text, or null when the page should ask for itself.
 */
export interface PrefetchedPreview extends PreviewQueryCall {
  body: Promise<string | null>;
}

/** The route's 200 body as the page's preview client would have given it; undefined if unreadable. */
function exchangeOf(body: string): PreviewExchange<QueryPreviewResponse> | undefined {
  const raw: unknown = JSON.parse(body);
  const parsed = QueryPreviewAnswerSchema.safeParse(raw);
  return parsed.success ? { response: parsed.data, raw } : undefined;
}

/** The server's streamed answers, by the hash of the React Query key a panel asks with. */
const PrefetchedBodiesContext = createContext<ReadonlyMap<string, Promise<string | null>>>(new Map());

export function PrefetchedBodiesProvider({
  projectId,
  prefetched,
  children,
}: {
  projectId: string;
  prefetched: readonly PrefetchedPreview[];
  children: ReactNode;
}): ReactNode {
  const bodies = useMemo(
    () =>
      new Map(
        prefetched.map((call) => [
          hashKey(queryKeys.previewCall(projectId, call.endpoint, call.params)),
          call.body,
        ]),
      ),
    [projectId, prefetched],
  );
  return <PrefetchedBodiesContext value={bodies}>{children}</PrefetchedBodiesContext>;
}

/**
 * Waits (suspends) for the server's answers to a panel's calls, and puts those the page's cache
 * does not hold yet in it: the panel sends no request of its own for them. On the server
 * this is what draws the first screen's charts into the page's HTML as their answers stream in;
 * in the browser, a panel hydrating before its answer has arrived keeps the server's drawing
 * until it has, instead of replacing it with a spinner.
 * A call the server did not answer (null) is left to the panel's own request. Nothing waits for
 * a panel that may not query yet (`enabled` false: out of view, variables unknown).
 */
export function useAwaitPrefetched(
  projectId: string,
  calls: readonly (PreviewQueryCall | undefined)[],
  enabled: boolean,
): void {
  const bodies = useContext(PrefetchedBodiesContext);
  const queryClient = useQueryClient();
  if (!enabled) return;
  for (const call of calls) {
    if (!call) continue;
    const queryKey = queryKeys.previewCall(projectId, call.endpoint, call.params);
    const body = bodies.get(hashKey(queryKey));
    if (!body) continue;
    // Every answer is awaited, the cached ones too, so that each render calls `use` on the same
    // promises in the same order: React replays a suspended component by giving each `use` the
    // promise that was at its place before. Skipping the answers put in the cache by an earlier
    // attempt would hand one call another's answer (a P99 line drawn with the P50's points).
    const text = use(body);
    if (queryClient.getQueryData(queryKey) !== undefined) continue;
    const exchange = text === null ? undefined : exchangeOf(text);
    if (exchange) queryClient.setQueryData(queryKey, exchange);
  }
}
