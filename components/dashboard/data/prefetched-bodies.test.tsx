import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { prerender } from "react-dom/static";
import { describe, expect, it } from "vitest";
import type { PreviewExchange, QueryPreviewResponse } from "@/lib/api/preview-client";
import { queryKeys } from "@/lib/api/query-keys";
import { type PrefetchedPreview, PrefetchedBodiesProvider, useAwaitPrefetched } from "./prefetched-bodies";

const PROJECT = "p1";

/** The preview route's 200 body for a one-point answer whose value names the query. */
function body(query: string): string {
  return JSON.stringify({
    status: "success",
    data: { resultType: "vector", result: [{ metric: {}, value: [1, query] }] },
    warnings: [],
    request: { url: "http://prometheus/api/v1/query", method: "POST", params: { query } },
    source: "environment",
  });
}

function later<T>(value: T, ms: number): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

/** Writes, for each call, the value the page's cache holds for it once the server's answers came. */
function Probe({ calls }: { calls: PrefetchedPreview[] }): ReactNode {
  useAwaitPrefetched(PROJECT, calls, true);
  const client = useQueryClient();
  return calls
    .map((call) => {
      const exchange = client.getQueryData<PreviewExchange<QueryPreviewResponse>>(
        queryKeys.previewCall(PROJECT, call.endpoint, call.params),
      );
      const data = exchange?.response.data;
      return `${call.params.query}=${data?.resultType === "vector" ? data.result[0]?.value?.[1] : "none"}`;
    })
    .join(";");
}

async function renderOnServer(calls: PrefetchedPreview[]): Promise<string> {
  const { prelude } = await prerender(
    <QueryClientProvider client={new QueryClient()}>
      <PrefetchedBodiesProvider projectId={PROJECT} prefetched={calls}>
        <Probe calls={calls} />
      </PrefetchedBodiesProvider>
    </QueryClientProvider>,
  );
  return new Response(prelude).text();
}

describe("useAwaitPrefetched", () => {
  it("gives each call its own answer when they arrive one after another", async () => {
    // The answers arrive while the component is suspended on an earlier one: React replays the
    // component and hands each `use` the promise used at that place before.
    const queries = ["p50", "p95", "p99"];
    const calls = queries.map((query, index) => ({
      endpoint: "query" as const,
      params: { query },
      body: later(body(query), 10 * (index + 1)),
    }));
    const html = await renderOnServer(calls);
    expect(html).toContain("p50=p50;p95=p95;p99=p99");
  });

  it("leaves a call the server did not answer to the panel", async () => {
    const calls = [
      { endpoint: "query" as const, params: { query: "up" }, body: later(null, 5) },
      { endpoint: "query" as const, params: { query: "down" }, body: later(body("down"), 10) },
    ];
    expect(await renderOnServer(calls)).toContain("up=none;down=down");
  });
});
