import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/testing/processes";
import {
  callRoute,
  createBasicProject,
  freshDataDir,
  jsonInit,
  type RouteHandler,
} from "@/lib/testing/route-calls";
import { makeTempDir } from "@/lib/tools/files";
import { type DemoPrometheus, startDemoPrometheus } from "@/scripts/demo/prometheus";

/**
 * The preview route handlers as Next.js calls them, over a fresh embedded database and a real
 * Prometheus serving an hour of demo data.
 */

freshDataDir("obsforge-preview-api");

const projects = await import("../../route");
const project = await import("../route");
const preview = await import("./[...endpoint]/route");
const lint = await import("./lint/route");

async function createProject(name: string, previewUrl?: string): Promise<string> {
  return (await createBasicProject({ projects, project }, name, previewUrl)).id;
}

describe("the preview API", () => {
  let demo: DemoPrometheus;
  let dir = "";
  let id = "";

  function get(endpoint: string[], search = "", projectId = id): Promise<Response> {
    return callRoute(
      preview.GET as RouteHandler,
      { id: projectId, endpoint },
      `/api/projects/${projectId}/preview/${endpoint.join("/")}?${search}`,
    );
  }

  beforeAll(async () => {
    dir = makeTempDir("obsforge-preview");
    demo = await startDemoPrometheus({ hours: 1, dir, live: false });
    id = await createProject("Preview Shop", demo.url);
  });
  afterAll(async () => {
    await demo?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs a range query with Grafana variables, and shows what it asked", async () => {
    const end = demo.backfilledUntil;
    const search = new URLSearchParams({
      query:
        'sum by (instance) (rate(fraiseql_http_requests_total{job="$job",instance=~"$instance"}[$__rate_interval]))',
      start: String(end - 3600),
      end: String(end),
      step: "15",
      width: "100",
      "var-job": "fraiseql",
    });
    search.append("var-instance", "app-1:8000");
    search.append("var-instance", "app-2:8000");
    const response = await get(["query_range"], search.toString());
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(body.resolvedQuery).toBe(
      'sum by (instance) (rate(fraiseql_http_requests_total{job="fraiseql",instance=~"(app-1:8000|app-2:8000)"}[60s]))',
    );
    expect(body.request).toEqual({
      url: `${demo.url}/api/v1/query_range`,
      method: "GET",
      params: { query: body.resolvedQuery, start: String(end - 3600), end: String(end), step: "15" },
    });
    expect(body.source).toBe("previewUrl");
    expect(body.data.resultType).toBe("matrix");
    expect(body.data.result.map((s: { metric: { instance: string } }) => s.metric.instance)).toEqual([
      "app-1:8000",
      "app-2:8000",
    ]);
    // 241 points per series, thinned to the 100 pixels asked for, and reported.
    for (const series of body.data.result) expect(series.values.length).toBeLessThanOrEqual(100);
    expect(body.downsampling).toMatchObject({
      totalSeries: 2,
      droppedSeries: 0,
      thinnedSeries: 2,
      maxPoints: 100,
    });
  });

  it("answers Prometheus's data as it came when nothing is thinned, never gzipped by the route (Next 16 drops its content-encoding and compresses again)", async () => {
    const end = demo.backfilledUntil;
    const query = "sum by (operation) (rate(fraiseql_query_duration_seconds_count[5m]))";
    const search = new URLSearchParams({ query, start: String(end - 3600), end: String(end), step: "15" });
    const direct = await (await fetch(`${demo.url}/api/v1/query_range?${search}`)).json();
    const plain = await get(["query_range"], search.toString());
    const body = await plain.json();
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(body.data).toEqual(direct.data);
    expect(body).toMatchObject({ source: "previewUrl", status: "success", stepSeconds: 15, warnings: [] });
    expect(body.downsampling).toBeUndefined();

    const zipped = await callRoute(
      preview.GET as RouteHandler,
      { id, endpoint: ["query_range"] },
      `/api/projects/${id}/preview/query_range?${search}`,
      { headers: { "accept-encoding": "br, gzip;q=0.8" } },
    );
    // Plain JSON for a caller that takes gzip too: Next's compression, not the route, encodes it.
    expect(zipped.headers.get("content-encoding")).toBeNull();
    expect(await zipped.json()).toEqual(body);
    const refused = await callRoute(
      preview.GET as RouteHandler,
      { id, endpoint: ["query_range"] },
      `/api/projects/${id}/preview/query_range?${search}`,
      { headers: { "accept-encoding": "gzip;q=0, *" } },
    );
    expect(refused.headers.get("content-encoding")).toBeNull();
    expect(await refused.json()).toEqual(body);
  });

  it("chooses the step when none is given, and takes POST forms", async () => {
    const end = demo.backfilledUntil;
    const response = await callRoute(
      preview.POST as RouteHandler,
      { id, endpoint: ["query_range"] },
      `/api/projects/${id}/preview/query_range`,
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          query: "sum(fraiseql_db_pool_connections_total)",
          start: String(end - 3600),
          end: String(end),
          width: "200",
        }),
      },
    );
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(body.stepSeconds).toBe(30);
    expect(body.request.method).toBe("POST");
    expect(body.data.result[0].values.at(-1)).toEqual([end, "40"]);
  });

  it("runs instant queries with $__range, label values, series, metadata and alerts", async () => {
    const instant = await (
      await get(
        ["query"],
        new URLSearchParams({
          query: "count(count by (operation) (increase(fraiseql_query_duration_seconds_count[$__range])))",
          range: "30m",
          time: String(demo.backfilledUntil),
        }).toString(),
      )
    ).json();
    expect(instant.resolvedQuery).toBe(
      "count(count by (operation) (increase(fraiseql_query_duration_seconds_count[1800s])))",
    );
    expect(instant.data.result[0].value[1]).toBe("8");
    expect((await (await get(["label", "job", "values"])).json()).data).toEqual(
      expect.arrayContaining(["fraiseql", "node"]),
    );
    const found = await (await get(["series"], "match[]=up{job=%22postgres%22}")).json();
    expect(found.data).toEqual([{ __name__: "up", instance: "postgres-exporter:9187", job: "postgres" }]);
    expect((await get(["metadata"])).status).toBe(200);
    expect(await (await get(["alerts"])).json()).toMatchObject({
      data: { alerts: [] },
      request: { url: `${demo.url}/api/v1/alerts` },
    });
  });

  it.each([
    ["an unknown endpoint", ["admin", "tsdb", "delete_series"], "", 404, /no preview endpoint/],
    ["a missing query", ["query"], "", 400, /invalid request/],
    ["a parameter Prometheus would not get", ["query"], "query=up&nocache=1", 400, /invalid request/],
    ["a bad time", ["query_range"], "query=up&start=yesterday", 400, /invalid request/],
    ["an unknown datasource", ["query"], "query=up&datasource=nope", 404, /no datasource "nope"/],
    ["a Loki datasource", ["query"], "query=up&datasource=loki", 400, /is loki/],
    ["a PromQL error", ["query"], "query=sum(rate(up[5m])", 422, /^Prometheus: .*parse error/],
  ])("answers %s with %i", async (_name, endpoint, search, status, message) => {
    const response = await get(endpoint, search);
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(status);
    expect(body.error).toMatch(message);
  });

  it("refuses methods other than the endpoint's", async () => {
    const response = await callRoute(
      preview.POST as RouteHandler,
      { id, endpoint: ["alerts"] },
      `/api/projects/${id}/preview/alerts`,
      { method: "POST" },
    );
    expect(response.status).toBe(405);
  });

  it("answers 404 for an unknown project", async () => {
    expect((await get(["query"], "query=up", "doesnotexist0")).status).toBe(404);
  });

  it("previews a project without previewUrl against the demo Prometheus when one runs", async () => {
    const other = await createProject("No Preview URL");
    // Its url names a host inside the stack's network: unreachable (or, with a slow resolver, a timeout).
    const before = await get(["query"], "query=up", other);
    expect([502, 504]).toContain(before.status);
    process.env.OBSFORGE_DEMO_PROMETHEUS_URL = demo.url;
    try {
      const body = await (await get(["query"], "query=count(up)", other)).json();
      expect(body).toMatchObject({ source: "demo", data: { resultType: "vector" } });
    } finally {
      delete process.env.OBSFORGE_DEMO_PROMETHEUS_URL;
    }
  });

  it("says which Prometheus it tried and why it failed, for the designer's connection banner", async () => {
    const port = await freePort();
    const closed = await createProject("Closed Port", `http://127.0.0.1:${port}`);
    const response = await get(["query_range"], "query=up", closed);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      error: `cannot reach http://127.0.0.1:${port}: connection refused (ECONNREFUSED)`,
      issues: [],
      preview: {
        kind: "unreachable",
        url: `http://127.0.0.1:${port}`,
        source: "previewUrl",
        datasource: "prometheus",
      },
    });
    // The lint says the same; a query Prometheus refuses carries Prometheus's errorType.
    const lintResponse = await callRoute(
      lint.POST as RouteHandler,
      { id: closed },
      `/api/projects/${closed}/preview/lint`,
      jsonInit("POST", { expressions: ["up"] }),
    );
    expect((await lintResponse.json()).preview).toMatchObject({ kind: "unreachable", source: "previewUrl" });
    const refused = await (await get(["query"], "query=sum(rate(up[5m])")).json();
    expect(refused.preview).toEqual({
      kind: "prometheus",
      errorType: "bad_data",
      url: demo.url,
      source: "previewUrl",
      datasource: "prometheus",
    });
    // Refused before any Prometheus was chosen: the kind alone.
    expect((await (await get(["query"], "query=up&datasource=nope")).json()).preview).toEqual({
      kind: "no_datasource",
    });
  });

  it("lints expressions against the metric names Prometheus knows", async () => {
    const response = await callRoute(
      lint.POST as RouteHandler,
      { id },
      `/api/projects/${id}/preview/lint`,
      jsonInit("POST", {
        expressions: [
          'sum(rate(fraiseql_http_requests_total{instance=~"$instance"}[$__rate_interval]))',
          "sum(rate(fraiseql_graphql_queries_errors[5m]))",
        ],
      }),
    );
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(body.results[0].unknown).toEqual([]);
    expect(body.results[1].unknown).toEqual([
      {
        name: "fraiseql_graphql_queries_errors",
        suggestions: expect.arrayContaining(["fraiseql_graphql_queries_error"]),
      },
    ]);
    expect(body.results[1].unknown[0].suggestions).toHaveLength(3);
  });
});
