import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestConnectionBodySchema } from "../api/preview-schemas";
import { freePort } from "../testing/processes";
import { connectionTestTarget, testConnection } from "./connection";

/**
 * Test connection against stand-ins on loopback: a Prometheus, one without the TSDB status, a
 * server that is not Prometheus, one that answers 503, one that never answers. Each records what
 * it was asked, so the test can check that nothing but the two status endpoints is called.
 */

const seen: string[] = [];
let server: Server;
let base = "";

function send(response: ServerResponse, status: number, body: unknown, type = "application/json"): void {
  response
    .writeHead(status, { "content-type": type })
    .end(typeof body === "string" ? body : JSON.stringify(body));
}

const BUILDINFO = {
  status: "success",
  data: { version: "2.99.1", revision: "abc", branch: "HEAD", goVersion: "go1.22" },
};

/** Each path's answer: status, body, content type. */
const ANSWERS: Record<string, [number, unknown, string?]> = {
  "/prom/api/v1/status/buildinfo": [200, BUILDINFO],
  "/prom/api/v1/status/tsdb?limit=1": [
    200,
    {
      status: "success",
      data: { headStats: { numSeries: 1234, chunkCount: 5 }, seriesCountByMetricName: [] },
    },
  ],
  "/no-tsdb/api/v1/status/buildinfo": [200, BUILDINFO],
  "/no-tsdb/api/v1/status/tsdb?limit=1": [404, "404 page not found\n", "text/plain"],
  "/json/api/v1/status/buildinfo": [200, { hello: "world" }],
  "/down/api/v1/status/buildinfo": [503, "Service Unavailable", "text/plain"],
};

function handle(request: IncomingMessage, response: ServerResponse): void {
  const url = request.url ?? "/";
  seen.push(`${request.method} ${url}`);
  // The slow one never answers.
  if (url.startsWith("/slow/")) return;
  const [status, body, type] = ANSWERS[url] ?? [404, "<html><body>Not Found</body></html>", "text/html"];
  send(response, status, body, type);
}

beforeAll(async () => {
  const port = await freePort();
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function target(path: string): { baseUrl: string; source: "url" } {
  return { baseUrl: `${base}${path}`, source: "url" };
}

describe("testConnection", () => {
  it("reads the version and the head block's series count, and calls nothing else", async () => {
    seen.length = 0;
    expect(await testConnection(target("/prom"))).toEqual({
      ok: true,
      url: `${base}/prom`,
      source: "url",
      version: "2.99.1",
      revision: "abc",
      series: 1234,
    });
    expect(seen).toEqual(["GET /prom/api/v1/status/buildinfo", "GET /prom/api/v1/status/tsdb?limit=1"]);
  });

  it("still answers when the server has no TSDB status, without a series count", async () => {
    const answer = await testConnection(target("/no-tsdb"));
    expect(answer).toMatchObject({ ok: true, version: "2.99.1", series: null });
    expect(answer.ok && answer.seriesError).toMatch(
      /HTTP 404 with non-JSON content \(19 bytes, content-type text\/plain\)/,
    );
  });

  it.each([
    [
      "an HTML page",
      "/grafana",
      "bad_response",
      /HTTP 404 with non-JSON content \(35 bytes, content-type text\/html\)$/,
    ],
    ["JSON that is not Prometheus's", "/json", "bad_response", /unexpected shape .*is this a Prometheus\?/],
    [
      "a 503",
      "/down",
      "bad_response",
      /HTTP 503 with non-JSON content \(19 bytes, content-type text\/plain\)$/,
    ],
  ])("says what is wrong with %s, and stops after buildinfo", async (_name, path, kind, message) => {
    seen.length = 0;
    const answer = await testConnection(target(path));
    expect(answer).toMatchObject({ ok: false, url: `${base}${path}`, kind });
    expect(answer.ok ? "" : answer.error).toMatch(message);
    expect(seen).toEqual([`GET ${path}/api/v1/status/buildinfo`]);
  });

  it("gives up within its time bound", async () => {
    const started = Date.now();
    const answer = await testConnection(target("/slow"), { timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(answer).toMatchObject({ ok: false, kind: "timeout" });
    expect(answer.ok ? "" : answer.error).toBe(
      `http://127.0.0.1:${new URL(base).port} did not answer within 0.3 s`,
    );
  });

  it("says connection refused for a closed port", async () => {
    const port = await freePort();
    expect(await testConnection({ baseUrl: `http://127.0.0.1:${port}`, source: "previewUrl" })).toEqual({
      ok: false,
      url: `http://127.0.0.1:${port}`,
      source: "previewUrl",
      kind: "unreachable",
      error: `cannot reach http://127.0.0.1:${port}: connection refused (ECONNREFUSED)`,
    });
  });
});

describe("connectionTestTarget", () => {
  const demo = { OBSFORGE_DEMO_PROMETHEUS_URL: "http://127.0.0.1:9099" };
  const parse = (body: unknown) => TestConnectionBodySchema.parse(body);

  it("tests a URL as given, normalized, whatever the server runs", () => {
    expect(connectionTestTarget(parse({ url: "http://Prom.example:9090/prometheus/" }), demo)).toEqual({
      baseUrl: "http://prom.example:9090/prometheus",
      source: "url",
    });
  });

  it("tests a datasource's URLs as previews would use them", () => {
    const datasource = { url: "http://prometheus:9090", previewUrl: "http://127.0.0.1:19090" };
    expect(connectionTestTarget(parse({ datasource }), demo)).toEqual({
      baseUrl: "http://127.0.0.1:19090",
      source: "previewUrl",
    });
    expect(connectionTestTarget(parse({ datasource: { url: datasource.url } }), demo)).toEqual({
      baseUrl: "http://127.0.0.1:9099",
      source: "demo",
    });
    expect(connectionTestTarget(parse({ datasource: { url: datasource.url } }), {})).toEqual({
      baseUrl: "http://prometheus:9090",
      source: "url",
    });
  });

  it.each([
    [{}, "give either url or datasource"],
    [{ url: "http://a:1", datasource: { url: "http://b:2" } }, "give either url or datasource"],
    [{ url: "prometheus:9090" }, "must be an http:// or https:// URL"],
    [{ url: "ftp://prometheus:9090" }, "must be an http:// or https:// URL"],
    [{ url: "http://user:secret@prometheus:9090" }, "must not carry credentials in the URL"],
    [{ url: "http://prometheus:9090/?x=1" }, "must not have a query or fragment"],
    [
      { datasource: { url: "http://p:9090", previewUrl: "localhost:9090" } },
      "must be an http:// or https:// URL",
    ],
  ])("refuses %j", (body, message) => {
    const parsed = TestConnectionBodySchema.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toContain(message);
  });
});
