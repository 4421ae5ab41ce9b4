import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { prerender } from "react-dom/static";
import { describe, expect, it } from "vitest";
import { queryKeys } from "@/lib/api/query-keys";
import { ServerReadProject } from "./server-read-project";
import type { ProjectRecordData } from "./use-projects";

const ID = "p1";

/** Writes the cached project's version and name, as the designer would read them. */
function Reader(): ReactNode {
  const record = useQueryClient().getQueryData<ProjectRecordData>(queryKeys.project(ID));
  return record ? `v${record.version} ${record.name}` : "no project";
}

async function render(client: QueryClient, json: string): Promise<string> {
  const { prelude } = await prerender(
    <QueryClientProvider client={client}>
      <ServerReadProject projectId={ID} json={json}>
        <Reader />
      </ServerReadProject>
    </QueryClientProvider>,
  );
  return new Response(prelude).text();
}

const record = (version: number, name: string) => ({ id: ID, version, name, project: { dashboards: [] } });

describe("ServerReadProject", () => {
  it("puts the server's project in the cache before the page below reads it", async () => {
    const client = new QueryClient();
    expect(await render(client, JSON.stringify(record(3, "Shop")))).toContain("v3 Shop");
    expect(client.getQueryData(queryKeys.project(ID))).toEqual(record(3, "Shop"));
  });

  it("keeps the project the page already holds while rendering", async () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.project(ID), record(5, "Shop, renamed"));
    expect(await render(client, JSON.stringify(record(3, "Shop")))).toContain("v5 Shop, renamed");
  });
});
