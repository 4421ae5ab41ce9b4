import type { Dashboard } from "../../lib/model/dashboard";
import { BENCH_DASHBOARD_UID, benchDashboard } from "./bench-dashboard";

interface StoredProject {
  id: string;
  version: number;
  project: { datasources: { type: string }[]; dashboards: Dashboard[] } & Record<string, unknown>;
}

async function json(response: Response, what: string): Promise<unknown> {
  const body = (await response.json().catch(() => ({}))) as unknown;
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(body).slice(0, 500)}`);
  return body;
}

/**
 * Through the app's API: an enterprise project whose Prometheus previews against `prometheusUrl`,
 * with the 24-panel bench dashboard added. Returns the dashboard's path in the app.
 */
export async function createBenchProject(appUrl: string, prometheusUrl: string): Promise<string> {
  const created = (await json(
    await fetch(`${appUrl}/api/projects`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ template: "enterprise", name: "Designer bench" }),
    }),
    "creating the bench project",
  )) as StoredProject;
  const { project } = created;
  const datasources = project.datasources.map((datasource) =>
    datasource.type === "prometheus" ? { ...datasource, previewUrl: prometheusUrl } : datasource,
  );
  await json(
    await fetch(`${appUrl}/api/projects/${created.id}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        version: created.version,
        project: {
          ...project,
          datasources,
          dashboards: [...project.dashboards, benchDashboard(project.dashboards)],
        },
        message: "24-panel bench dashboard, previewing against the demo Prometheus",
      }),
    }),
    "adding the bench dashboard",
  );
  return `/projects/${created.id}/dashboards/${BENCH_DASHBOARD_UID}`;
}
