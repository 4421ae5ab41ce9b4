import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

/** The document, read as loose JSON: the assertions check its shape. */
type Json = any;

const APP_API = path.resolve(import.meta.dirname, "../../app/api");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const EXPORTED_METHOD = new RegExp(
  `export\\s+(?:const|(?:async\\s+)?function)\\s+(${METHODS.join("|")})\\b`,
  "g",
);

interface RouteFile {
  file: string;
  /** The URL path in OpenAPI's spelling: `[id]` → `{id}`; a catch-all keeps its `[...name]`. */
  path: string;
  catchAll: boolean;
  methods: string[];
}

/** Every route.ts under app/api, with its URL path and the HTTP methods it exports. */
function routeFiles(dir: string = APP_API, segments: string[] = ["api"]): RouteFile[] {
  const found: RouteFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // Route groups, `(name)`, are not part of the URL.
      const segment = /^\(.*\)$/.test(entry.name) ? [] : [entry.name.replace(/^\[(\w+)\]$/, "{$1}")];
      found.push(...routeFiles(full, [...segments, ...segment]));
    } else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
      const source = readFileSync(full, "utf8");
      found.push({
        file: path.relative(APP_API, full),
        path: `/${segments.join("/")}`,
        catchAll: segments.some((segment) => segment.startsWith("[")),
        methods: [...source.matchAll(EXPORTED_METHOD)].map((match) => match[1] ?? "").sort(),
      });
    }
  }
  return found;
}

function documentedMethods(item: Json): string[] {
  return Object.keys(item)
    .filter((key) => METHODS.includes(key.toUpperCase()))
    .map((key) => key.toUpperCase())
    .sort();
}

describe("openApiDocument", () => {
  const document = openApiDocument() as {
    paths: Record<string, Json>;
    components: { schemas: Record<string, Json> };
  };
  const routes = routeFiles();
  const staticPaths = new Set(routes.filter((route) => !route.catchAll).map((route) => route.path));

  /** The documented paths a route file serves: its own, or for a catch-all every path under it. */
  function pathsOf(route: RouteFile): string[] {
    if (!route.catchAll) return route.path in document.paths ? [route.path] : [];
    const prefix = route.path.slice(0, route.path.indexOf("/["));
    return Object.keys(document.paths).filter(
      (documented) => documented.startsWith(`${prefix}/`) && !staticPaths.has(documented),
    );
  }

  it("finds the route files, each exporting at least one method", () => {
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) expect(route.methods, route.file).not.toEqual([]);
    expect(routes.find((route) => route.file === "projects/[id]/dashboards/[uid]/route.ts")).toMatchObject({
      path: "/api/projects/{id}/dashboards/{uid}",
      methods: ["DELETE", "GET", "PUT"],
    });
  });

  it("documents every route file under app/api with exactly the methods it exports", () => {
    for (const route of routes) {
      const paths = pathsOf(route);
      expect(paths, `${route.file} (${route.path}) is not documented`).not.toEqual([]);
      const methods = new Set(paths.flatMap((documented) => documentedMethods(document.paths[documented])));
      expect([...methods].sort(), `methods of ${route.file}`).toEqual(route.methods);
    }
  });

  it("documents no path that no route file serves", () => {
    const served = new Set(routes.flatMap(pathsOf));
    expect(Object.keys(document.paths).filter((documented) => !served.has(documented))).toEqual([]);
  });

  it("refers only to components it has", () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1] ?? "");
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of new Set(refs)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(document.components.schemas, ref).toHaveProperty([ref.slice("#/components/schemas/".length)]);
    }
  });

  it("derives the schemas from the zod model, including the recursive route tree", () => {
    const { schemas } = document.components;
    expect(schemas.Project.type).toBe("object");
    expect(schemas.Project.required).toContain("name");
    expect(schemas.Project.properties.route).toEqual({ $ref: "#/components/schemas/Route" });
    expect(schemas.Route.properties.routes.items).toEqual({ $ref: "#/components/schemas/Route" });
    expect(JSON.stringify(schemas.Route)).toContain("receiver");
    expect(schemas.Project.properties.dashboards.items).toEqual({ $ref: "#/components/schemas/Dashboard" });
    expect(schemas.UpdateProjectBody.required).toEqual(["version", "project"]);
    expect(schemas.UpdateProjectBody.properties.project).toEqual({
      $ref: "#/components/schemas/ProjectInput",
    });
    // Input schemas leave defaulted fields optional; output schemas have them.
    expect(schemas.ProjectInput.required).not.toContain("dashboards");
    expect(schemas.Project.required).toContain("dashboards");
  });

  it("documents section saves: the body, the answer, the 409 with the section as stored now, the 422", () => {
    const put = document.paths["/api/projects/{id}/dashboards/{uid}"].put;
    expect(put.requestBody.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/SaveDashboardBody",
    });
    const body = document.components.schemas.SaveDashboardBody;
    expect(body.required).toEqual(["version", "content"]);
    expect(body.properties.content).toEqual({ $ref: "#/components/schemas/DashboardInput" });
    expect(Object.keys(put.responses).sort()).toEqual(["200", "400", "404", "409", "413", "422"]);
    const conflict = put.responses["409"].content["application/json"].schema;
    expect(conflict).toEqual({ $ref: "#/components/schemas/DashboardConflict" });
    const conflictSchema = document.components.schemas.DashboardConflict;
    expect(conflictSchema.required).toEqual(expect.arrayContaining(["currentVersion", "current"]));
    expect(JSON.stringify(conflictSchema.properties.current)).toContain("#/components/schemas/Dashboard");
    expect(JSON.stringify(document.components.schemas.SettingsConflict.properties.current)).toContain(
      "#/components/schemas/Settings",
    );
    expect(document.components.schemas.DashboardSaveResult.required).toEqual(
      expect.arrayContaining(["version", "sectionVersion", "content", "changed"]),
    );
    for (const section of ["rule-groups/{name}", "alerting", "settings"]) {
      const operations = document.paths[`/api/projects/{id}/${section}`];
      expect(Object.keys(operations.put.responses), section).toEqual(
        expect.arrayContaining(["200", "409", "422"]),
      );
      expect(operations.get.responses["200"], section).toBeDefined();
    }
    expect(JSON.stringify(document.components.schemas.ApiError)).toContain('"section"');
  });

  it("documents DELETE of a section with its required ?version=, and the creating POSTs", () => {
    for (const section of ["dashboards/{uid}", "rule-groups/{name}"]) {
      const remove = document.paths[`/api/projects/{id}/${section}`].delete;
      expect(remove.parameters).toEqual([
        expect.objectContaining({ name: "version", in: "query", required: true }),
      ]);
      expect(remove.parameters[0].schema.type).toBe("integer");
      expect(Object.keys(remove.responses)).toEqual(expect.arrayContaining(["200", "404", "409"]));
    }
    const create = document.paths["/api/projects/{id}/dashboards"].post;
    expect(create.responses["201"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/DashboardCreated",
    });
    const options = document.components.schemas.CreateDashboardBody.anyOf;
    expect(options.map((option: Json) => option.required)).toEqual([
      ["title"],
      ["template"],
      ["grafana"],
      ["dashboard"],
    ]);
    expect(options[3].properties.dashboard.anyOf).toEqual([
      { $ref: "#/components/schemas/DashboardInput" },
      { $ref: "#/components/schemas/GrafanaDashboard" },
    ]);
    expect(document.paths["/api/projects/{id}/rule-groups"].post.responses["201"]).toBeDefined();
  });

  it("documents the Grafana import: the export, the uid to choose, the report, and the 400 and 409", () => {
    const { schemas } = document.components;
    const grafana = schemas.CreateDashboardBody.anyOf[2];
    expect(grafana.properties.grafana).toEqual({ $ref: "#/components/schemas/GrafanaDashboard" });
    expect(grafana.properties.uid.type).toBe("string");
    expect(schemas.GrafanaDashboard.description).toContain("{dashboard, meta}");
    expect(schemas.DashboardCreated.properties.report).toEqual({
      $ref: "#/components/schemas/DashboardImportReport",
    });
    expect(schemas.DashboardCreated.required).not.toContain("report");
    expect(schemas.DashboardImportReport.required).toEqual(
      expect.arrayContaining(["panels", "summary", "unmapped", "warnings"]),
    );
    const create = document.paths["/api/projects/{id}/dashboards"].post;
    expect(create.description).toContain("125 panels: 125 editable, 0 kept as raw JSON");
    expect(create.responses["400"].description).toContain("no Grafana dashboard");
    expect(create.responses["409"].description).toContain("`uid`");
    expect(create.responses["422"]).toBeDefined();
  });

  it("documents the templates POST with an optional body whose version is optional", () => {
    const post = document.paths["/api/projects/{id}/templates/{name}"].post;
    expect(post.requestBody.required).toBe(false);
    const body = document.components.schemas.ApplyTemplateBody;
    expect(body.properties.version.type).toBe("integer");
    expect(body.required ?? []).not.toContain("version");
    expect(post.responses["409"]).toBeUndefined();
  });

  it("derives the preview endpoints from the preview schemas and the allowlist", () => {
    const query = document.paths["/api/projects/{id}/preview/query"];
    expect(query.get.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "query", in: "query", required: true }),
        expect.objectContaining({ name: "width", in: "query", required: false }),
        expect.objectContaining({ name: "datasource", in: "query", required: false }),
      ]),
    );
    expect(query.post.requestBody.content["application/x-www-form-urlencoded"].schema.required).toEqual([
      "query",
    ]);
    expect(query.get.responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/QueryPreviewResponse",
    });
    const series = document.paths["/api/projects/{id}/preview/series"].get;
    expect(series.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "match[]", required: true })]),
    );
    // Prometheus takes label values by GET only, and so does the preview.
    const labelValues = document.paths["/api/projects/{id}/preview/label/{name}/values"];
    expect(documentedMethods(labelValues)).toEqual(["GET"]);
    expect(labelValues.parameters.map((parameter: Json) => parameter.name)).toEqual(["id", "name"]);
  });

  it("is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });
});
