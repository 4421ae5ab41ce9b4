import type { Project } from "@/lib/model";
import { makeTempDir } from "@/lib/tools/files";
import { signedInInit } from "./test-user";

/**
 * Route handlers called as Next.js calls them (a Request and the route's params), for the API
 * tests beside app/api routes: a fresh embedded database, JSON requests signed in as the test
 * owner (lib/testing/test-user.ts; pass a Cookie header to act as someone else, an empty one to
 * be signed out), and a project whose Prometheus datasources preview against a given server.
 */

export type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, unknown>> },
) => Promise<Response>;

/**
 * Points the app at a fresh embedded database in a new temporary directory (returned, for the
 * test to remove). Call it before importing any route: the database is opened on first import.
 */
export function freshDataDir(prefix: string): string {
  const dataDir = makeTempDir(prefix);
  process.env.OBSFORGE_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  delete process.env.OBSFORGE_DEMO_PROMETHEUS_URL;
  return dataDir;
}

/** A request carrying body as JSON. */
export function jsonInit(method: string, body: unknown, signal?: AbortSignal): RequestInit {
  const text = JSON.stringify(body);
  return {
    method,
    body: text,
    signal,
    headers: { "content-type": "application/json", "content-length": String(text.length) },
  };
}

export async function callRoute(
  handler: RouteHandler,
  params: Record<string, unknown>,
  url: string,
  init?: RequestInit,
): Promise<Response> {
  return handler(new Request(`http://localhost${url}`, await signedInInit(init)), {
    params: Promise.resolve(params),
  });
}

/** Calls the handler with body as JSON (POST unless method says otherwise). */
export function postJson(
  handler: RouteHandler,
  params: Record<string, unknown>,
  url: string,
  body: unknown,
  method = "POST",
): Promise<Response> {
  return callRoute(handler, params, url, jsonInit(method, body));
}

export interface CreatedProject {
  id: string;
  version: number;
  project: Project;
}

/**
 * Creates a project from the basic template through POST /api/projects and, with previewUrl,
 * saves it with its Prometheus datasources previewing against that server.
 */
export async function createBasicProject(
  routes: { projects: { POST: unknown }; project: { PUT: unknown } },
  name: string,
  previewUrl?: string,
): Promise<CreatedProject> {
  const created = (await (
    await postJson(routes.projects.POST as RouteHandler, {}, "/api/projects", { template: "basic", name })
  ).json()) as CreatedProject;
  if (previewUrl) {
    const datasources = created.project.datasources.map((ds) =>
      ds.type === "prometheus" ? { ...ds, previewUrl } : ds,
    );
    const saved = await postJson(
      routes.project.PUT as RouteHandler,
      { id: created.id },
      `/api/projects/${created.id}`,
      { version: created.version, project: { ...created.project, datasources } },
      "PUT",
    );
    if (saved.status !== 200)
      throw new Error(`saving project ${name}: ${saved.status} ${await saved.text()}`);
  }
  return created;
}
