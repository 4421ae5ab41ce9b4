import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BacktestEvent, BacktestEventSchema } from "@/lib/alerting/backtest/api-schemas";
import {
  callRoute,
  createBasicProject,
  freshDataDir,
  jsonInit,
  type RouteHandler,
} from "@/lib/testing/route-calls";
import { makeTempDir } from "@/lib/tools/files";
import { type DemoPrometheus, startDemoPrometheus } from "@/scripts/demo/prometheus";

/** The backtest route as Next.js calls it, over a fresh embedded database and a real Prometheus with demo data. */

const dataDir = freshDataDir("obsforge-backtest-api");

const projects = await import("../../../../route");
const project = await import("../../../route");
const backtestRoute = await import("./route");
const testCaseRoute = await import("./test-case/route");
const ruleTestsRoute = await import("../../../rule-tests/route");

async function events(response: Response): Promise<BacktestEvent[]> {
  const text = await response.text();
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => BacktestEventSchema.parse(JSON.parse(line)));
}

describe("POST /api/projects/{id}/rule-groups/{name}/backtest", () => {
  let demo: DemoPrometheus;
  let dir = "";
  let id = "";
  let group = "";
  let alert = "";

  function post(body: unknown, name = group, signal?: AbortSignal): Promise<Response> {
    return callRoute(
      backtestRoute.POST as RouteHandler,
      { id, name: encodeURIComponent(name) },
      `/api/projects/${id}/rule-groups/${encodeURIComponent(name)}/backtest`,
      jsonInit("POST", body, signal),
    );
  }

  beforeAll(async () => {
    dir = makeTempDir("obsforge-backtest-route");
    demo = await startDemoPrometheus({ hours: 2, dir, live: false });
    const created = await createBasicProject({ projects, project }, "Backtest Shop", demo.url);
    id = created.id;
    const withAlert = created.project.ruleGroups.find((g) => g.rules.some((rule) => rule.kind === "alert"));
    const alertRule = withAlert?.rules.find((rule) => rule.kind === "alert");
    group = withAlert?.name ?? "";
    alert = alertRule?.kind === "alert" ? alertRule.alert : "";
  });
  afterAll(async () => {
    await demo?.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("streams progress, then the saved rule and the draft side by side", async () => {
    const response = await post({
      rule: alert,
      draft: { expr: "up > 0", for: "1m", labels: { severity: "page" } },
      window: "1h",
      end: demo.backfilledUntil,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = await events(response);
    expect(lines.some((line) => line.type === "progress")).toBe(true);
    const last = lines.at(-1);
    if (last?.type !== "result") throw new Error(`no result: ${JSON.stringify(last)}`);
    expect(last.result.saved?.summary.text).toMatch(/fire/);
    // `up > 0` is true for every scraped target for the whole hour: each fired once, after `for`.
    const draft = last.result.draft;
    expect(draft?.summary.firedCount).toBeGreaterThan(0);
    expect(draft?.timelines.every((t) => t.labels.severity === "page" && t.firedCount === 1)).toBe(true);
    expect(last.result.chart.threshold).toEqual(undefined);
  });

  it("evaluates at the phase the bundle's Prometheus gives the group, when asked", async () => {
    const lines = await events(
      await post({ rule: alert, window: "1h", end: demo.backfilledUntil, alignment: "bundle" }),
    );
    const last = lines.at(-1);
    if (last?.type !== "result") throw new Error(`no result: ${JSON.stringify(last)}`);
    const { evaluationOffsetMs, intervalMs, startMs } = last.result;
    expect(evaluationOffsetMs).toBeGreaterThanOrEqual(0);
    expect(evaluationOffsetMs).toBeLessThan(intervalMs);
    expect(startMs % intervalMs).toBe(evaluationOffsetMs);
  });

  it("refuses bad input with 4xx and says where", async () => {
    const bad = await post({ draft: { expr: "rate(up[5m]" }, window: "1h" });
    expect(bad.status).toBe(422);
    expect((await bad.json()).issues[0].path).toBe("draft.expr");
    const short = await post({ rule: alert, start: 0, end: 600 });
    expect(short.status).toBe(422);
    expect((await short.json()).issues[0]).toMatchObject({
      path: "start",
      message: "a backtest covers 1h to 7d",
    });
    expect((await post({ rule: alert, window: "1h" }, "no such group")).status).toBe(404);
    expect((await post({ rule: "NoSuchAlert", window: "1h" })).status).toBe(404);
    expect((await post({ window: "1h" })).status).toBe(400);
    expect((await post({ rule: alert, window: "2h" })).status).toBe(400);
  });

  it("stops when the request is cancelled", async () => {
    const controller = new AbortController();
    const response = await post(
      { rule: alert, window: "7d", end: demo.backfilledUntil },
      group,
      controller.signal,
    );
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(JSON.parse(first.split("\n")[0] as string).type).toBe("progress");
    controller.abort();
    let rest = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value);
    }
    expect(rest).not.toContain('"type":"result"');
  });

  it("turns a window into a test case promtool passes, and runs the project's rule tests per case", async () => {
    const current = await (
      await callRoute(project.GET as RouteHandler, { id }, `/api/projects/${id}`)
    ).json();
    const ruleGroups = current.project.ruleGroups.map(
      (g: { name: string; rules: { kind: string; alert?: string }[] }) =>
        g.name !== group
          ? g
          : {
              ...g,
              rules: g.rules.map((rule) =>
                rule.alert === alert ? { ...rule, expr: "count(up) > 0", for: "1m", tests: [] } : rule,
              ),
            },
    );
    const put = await callRoute(
      project.PUT as RouteHandler,
      { id },
      `/api/projects/${id}`,
      jsonInit("PUT", { version: current.version, project: { ...current.project, ruleGroups } }),
    );
    expect(put.status).toBe(200);
    const generated = await callRoute(
      testCaseRoute.POST as RouteHandler,
      { id, name: encodeURIComponent(group) },
      `/api/projects/${id}/rule-groups/x/backtest/test-case`,
      jsonInit("POST", { rule: alert, start: demo.backfilledUntil - 3600, end: demo.backfilledUntil }),
    );
    expect(generated.status).toBe(200);
    const body = await generated.json();
    expect(body.promtool, body.testFile).toMatchObject({ ok: true });
    expect(body.testFile).toContain("exp_alerts");
    const firing = body.cases.find((c: { fires: boolean }) => c.fires);
    expect(firing).toBeDefined();

    const saved = await (await callRoute(project.GET as RouteHandler, { id }, `/api/projects/${id}`)).json();
    const withTests = saved.project.ruleGroups.map(
      (g: { name: string; rules: { kind: string; alert?: string }[] }) =>
        g.name !== group
          ? g
          : {
              ...g,
              rules: g.rules.map((rule) =>
                rule.alert === alert
                  ? { ...rule, tests: [firing, { ...firing, description: "wrong on purpose", fires: false }] }
                  : rule,
              ),
            },
    );
    const put2 = await callRoute(
      project.PUT as RouteHandler,
      { id },
      `/api/projects/${id}`,
      jsonInit("PUT", { version: saved.version, project: { ...saved.project, ruleGroups: withTests } }),
    );
    expect(put2.status).toBe(200);
    const run = await (
      await callRoute(
        ruleTestsRoute.POST as RouteHandler,
        { id },
        `/api/projects/${id}/rule-tests`,
        jsonInit("POST", { group }),
      )
    ).json();
    expect(run.promtool).toBe(true);
    const mine = run.results.filter((r: { alert: string }) => r.alert === alert);
    expect(mine.map((r: { ok: boolean }) => r.ok)).toEqual([true, false]);
    expect(mine[1]).toMatchObject({ group, alert, case: 2, description: "wrong on purpose" });
    expect(mine[1].output).toContain(`alertname: ${alert}`);
    // The catalog's own cases in the group pass.
    expect(run.results.filter((r: { alert: string; ok: boolean }) => r.alert !== alert && !r.ok)).toEqual([]);
  });
});
