import { rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toYaml } from "../../generate/yaml";
import { query, queryRange } from "../../prometheus/client";
import { seededRandom } from "../../promql/testing/mutate";
import { freePort, waitFor } from "../../testing/processes";
import { makeTempDir } from "../../tools/files";
import { BacktestEngine, statesAt } from "./engine";
import { prometheusOffsetMs } from "./evaluation-times";
import { startTestPrometheus, type TestPrometheus } from "./testing/prometheus";

/**
 * A real Prometheus scrapes a target every second and evaluates alerting rules every second; its
 * ALERTS series (pending and firing, per alert, at each evaluation) must be what the backtest of the
 * same window says. The expressions read data 5 s old (`offset 5s`), so what the live rule saw
 * had arrived: the backtest, run afterwards, sees complete data, the live rule saw it as it came.
 * The group's evaluation times, read from a recording rule in the same group, also check the
 * evaluation phase computed from the group's name and file.
 */

const GROUP = "backtest live";
const RULES = [
  {
    alert: "LiveHigh",
    expr: "bt_live offset 5s > 5",
    forMs: 3000,
    keepFiringForMs: 2000,
    labels: { severity: "page" },
  },
  { alert: "LiveAny", expr: "bt_live offset 5s > 3", forMs: 0, keepFiringForMs: 0, labels: {} },
  {
    alert: "LivePeak",
    expr: "max_over_time(bt_live[4s] offset 5s) > 7",
    forMs: 2000,
    keepFiringForMs: 0,
    labels: {},
  },
  { alert: "LiveKeep", expr: "bt_live offset 5s >= 8", forMs: 1000, keepFiringForMs: 3000, labels: {} },
] as const;
const EVALUATIONS = 80;

/** Each instance's value in one wall-clock second; instance c disappears now and then (stale). */
function exposition(second: number): string {
  const lines: string[] = [];
  for (const [index, instance] of ["a", "b", "c"].entries()) {
    const run = 2 + index;
    const level = seededRandom(Math.floor(second / run) * 7 + index)();
    if (instance === "c" && seededRandom(Math.floor(second / 6) + 99)() < 0.3) continue;
    const value = [1, 2, 4, 6, 8, 9][Math.floor(level * 6)];
    lines.push(`bt_live{instance="${instance}"} ${value}`);
  }
  return `${lines.join("\n")}\n`;
}

let dir: string;
let prometheus: TestPrometheus;
let target: Server;
let ruleFile: string;

beforeAll(async () => {
  dir = makeTempDir("obsforge-backtest-live");
  const port = await freePort();
  target = createServer((_request, response) => {
    response.setHeader("content-type", "text/plain; version=0.0.4");
    response.end(exposition(Math.floor(Date.now() / 1000)));
  });
  await new Promise<void>((resolve) => target.listen(port, "127.0.0.1", resolve));
  ruleFile = path.join(dir, "live.rules.yml");
  writeFileSync(
    ruleFile,
    toYaml({
      groups: [
        {
          name: GROUP,
          interval: "1s",
          rules: [
            { record: "bt_eval_tick", expr: "vector(1)" },
            ...RULES.map((rule) => ({
              alert: rule.alert,
              expr: rule.expr,
              ...(rule.forMs ? { for: `${rule.forMs / 1000}s` } : {}),
              ...(rule.keepFiringForMs ? { keep_firing_for: `${rule.keepFiringForMs / 1000}s` } : {}),
              ...(Object.keys(rule.labels).length ? { labels: rule.labels } : {}),
            })),
          ],
        },
      ],
    }),
  );
  prometheus = await startTestPrometheus({
    dir,
    config: () => ({
      global: { scrape_interval: "1s", evaluation_interval: "1s" },
      rule_files: [ruleFile],
      scrape_configs: [{ job_name: "live", static_configs: [{ targets: [`127.0.0.1:${port}`] }] }],
    }),
  });
}, 120_000);

afterAll(async () => {
  await prometheus?.stop();
  await new Promise((resolve) => target?.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function rawSamples(selector: string): Promise<{ metric: Record<string, string>; times: number[] }[]> {
  const answer = await query(prometheus.url, { query: `${selector}[1h]` });
  if (answer.data.resultType !== "matrix") throw new Error(`${selector}: not a matrix`);
  return answer.data.result.map((series) => ({
    metric: series.metric,
    times: series.values.map(([t]) => Math.round(t * 1000)),
  }));
}

describe("the backtest of a scraped window matches a real Prometheus's ALERTS", () => {
  it(`agrees at every one of ${EVALUATIONS} evaluations, for each rule`, async () => {
    const ticks = await waitFor(
      async () => {
        const [series] = await rawSamples("bt_eval_tick");
        return series && series.times.length >= EVALUATIONS ? series.times : undefined;
      },
      240_000,
      () => `fewer than ${EVALUATIONS} evaluations:\n${prometheus.output()}`,
    );
    // The group's phase, from its name and file, as Group.EvalTimestamp computes it.
    const phase = prometheusOffsetMs(GROUP, ruleFile, 1000);
    for (const tick of ticks) expect(((tick % 1000) + 1000) % 1000).toBe(phase);

    const alerts = await rawSamples('ALERTS{alertname=~"Live.*"}');
    // The first two evaluations write no ALERTS (the rules are restored after the second).
    const compared = ticks.slice(2);
    let firing = 0;
    let pending = 0;
    for (const rule of RULES) {
      const answer = await queryRange(prometheus.url, {
        query: rule.expr,
        start: String((ticks[0] as number) / 1000),
        end: String((ticks.at(-1) as number) / 1000),
        step: "1",
      });
      if (answer.data.resultType !== "matrix") throw new Error("not a matrix");
      const engine = new BacktestEngine(rule, { intervalMs: 1000 });
      // The times Prometheus did evaluate at (an iteration it skipped is skipped here too).
      engine.feedAt(ticks, answer.data.result);
      const result = engine.result();
      for (const at of compared) {
        const live = alerts
          .filter((series) => series.metric.alertname === rule.alert && series.times.includes(at))
          .map((series) => {
            const { __name__: _name, alertstate, ...labels } = series.metric;
            return `${alertstate} ${JSON.stringify(Object.entries(labels).sort())}`;
          })
          .sort();
        const backtested = statesAt(result, at)
          .map((alert) => `${alert.state} ${JSON.stringify(Object.entries(alert.labels).sort())}`)
          .sort();
        expect(backtested, `${rule.alert} at ${new Date(at).toISOString()}`).toEqual(live);
        firing += live.filter((line) => line.startsWith("firing")).length;
        pending += live.filter((line) => line.startsWith("pending")).length;
      }
    }
    // The window is not a quiet one: alerts were pending and firing in it.
    expect(firing).toBeGreaterThan(20);
    expect(pending).toBeGreaterThan(5);
  }, 300_000);
});
