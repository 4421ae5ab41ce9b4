import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBasicProject, freshDataDir, postJson, type RouteHandler } from "@/lib/testing/route-calls";
import { makeTempDir } from "@/lib/tools/files";
import { type DemoPrometheus, startDemoPrometheus } from "@/scripts/demo/prometheus";

/**
 * POST /api/projects/{id}/preview/annotations as Next.js calls it, over a fresh embedded database
 * and a real Prometheus with an hour of demo data: rendered annotations, and bad input answered
 * with a 4xx that names what is wrong.
 */

freshDataDir("obsforge-annotations-api");

const projects = await import("../../../route");
const project = await import("../../route");
const annotations = await import("./route");

describe("the annotation preview API", () => {
  let demo: DemoPrometheus;
  let dir = "";
  let id = "";

  const preview = (body: unknown, projectId = id): Promise<Response> =>
    postJson(
      annotations.POST as RouteHandler,
      { id: projectId },
      `/api/projects/${projectId}/preview/annotations`,
      body,
    );

  beforeAll(async () => {
    dir = makeTempDir("obsforge-annotations");
    demo = await startDemoPrometheus({ hours: 1, dir, live: false });
    id = (await createBasicProject({ projects, project }, "Annotations", demo.url)).id;
  });
  afterAll(async () => {
    await demo?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("renders the rule's annotations for the series asked for, at the time asked for", async () => {
    const rule = {
      alert: "PoolBusy",
      expr: 'sum by (instance) (fraiseql_db_pool_connections_total{job="fraiseql"})',
      labels: { severity: "{{ if gt $value 0.0 }}warning{{ end }}" },
      annotations: {
        summary: "{{ $labels.instance }}: {{ $value | humanize }} connections",
        broken: "{{ $labels.instance }",
      },
    };
    const first = await preview({ rule, time: demo.backfilledUntil });
    const body = await first.json();
    expect(first.status, JSON.stringify(body)).toBe(200);
    expect(body.series.length).toBeGreaterThan(1);
    const last = body.series[body.series.length - 1];
    const chosen = await (await preview({ rule, time: demo.backfilledUntil, series: last.labels })).json();
    expect(chosen.selected).toBe(body.series.length - 1);
    const summary = chosen.annotations.find((a: { key: string }) => a.key === "summary");
    expect(summary.text).toMatch(new RegExp(`^${last.labels.instance}: \\S+ connections$`));
    expect(chosen.labels).toEqual([
      {
        key: "severity",
        template: rule.labels.severity,
        ok: true,
        text: Number(last.value) > 0 ? "warning" : "",
      },
    ]);
    expect(chosen.annotations.find((a: { key: string }) => a.key === "broken")).toMatchObject({
      ok: false,
      stage: "parse",
      error:
        'error parsing template __alert_PoolBusy: template: __alert_PoolBusy:1: unexpected "}" in operand',
    });
    expect(chosen.source).toBe("previewUrl");
  });

  it("answers bad input with a 4xx naming what is wrong", async () => {
    const noExpr = await preview({ rule: { alert: "X", expr: "" } });
    expect(noExpr.status).toBe(400);
    expect(JSON.stringify(await noExpr.json())).toContain("a PromQL expression is required");

    const badPromql = await preview({ rule: { alert: "X", expr: "sum(rate(up[5m])" } });
    expect(badPromql.status).toBe(422);
    expect((await badPromql.json()).error).toMatch(/^Prometheus: .*parse error/);

    const unknownDatasource = await preview({ rule: { alert: "X", expr: "up" }, datasource: "nope" });
    expect(unknownDatasource.status).toBe(404);

    const noProject = await preview({ rule: { alert: "X", expr: "up" } }, "no-such-project");
    expect(noProject.status).toBe(404);
  });
});
