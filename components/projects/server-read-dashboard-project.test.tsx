import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { prerender } from "react-dom/static";
import { describe, expect, it } from "vitest";
import { queryKeys } from "@/lib/api/query-keys";
import type { Dashboard } from "@/lib/model/dashboard";
import { projectForDashboard } from "./project-for-dashboard";
import { ServerReadDashboardProject } from "./server-read-dashboard-project";
import type { ProjectRecordData } from "./use-projects";

const ID = "p1";
const UID = "ops";

/** Writes the cached project's version, name and dashboards, as the designer would read them. */
function Reader(): ReactNode {
  const record = useQueryClient().getQueryData<ProjectRecordData>(queryKeys.projectDashboard(ID, UID));
  return record
    ? `v${record.version} ${record.name} [${record.project.dashboards.map((entry) => entry.uid).join(",")}]`
    : "no project";
}

async function render(client: QueryClient, json: string): Promise<string> {
  const { prelude } = await prerender(
    <QueryClientProvider client={client}>
      <ServerReadDashboardProject projectId={ID} uid={UID} json={json}>
        <Reader />
      </ServerReadDashboardProject>
    </QueryClientProvider>,
  );
  return new Response(prelude).text();
}

const dashboard = (uid: string) => ({ uid, title: uid, panels: [] }) as unknown as Dashboard;
const record = (version: number, name: string) =>
  ({
    id: ID,
    version,
    name,
    project: { dashboards: [dashboard("home"), dashboard(UID), dashboard("node-exporter-full")] },
  }) as unknown as ProjectRecordData;

/** Renders the page with the server's version 3 over a copy of `cachedVersion` left in the cache. */
async function renderOverCached(cachedVersion: number, cachedName: string): Promise<string> {
  const client = new QueryClient();
  client.setQueryData(
    queryKeys.projectDashboard(ID, UID),
    projectForDashboard(record(cachedVersion, cachedName), UID),
  );
  return render(client, JSON.stringify(projectForDashboard(record(3, "Shop"), UID)));
}

describe("ServerReadDashboardProject", () => {
  it("puts the server's project, with only the dashboard shown, in the cache before the page below reads it", async () => {
    const client = new QueryClient();
    const sent = JSON.stringify(projectForDashboard(record(3, "Shop"), UID));
    expect(await render(client, sent)).toContain("v3 Shop [ops]");
    // Under the dashboard's own key: the project's key, which means a whole project, stays empty.
    expect(client.getQueryData(queryKeys.project(ID))).toBeUndefined();
  });

  it("keeps the project the page already holds while rendering", async () => {
    expect(await renderOverCached(5, "Shop, renamed")).toContain("v5 Shop, renamed [ops]");
  });
});

describe("ServerReadDashboardProject, coming back to a dashboard", () => {
  it("replaces an older copy left from an earlier visit before the designer reads it", async () => {
    // The designer makes its store once from what it first reads: a copy from before a save made
    // elsewhere (a rule added, a settings change, a revision restored) must not be it.
    expect(await renderOverCached(2, "Shop, old")).toContain("v3 Shop [ops]");
  });
});

describe("projectForDashboard", () => {
  it("keeps every other part of the record and only the dashboard asked for", () => {
    const whole = record(4, "Shop");
    const narrowed = projectForDashboard(whole, UID);
    expect(narrowed.project.dashboards.map((entry) => entry.uid)).toEqual([UID]);
    expect({ ...narrowed, project: { ...narrowed.project, dashboards: whole.project.dashboards } }).toEqual(
      whole,
    );
    expect(whole.project.dashboards).toHaveLength(3);
    expect(projectForDashboard(whole, "absent").project.dashboards).toEqual([]);
  });
});
