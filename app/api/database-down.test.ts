import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db/client";
import { type PostgresServer, startPostgresServer } from "@/lib/testing/faults/postgres-server";
import { type CreatedProject, callRoute, postJson, type RouteHandler } from "@/lib/testing/route-calls";

/**
 * A real PostgreSQL of this file's own, stopped under the app and started again: every route
 * answers 503 with Retry-After while it is down (not 500 "internal error"), nothing is half
 * written, and the app recovers by itself once it is back.
 */

let postgres: PostgresServer;

interface Routes {
  projects: { GET: RouteHandler; POST: RouteHandler };
  project: { GET: RouteHandler; PUT: RouteHandler };
  health: { GET: () => Promise<Response> };
}
let routes: Routes;
let created: CreatedProject;

beforeAll(async () => {
  postgres = startPostgresServer();
  // getDb() reads DATABASE_URL when it first opens the database: set before any route runs.
  process.env.DATABASE_URL = postgres.url;
  routes = {
    projects: (await import("@/app/api/projects/route")) as unknown as Routes["projects"],
    project: (await import("@/app/api/projects/[id]/route")) as unknown as Routes["project"],
    health: (await import("@/app/api/health/route")) as unknown as Routes["health"],
  };
  const response = await postJson(routes.projects.POST, {}, "/api/projects", {
    template: "basic",
    name: "Down",
  });
  expect(response.status).toBe(201);
  created = (await response.json()) as CreatedProject;
});

afterAll(async () => {
  await closeDb().catch(() => undefined);
  postgres?.remove();
});

async function expectUnavailable(response: Response): Promise<void> {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("5");
  expect(await response.json()).toEqual({
    error: "the database is unavailable: try again in 5 s",
    issues: [],
  });
}

const save = (): Promise<Response> =>
  postJson(
    routes.project.PUT,
    { id: created.id },
    `/api/projects/${created.id}`,
    { version: created.version, project: { ...created.project, name: "Saved while down" } },
    "PUT",
  );

describe("PostgreSQL down", () => {
  it("answers 503 with Retry-After on reads and writes, then recovers by itself", async () => {
    postgres.stop();
    // The pool's connections were closed by the server: the first queries meet them dying.
    await expectUnavailable(await callRoute(routes.projects.GET, {}, "/api/projects"));
    await expectUnavailable(
      await callRoute(routes.project.GET, { id: created.id }, `/api/projects/${created.id}`),
    );
    await expectUnavailable(await save());
    await expectUnavailable(
      await postJson(routes.projects.POST, {}, "/api/projects", { template: "basic", name: "While down" }),
    );
    expect((await routes.health.GET()).status).toBe(503);

    postgres.start();
    const listed = await callRoute(routes.projects.GET, {}, "/api/projects");
    expect(listed.status).toBe(200);
    const names = ((await listed.json()) as { name: string }[]).map((project) => project.name);
    expect(names).toEqual(["Down"]);
    const read = await callRoute(routes.project.GET, { id: created.id }, `/api/projects/${created.id}`);
    expect(((await read.json()) as CreatedProject).version).toBe(created.version);
    expect((await save()).status).toBe(200);
  });

  it("answers 503 when the process first opens a database that is down", async () => {
    await closeDb();
    postgres.stop();
    await expectUnavailable(await callRoute(routes.projects.GET, {}, "/api/projects"));
    postgres.start();
    expect((await callRoute(routes.projects.GET, {}, "/api/projects")).status).toBe(200);
  });
});
