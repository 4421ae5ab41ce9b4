import type { Dashboard } from "../../lib/model/dashboard";
import { ProjectShapeSchema } from "../../lib/model/stored-project";
import { BENCH_DASHBOARD_UID, benchDashboard } from "./bench-dashboard";
import { LARGE_DASHBOARD_UID, largeBenchDashboard } from "./large-dashboard";
import { signInToApp } from "../app-session";

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

export interface BenchProject {
  /** Paths in the app of the 24-panel dashboard and of the 125-panel node-exporter-full. */
  dashboard24: string;
  large: string;
  /** The large dashboard as stored, to count what its panels ask. */
  largeDashboard: Dashboard;
}

/**
 * Through the app's API: an enterprise project whose Prometheus previews against `prometheusUrl`,
 * with the 24-panel bench dashboard and the imported node-exporter-full added.
 */
export async function createBenchProject(appUrl: string, prometheusUrl: string): Promise<BenchProject> {
  await signInToApp(appUrl);
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
  const largeDashboard = largeBenchDashboard(ProjectShapeSchema.parse({ ...project, datasources }));
  await json(
    await fetch(`${appUrl}/api/projects/${created.id}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        version: created.version,
        project: {
          ...project,
          datasources,
          dashboards: [...project.dashboards, benchDashboard(project.dashboards), largeDashboard],
        },
        message: "24-panel bench dashboard and node-exporter-full, previewing against the demo Prometheus",
      }),
    }),
    "adding the bench dashboard",
  );
  return {
    dashboard24: `/projects/${created.id}/dashboards/${BENCH_DASHBOARD_UID}`,
    large: `/projects/${created.id}/dashboards/${LARGE_DASHBOARD_UID}`,
    largeDashboard,
  };
}
