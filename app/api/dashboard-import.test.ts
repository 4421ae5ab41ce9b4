import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "@/lib/tools/files";
import { call, jsonInit } from "./testing/route-calls";

/**
 * POST /api/projects/{id}/dashboards with a Grafana export, called as Next.js calls it, over a
 * fresh embedded database: a section add with the import report; 409 on a uid the project has,
 * saying how to choose another; 422 with the model's issues; 400 for what is no dashboard. A
 * refused import stores nothing.
 */

process.env.OBSFORGE_DATA_DIR = makeTempDir("obsforge-dashboard-import");
delete process.env.DATABASE_URL;

type Json = any;

const TESTDATA = path.resolve(import.meta.dirname, "../../lib/dashboard/testdata");
const load = (name: string): Json => JSON.parse(readFileSync(path.join(TESTDATA, name), "utf8"));

describe("POST /api/projects/{id}/dashboards with a Grafana export", () => {
  let projects: typeof import("./projects/route");
  let project: typeof import("./projects/[id]/route");
  let dashboards: typeof import("./projects/[id]/dashboards/route");
  let dashboard: typeof import("./projects/[id]/dashboards/[uid]/route");
  let revisions: typeof import("./projects/[id]/revisions/route");
  beforeAll(async () => {
    projects = await import("./projects/route");
    project = await import("./projects/[id]/route");
    dashboards = await import("./projects/[id]/dashboards/route");
    dashboard = await import("./projects/[id]/dashboards/[uid]/route");
    revisions = await import("./projects/[id]/revisions/route");
  });

  async function newProject(body: Json): Promise<{ id: string; version: number }> {
    const response = await call(projects.POST, {}, jsonInit("POST", body));
    expect(response.status).toBe(201);
    return response.json();
  }

  async function latest(id: string): Promise<Json> {
    return (await call(project.GET, { id })).json();
  }

  function post(id: string, body: unknown): Promise<Response> {
    return call(dashboards.POST, { id }, jsonInit("POST", body));
  }

  it("adds the dashboard as a section, answering 201 with it and the import report", async () => {
    const created = await newProject({ template: "basic", name: "Nodes" });
    const response = await post(created.id, { grafana: load("node-exporter-full.grafana.json") });
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe(`/api/projects/${created.id}/dashboards/rYdddlPWk`);
    const body = await response.json();
    expect(body).toMatchObject({ version: created.version + 1, changed: true });
    expect(body.content).toMatchObject({ uid: "rYdddlPWk", title: "Node Exporter Full" });
    expect(body.report).toMatchObject({
      title: "Node Exporter Full",
      uid: "rYdddlPWk",
      panels: { total: 23, editable: 23, keptRaw: 0 },
      summary: "23 panels: 23 editable, 0 kept as raw JSON",
    });
    expect(body.report.unmapped).toContainEqual({
      path: "links",
      what: "1 dashboard links kept as raw JSON in extra",
    });
    expect(body.report.warnings.join("\n")).toContain("${DS_PROMETHEUS}");
    // Stored as the section it answered, with a revision saying what it was.
    const section = await (await call(dashboard.GET, { id: created.id, uid: "rYdddlPWk" })).json();
    expect(section.content).toEqual(body.content);
    const history = await (await call(revisions.GET, { id: created.id })).json();
    expect(history[0].message).toBe('imported Grafana dashboard "Node Exporter Full"');
  });

  it("takes Grafana's `{dashboard, meta}` as the body, and counts panels kept as raw JSON", async () => {
    const created = await newProject({ template: "basic", name: "Shop" });
    const wrapped = load("modern.grafana.json");
    expect(Object.keys(wrapped).sort()).toEqual(["dashboard", "meta"]);
    const response = await post(created.id, wrapped);
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.report.summary).toBe("8 panels: 7 editable, 1 kept as raw JSON");
    expect(body.report.unmapped).toContainEqual({
      path: "panels[7]",
      what: 'panel type "text" has no model equivalent; kept as raw JSON in the dashboard\'s extra',
    });
    // The same export without `meta` is recognised by its content (a schemaVersion), under its own uid.
    const again = await post(created.id, { dashboard: wrapped.dashboard });
    expect(again.status).toBe(409);
    // A model dashboard is still added as sent, without a report.
    const model = await post(created.id, { dashboard: { uid: "plain", title: "Plain" } });
    expect(model.status).toBe(201);
    expect((await model.json()).report).toBeUndefined();
  });

  it("answers a uid the project has with 409 saying how to choose another, and imports under the chosen uid", async () => {
    const created = await newProject({ template: "basic", name: "Twice" });
    const grafana = load("node-exporter-full.grafana.json");
    expect((await post(created.id, { grafana })).status).toBe(201);
    const before = await latest(created.id);
    const clash = await post(created.id, { grafana });
    expect(clash.status).toBe(409);
    const error = await clash.json();
    expect(error.error).toBe(
      'the project already has a dashboard with uid "rYdddlPWk": send {"grafana": …, "uid": "rYdddlPWk-2"} (or another unused uid) to import it beside that one',
    );
    expect(error.issues).toEqual([
      { path: "uid", message: 'the project already has a dashboard with uid "rYdddlPWk"', severity: "error" },
    ]);
    expect(await latest(created.id)).toEqual(before);
    const chosen = await post(created.id, { grafana, uid: "nodes-copy" });
    expect(chosen.status).toBe(201);
    expect((await chosen.json()).report.uid).toBe("nodes-copy");
    expect((await latest(created.id)).project.dashboards.map((d: Json) => d.uid)).toEqual(
      expect.arrayContaining(["rYdddlPWk", "nodes-copy"]),
    );
    const badUid = await post(created.id, { grafana, uid: "no spaces" });
    expect(badUid.status).toBe(400);
  });

  it("answers 422 with the model's issues, inside the dashboard, when the project cannot hold it", async () => {
    // An empty project has no datasource for the dashboard's queries to run on.
    const created = await newProject({ empty: true, name: "Blank" });
    const before = await latest(created.id);
    const response = await post(created.id, { grafana: load("node-exporter-full.grafana.json") });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.issues).toContainEqual({
      path: "panels[1].targets[0].datasource",
      message: "no prometheus datasource in the project for this promql query",
      severity: "error",
      section: true,
    });
    expect(await latest(created.id)).toEqual(before);
  });

  it.each([
    [
      "a rule file",
      { grafana: { groups: [{ name: "x", rules: [] }] } },
      "not an importable Grafana dashboard: grafana: not a Grafana dashboard: it has none of title, panels or rows",
    ],
    [
      "a number",
      { grafana: 3 },
      "not an importable Grafana dashboard: grafana: expected a Grafana dashboard JSON object, got a number",
    ],
    [
      "a wrapper around no dashboard",
      { dashboard: { title: 3, schemaVersion: 39 }, meta: {} },
      "not an importable Grafana dashboard: dashboard.title: Invalid input: expected string, received number",
    ],
  ])("answers %s with 400 naming why, and stores nothing", async (_name, body, message) => {
    const created = await newProject({ template: "basic", name: "Refuses" });
    const before = await latest(created.id);
    const response = await post(created.id, body);
    expect(response.status).toBe(400);
    const error = await response.json();
    expect(error.error.startsWith(message), error.error).toBe(true);
    expect(error.issues.length).toBeGreaterThan(0);
    expect(await latest(created.id)).toEqual(before);
  });
});
