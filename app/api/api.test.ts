import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInInit } from "@/lib/testing/test-user";
import { makeTempDir } from "@/lib/tools/files";

/**
 * The route handlers called as Next.js calls them (a Request and the route's params), over a
 * fresh embedded database. Covers the contract, the status codes, and that bad input never
 * changes what is stored.
 */

const dataDir = makeTempDir("obsforge-api");
process.env.OBSFORGE_DATA_DIR = dataDir;
delete process.env.DATABASE_URL;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const projects = await import("./projects/route");
const project = await import("./projects/[id]/route");
const revisions = await import("./projects/[id]/revisions/route");
const revision = await import("./projects/[id]/revisions/[version]/route");
const restore = await import("./projects/[id]/revisions/[version]/restore/route");
const bundle = await import("./projects/[id]/bundle/route");
const validation = await import("./projects/[id]/validation/route");
const applyTemplate = await import("./projects/[id]/templates/[name]/route");
const health = await import("./health/route");

async function call(handler: Handler, params: Record<string, string>, init?: RequestInit): Promise<Response> {
  return handler(new Request("http://localhost/api", await signedInInit(init)), {
    params: Promise.resolve(params),
  });
}

function jsonInit(method: string, body: unknown): RequestInit {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return {
    method,
    body: text,
    headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) },
  };
}

const deploymentYaml = readFileSync(
  path.resolve(import.meta.dirname, "../../examples/deployment.yaml"),
  "utf8",
);

describe("the projects API", () => {
  let id = "";
  let stored: Record<string, any> = {};

  beforeAll(async () => {
    const response = await call(
      projects.POST as Handler,
      {},
      jsonInit("POST", { template: "standard", name: "Shop API" }),
    );
    expect(response.status).toBe(201);
    stored = await response.json();
    id = stored.id;
  });
  afterAll(() => {
    /* the temp dir is left for the OS: PGlite may still hold it open */
  });

  async function current(): Promise<Record<string, any>> {
    return (await call(project.GET as Handler, { id })).json();
  }

  it("reports a healthy database with its migrations", async () => {
    const response = await health.GET();
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body.database.driver).toBe("pglite");
    expect(body.database.migrations.length).toBeGreaterThan(0);
  });

  it("creates from a template and lists it", async () => {
    expect(stored.version).toBe(1);
    expect(stored.project.level).toBe("standard");
    const list = await (await call(projects.GET as Handler, {})).json();
    expect(list.map((p: { id: string }) => p.id)).toContain(id);
  });

  it("creates from a deployment.yaml and from a project file", async () => {
    const fromYaml = await call(projects.POST as Handler, {}, jsonInit("POST", { deploymentYaml }));
    expect(fromYaml.status).toBe(201);
    const fromFile = await call(projects.POST as Handler, {}, jsonInit("POST", { project: stored.project }));
    expect(fromFile.status).toBe(201);
    const empty = await call(projects.POST as Handler, {}, jsonInit("POST", { empty: true, name: "Blank" }));
    expect((await empty.json()).project.dashboards).toEqual([]);
  });

  it("saves with the base version and refuses a stale save with 409 and the current version", async () => {
    const renamed = { ...stored.project, name: "Shop API v2" };
    const saved = await call(
      project.PUT as Handler,
      { id },
      jsonInit("PUT", { version: 1, project: renamed, message: "rename" }),
    );
    expect(saved.status).toBe(200);
    expect((await saved.json()).version).toBe(2);
    const stale = await call(
      project.PUT as Handler,
      { id },
      jsonInit("PUT", { version: 1, project: { ...stored.project, name: "Lost" } }),
    );
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ currentVersion: 2 });
    expect((await current()).project.name).toBe("Shop API v2");
  });

  it("answers a stale save 409 before validating it: an old version pays for nothing else", async () => {
    const before = await current();
    const stale = await call(
      project.PUT as Handler,
      { id },
      jsonInit("PUT", { version: 1, project: { name: 42, dashboards: "not a list" } }),
    );
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ currentVersion: before.version });
    expect(await current()).toEqual(before);
  });

  it.each([
    ["malformed JSON", "{ not json", 400, /^malformed JSON/],
    ["an empty body", "", 400, /empty/],
    ["wrong types", { version: "two", project: {} }, 400, /invalid request/],
  ])("answers %s with a 4xx and changes nothing", async (_name, body, status, message) => {
    const before = await current();
    const response = await call(project.PUT as Handler, { id }, jsonInit("PUT", body));
    expect(response.status).toBe(status);
    expect((await response.json()).error).toMatch(message);
    expect(await current()).toEqual(before);
  });

  it("answers an invalid project with 422 and every issue's path", async () => {
    const before = await current();
    const broken = structuredClone(before.project);
    broken.dashboards[0].panels[1].targets[0].expr = "sum(rate(x[5m])))";
    broken.route.receiver = "nobody";
    const response = await call(
      project.PUT as Handler,
      { id },
      jsonInit("PUT", { version: before.version, project: broken }),
    );
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.issues).toEqual(
      expect.arrayContaining([
        {
          path: "dashboards[0].panels[1].targets[0].expr",
          message: expect.stringMatching(/^parse error at \d+: /),
          severity: "error",
        },
        { path: "route.receiver", message: 'undefined receiver "nobody" used in route', severity: "error" },
      ]),
    );
    expect(await current()).toEqual(before);
  });

  it("refuses an oversize body with 413", async () => {
    const huge = JSON.stringify({ version: 1, project: { name: "x".repeat(6 * 1024 * 1024) } });
    const response = await call(project.PUT as Handler, { id }, jsonInit("PUT", huge));
    expect(response.status).toBe(413);
  });

  it("answers a deployment.yaml with a bad condition with 400 naming the line", async () => {
    const response = await call(
      projects.POST as Handler,
      {},
      jsonInit("POST", { deploymentYaml: deploymentYaml.replace("cpu > 80%", "cpu > 80 percent") }),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.issues[0].path).toBe("monitoring.alerts.rules[0].condition");
    expect(body.issues[0].message).toMatch(
      /^deployment\.yaml:\d+:\d+: .*cannot read condition "cpu > 80 percent"/,
    );
  });

  it("answers unknown ids with 404", async () => {
    expect((await call(project.GET as Handler, { id: "doesnotexist0000" })).status).toBe(404);
    expect((await call(project.GET as Handler, { id: "../etc" })).status).toBe(404);
    expect((await call(revision.GET as Handler, { id, version: "999" })).status).toBe(404);
  });

  it("keeps the history and restores an old revision as a new one", async () => {
    const list = await (await call(revisions.GET as Handler, { id })).json();
    expect(list.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    const first = await (await call(revision.GET as Handler, { id, version: "1" })).json();
    expect(first.project.name).toBe("Shop API");
    const restored = await call(restore.POST as Handler, { id, version: "1" }, { method: "POST" });
    expect(restored.status).toBe(200);
    const body = await restored.json();
    expect(body.version).toBe(3);
    expect(body.project.name).toBe("Shop API");
  });

  it("applies a catalog template as a new revision", async () => {
    const before = await current();
    const response = await call(
      applyTemplate.POST as Handler,
      { id, name: "enterprise" },
      jsonInit("POST", { version: before.version }),
    );
    expect(response.status).toBe(200);
    const after = await response.json();
    expect(after.project.dashboards.length).toBeGreaterThan(before.project.dashboards.length);
    expect(
      (
        await call(
          applyTemplate.POST as Handler,
          { id, name: "nope" },
          jsonInit("POST", { version: after.version }),
        )
      ).status,
    ).toBe(404);
  });

  it("serves the bundle as a named zip and the validation report", async () => {
    const response = await call(bundle.GET as Handler, { id });
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="shop-api-observability-v\d+\.zip"$/,
    );
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
    const report = await (await call(validation.GET as Handler, { id })).json();
    expect(report.ok).toBe(true);
  });

  it("tags a project with its version and answers an unchanged one with 304", async () => {
    const first = await call(project.GET as Handler, { id });
    const etag = first.headers.get("etag") ?? "";
    const current = await first.json();
    expect(etag).toBe(`"${id}-${current.version}"`);
    const again = await call(project.GET as Handler, { id }, { headers: { "if-none-match": `W/${etag}` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const saved = await call(
      project.PUT as Handler,
      { id },
      jsonInit("PUT", { version: current.version, project: current.project, message: "touch" }),
    );
    expect(saved.status).toBe(200);
    const changed = await call(project.GET as Handler, { id }, { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect((await changed.json()).version).toBe(current.version + 1);
  });

  it("deletes", async () => {
    expect((await call(project.DELETE as Handler, { id })).status).toBe(204);
    expect((await call(project.GET as Handler, { id })).status).toBe(404);
    expect((await call(project.DELETE as Handler, { id })).status).toBe(404);
  });
});
