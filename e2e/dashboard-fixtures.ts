import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { demoRuleFiles } from "../scripts/demo/demo-project";
import { type DemoPrometheus, startDemoPrometheus } from "../scripts/demo/prometheus";
import { test as base, expect, uniqueName } from "./fixtures";
import { DashboardPage } from "./pages/dashboard-page";

/**
 * The dashboard designer's tests run against a real Prometheus holding three hours of
 * FraiseQL-like demo data (with the catalog's alert rules), started once per worker, and a project
 * made from the enterprise template whose Prometheus datasource previews against it.
 */

export interface DemoProject {
  id: string;
  name: string;
  version: number;
}

interface DashboardFixtures {
  dashboardPage: DashboardPage;
  /** A fresh enterprise project previewing against the demo Prometheus. */
  demoProject: DemoProject;
}

interface DashboardWorkerFixtures {
  demoPrometheus: DemoPrometheus;
}

/** POST /api/projects from the enterprise template, then PUT its Prometheus `previewUrl`. */
export async function createPreviewProject(
  request: APIRequestContext,
  prometheusUrl: string,
): Promise<DemoProject> {
  const name = uniqueName("Designer");
  const created = await request.post("/api/projects", { data: { template: "enterprise", name } });
  expect(created.status(), await created.text()).toBe(201);
  const record = await created.json();
  const datasources = record.project.datasources.map((datasource: { type: string }) =>
    datasource.type === "prometheus" ? { ...datasource, previewUrl: prometheusUrl } : datasource,
  );
  const updated = await request.put(`/api/projects/${record.id}`, {
    data: {
      version: record.version,
      project: { ...record.project, datasources },
      message: "preview against the demo Prometheus",
    },
  });
  expect(updated.status(), await updated.text()).toBe(200);
  return { id: record.id, name, version: (await updated.json()).version };
}

/** Adds `dashboard` (as the API takes it) to the project through PUT /api/projects/{id}. */
export async function addDashboardToProject(
  request: APIRequestContext,
  projectId: string,
  dashboard: unknown,
  message?: string,
): Promise<void> {
  const record = await (await request.get(`/api/projects/${projectId}`)).json();
  const saved = await request.put(`/api/projects/${projectId}`, {
    data: {
      version: record.version,
      project: { ...record.project, dashboards: [...record.project.dashboards, dashboard] },
      ...(message === undefined ? {} : { message }),
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
}

export const test = base.extend<DashboardFixtures, DashboardWorkerFixtures>({
  demoPrometheus: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
    async ({}, use) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "obsforge-e2e-prometheus-"));
      const prometheus = await startDemoPrometheus({ hours: 3, dir, ruleFiles: demoRuleFiles() });
      await use(prometheus);
      await prometheus.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: "worker", timeout: 120_000 },
  ],
  demoProject: async ({ request, demoPrometheus }, use) => {
    await use(await createPreviewProject(request, demoPrometheus.url));
  },
  dashboardPage: async ({ page }, use) => use(new DashboardPage(page)),
});

export { expect };
