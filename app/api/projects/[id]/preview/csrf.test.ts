import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/lib/db/client";
import { previewRoute } from "@/lib/preview/http";
import { json } from "@/lib/server/http";
import { callRoute, freshDataDir, postJson, type RouteHandler } from "@/lib/testing/route-calls";

/**
 * The preview API's POSTs (queries as forms, lint, annotations, test-connection) are built on
 * previewRoute, not handler(): they get the same CSRF check (lib/security/csrf.ts). A form a page
 * on another site submits with the user's cookie is answered 403 before the route runs, and
 * every preview route file's POST is checked, so a new one cannot be forgotten.
 */

const dataDir = freshDataDir("obsforge-preview-csrf-");
const PREVIEW_DIR = import.meta.dirname;
let projectId = "";

beforeAll(async () => {
  const projects = (await import("@/app/api/projects/route")) as unknown as { POST: RouteHandler };
  const created = await postJson(projects.POST, {}, "/api/projects", { template: "basic", name: "CSRF" });
  expect(created.status).toBe(201);
  projectId = ((await created.json()) as { id: string }).id;
}, 120_000);

afterAll(async () => {
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
});

let ran = 0;
const wrapped = previewRoute(async (_request: Request) => {
  ran++;
  return json({ ran: true });
});

const FORM = {
  method: "POST",
  body: "query=up",
  headers: { host: "localhost", "content-type": "application/x-www-form-urlencoded" },
};

function send(headers: Record<string, string>, method = "POST"): Promise<Response> {
  return callRoute(wrapped as RouteHandler, {}, "/api/projects/x/preview/query", {
    ...FORM,
    method,
    ...(method === "GET" ? { body: undefined } : {}),
    headers: { ...FORM.headers, ...headers },
  });
}

describe("preview POSTs and cross-site writes", () => {
  it("answers a POST from another site's page 403 with why, and never runs the preview", async () => {
    const before = ran;
    const crossSite: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { origin: "http://127.0.0.1:9" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
    ];
    for (const headers of crossSite) {
      const response = await send(headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      const body = (await response.json()) as { error: string };
      expect(body.error).toMatch(/^cross-site request refused: /);
    }
    expect(ran).toBe(before);
  });

  it("runs same-origin POSTs, POSTs without Origin (scripts), and GETs from anywhere", async () => {
    const before = ran;
    expect((await send({ origin: "http://localhost" })).status).toBe(200);
    expect((await send({ "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await send({})).status).toBe(200);
    expect(
      (await send({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }, "GET")).status,
    ).toBe(200);
    expect(ran).toBe(before + 4);
  });

  const routeFiles = readdirSync(PREVIEW_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

  it("finds the preview routes", () => {
    expect(routeFiles).toEqual(
      expect.arrayContaining(["[...endpoint]", "lint", "annotations", "test-connection"]),
    );
  });

  it.each(routeFiles)("refuses a cross-site POST to preview/%s", async (segment) => {
    const module = (await import(path.join(PREVIEW_DIR, segment, "route.ts"))) as { POST?: RouteHandler };
    expect(module.POST, `preview/${segment} has a POST`).toBeDefined();
    const params = { id: projectId, ...(segment.startsWith("[...") ? { endpoint: ["query"] } : {}) };
    const response = await callRoute(
      module.POST as RouteHandler,
      params,
      `/api/projects/${projectId}/preview/${segment.startsWith("[...") ? "query" : segment}`,
      { ...FORM, headers: { ...FORM.headers, origin: "https://evil.example" } },
    );
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toMatch(/^cross-site request refused: /);
  });
});
