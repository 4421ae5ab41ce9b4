import { rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/testing/processes";
import { freshDataDir, postJson, type RouteHandler } from "@/lib/testing/route-calls";
import { makeTempDir } from "@/lib/tools/files";
import { type DemoPrometheus, startDemoPrometheus } from "@/scripts/demo/prometheus";

/**
 * POST /api/projects/{id}/preview/test-connection as Next.js calls it, over a fresh embedded
 * database: against Debian's Prometheus, a closed port and a web server that is not Prometheus.
 */

freshDataDir("obsforge-test-connection");

const projects = await import("../../../route");
const testConnection = await import("./route");

describe("POST /api/projects/{id}/preview/test-connection", () => {
  let demo: DemoPrometheus;
  let dir = "";
  let id = "";
  let web: Server;
  let webUrl = "";
  const webSeen: string[] = [];

  function test(body: unknown, projectId = id): Promise<Response> {
    return postJson(
      testConnection.POST as RouteHandler,
      { id: projectId },
      `/api/projects/${projectId}/preview/test-connection`,
      body,
    );
  }

  beforeAll(async () => {
    dir = makeTempDir("obsforge-test-connection-prometheus");
    demo = await startDemoPrometheus({ hours: 1, dir, live: false });
    const created = await postJson(projects.POST as RouteHandler, {}, "/api/projects", {
      template: "basic",
      name: "Connection Shop",
    });
    id = (await created.json()).id;
    // A web server that is not Prometheus: it answers every path with a page.
    web = createServer((request, response) => {
      webSeen.push(`${request.method} ${request.url}`);
      response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Grafana</title>");
    });
    const port = await freePort();
    await new Promise<void>((resolve) => web.listen(port, "127.0.0.1", resolve));
    webUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await demo?.stop();
    web?.closeAllConnections();
    await new Promise((resolve) => web?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads a real Prometheus's version and series count", async () => {
    const response = await test({ url: demo.url });
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    const buildinfo = await (await fetch(`${demo.url}/api/v1/status/buildinfo`)).json();
    const tsdb = await (await fetch(`${demo.url}/api/v1/status/tsdb`)).json();
    expect(body).toMatchObject({
      ok: true,
      url: demo.url,
      source: "url",
      version: buildinfo.data.version,
      revision: buildinfo.data.revision,
    });
    expect(body.version).toMatch(/^2\.\d+\.\d+/);
    expect(Number.isInteger(body.series)).toBe(true);
    // Prometheus scrapes itself meanwhile: the head only grows during the test.
    expect(body.series).toBeGreaterThanOrEqual(0);
    expect(body.series).toBeLessThanOrEqual(tsdb.data.headStats.numSeries);
  });

  it("tests a datasource's preview URL as typed, and its URL when it has none", async () => {
    const asTyped = await (
      await test({ datasource: { url: "http://prometheus:9090", previewUrl: demo.url } })
    ).json();
    expect(asTyped).toMatchObject({ ok: true, url: demo.url, source: "previewUrl" });

    // Without a preview URL and without a demo Prometheus, the in-stack URL is what previews use.
    const inStack = await (await test({ datasource: { url: "http://prometheus:9090" } })).json();
    expect(inStack).toMatchObject({ ok: false, url: "http://prometheus:9090", source: "url" });
    expect(["unreachable", "timeout"]).toContain(inStack.kind);

    // With one, previews of a datasource without a preview URL go there, and so does the test.
    process.env.OBSFORGE_DEMO_PROMETHEUS_URL = demo.url;
    try {
      const viaDemo = await (await test({ datasource: { url: "http://prometheus:9090" } })).json();
      expect(viaDemo).toMatchObject({ ok: true, url: demo.url, source: "demo" });
    } finally {
      delete process.env.OBSFORGE_DEMO_PROMETHEUS_URL;
    }
  });

  it("says connection refused for a closed port, as an answer rather than an HTTP error", async () => {
    const port = await freePort();
    const response = await test({ url: `http://127.0.0.1:${port}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: false,
      url: `http://127.0.0.1:${port}`,
      source: "url",
      kind: "unreachable",
      error: `cannot reach http://127.0.0.1:${port}: connection refused (ECONNREFUSED)`,
    });
  });

  it("says when the URL is not a Prometheus, having asked it for buildinfo only", async () => {
    webSeen.length = 0;
    const body = await (await test({ url: `${webUrl}/grafana/` })).json();
    expect(body).toMatchObject({ ok: false, url: `${webUrl}/grafana`, kind: "bad_response" });
    expect(body.error).toBe(
      `${webUrl}/grafana/api/v1/status/buildinfo answered HTTP 200 with non-JSON content (37 bytes, content-type text/html)`,
    );
    expect(webSeen).toEqual(["GET /grafana/api/v1/status/buildinfo"]);
  });

  it.each([
    ["no URL", {}, 400, "give either url or datasource"],
    ["a host without a scheme", { url: "prometheus:9090" }, 400, "must be an http:// or https:// URL"],
    ["a file URL", { url: "file:///etc/passwd" }, 400, "must be an http:// or https:// URL"],
    [
      "credentials",
      { url: "http://admin:admin@127.0.0.1:9090" },
      400,
      "must not carry credentials in the URL",
    ],
  ])("refuses %s with %i, calling nothing", async (_name, body, status, message) => {
    const response = await test(body);
    const answer = await response.json();
    expect(response.status, JSON.stringify(answer)).toBe(status);
    expect(answer.issues.map((issue: { message: string }) => issue.message)).toContain(message);
  });

  it("answers 404 for an unknown project", async () => {
    const response = await test({ url: demo.url }, "doesnotexist0");
    expect(response.status).toBe(404);
  });
});
