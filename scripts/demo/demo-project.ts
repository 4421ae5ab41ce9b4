import { projectFromTemplate } from "../../lib/catalog/templates";
import { generateBundle } from "../../lib/generate/bundle";
import type { GeneratedFile } from "../../lib/generate/types";
import { signInToApp } from "../app-session";

/** The demo project: the enterprise template, created through the app's own HTTP API. */

export const DEMO_PROJECT = { template: "enterprise", name: "Demo" } as const;

/** The Prometheus rule files of the demo project's bundle, so the demo Prometheus evaluates the catalog's alerts. */
export function demoRuleFiles(): GeneratedFile[] {
  const project = projectFromTemplate({ name: DEMO_PROJECT.name, level: DEMO_PROJECT.template });
  return generateBundle(project).filter(
    (file) => file.path.startsWith("prometheus/rules/") && file.path.endsWith(".yml"),
  );
}

async function expectOk(response: Response, what: string): Promise<unknown> {
  const body = (await response.json().catch(() => ({}))) as unknown;
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(body).slice(0, 500)}`);
  return body;
}

interface StoredProject {
  id: string;
  version: number;
  project: { datasources: { type: string }[] } & Record<string, unknown>;
}

async function findDemoProject(appUrl: string): Promise<StoredProject | undefined> {
  const list = (await expectOk(await fetch(`${appUrl}/api/projects`), "listing projects")) as {
    id: string;
    name: string;
  }[];
  const existing = list.find((summary) => summary.name === DEMO_PROJECT.name);
  if (!existing) return undefined;
  return (await expectOk(
    await fetch(`${appUrl}/api/projects/${existing.id}`),
    "reading the demo project",
  )) as StoredProject;
}

/**
 * The Demo project (POST /api/projects {template, name} unless an earlier demo left one), saved
 * with its Prometheus datasource's `previewUrl` pointing at the demo Prometheus. Returns its id.
 */
export async function createDemoProject(appUrl: string, prometheusUrl: string): Promise<string> {
  await signInToApp(appUrl);
  const stored =
    (await findDemoProject(appUrl)) ??
    ((await expectOk(
      await fetch(`${appUrl}/api/projects`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(DEMO_PROJECT),
      }),
      "creating the demo project",
    )) as StoredProject);
  const datasources = stored.project.datasources.map((datasource) =>
    datasource.type === "prometheus" ? { ...datasource, previewUrl: prometheusUrl } : datasource,
  );
  await expectOk(
    await fetch(`${appUrl}/api/projects/${stored.id}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        version: stored.version,
        project: { ...stored.project, datasources },
        message: "preview against the demo Prometheus",
      }),
    }),
    "pointing the demo project at the demo Prometheus",
  );
  return stored.id;
}
