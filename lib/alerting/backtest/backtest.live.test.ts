import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toYaml } from "../../generate/yaml";
import { queryRange } from "../../prometheus/client";
import { seededRandom } from "../../promql/testing/mutate";
import { makeTempDir } from "../../tools/files";
import { promtoolDuration, promtoolValues, seriesText } from "../rule-tests/notation";
import { expectedAlertTests, type PromtoolTestFile, promtoolTestYaml } from "../rule-tests/test-file";
import { backtest } from "./engine";
import { runBacktest } from "./run";
import { startTestPrometheus, type TestPrometheus } from "./testing/prometheus";
import { testRangeQuery } from "./testing/range-query";
import { generateScenarios, type Scenario } from "./testing/scenarios";
import { splitThreshold, withThreshold } from "./threshold";
import type { BacktestResult, ResultChunk } from "./types";

/**
 * The oracle: for generated rules over generated series, the backtest (the expression range-queried
 * from a real Prometheus holding the backfilled series, replayed by the engine) says which alerts
 * fire at every evaluation; those become the `exp_alerts` of a promtool unit test over the same
 * series, and `promtool test rules` (Prometheus's own rule engine) must pass them all.
 */

const SCENARIOS = generateScenarios(80, 20_261_203);
/** promtool's time 0, in the backfilled Prometheus: on an hour, hours back so it is all history. */
const ORIGIN_MS = (Math.floor(Date.now() / 3_600_000) - 7) * 3_600_000;

let dir: string;
let prometheus: TestPrometheus;

beforeAll(async () => {
  dir = makeTempDir("obsforge-backtest");
  prometheus = await startTestPrometheus({
    dir,
    series: SCENARIOS.flatMap((scenario) =>
      scenario.series.map((series) => ({
        labels: series.labels,
        samples: series.values.flatMap((value, i) =>
          value === undefined ? [] : [[ORIGIN_MS + i * scenario.scrapeMs, value] as const],
        ),
      })),
    ),
  });
});

afterAll(async () => {
  await prometheus?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The scenario's window as range queries cut at random evaluation times (state must carry over). */
async function chunks(scenario: Scenario, cuts: number, random: () => number): Promise<ResultChunk[]> {
  const steps = scenario.endMs / scenario.intervalMs;
  const bounds = new Set<number>();
  for (let i = 0; i < cuts; i++) bounds.add(1 + Math.floor(random() * Math.max(1, steps - 1)));
  const starts = [0, ...[...bounds].sort((a, b) => a - b).filter((b) => b <= steps)];
  const out: ResultChunk[] = [];
  for (let i = 0; i < starts.length; i++) {
    const startMs = ORIGIN_MS + (starts[i] as number) * scenario.intervalMs;
    const next = starts[i + 1];
    const endMs =
      next === undefined ? ORIGIN_MS + scenario.endMs : ORIGIN_MS + (next - 1) * scenario.intervalMs;
    const answer = await queryRange(prometheus.url, {
      query: scenario.expr,
      start: String(startMs / 1000),
      end: String(endMs / 1000),
      step: String(scenario.intervalMs / 1000),
    });
    if (answer.data.resultType !== "matrix") throw new Error(`${scenario.expr}: not a matrix`);
    out.push({ startMs, endMs, series: answer.data.result });
  }
  return out;
}

function ruleFile(scenario: Scenario): string {
  return toYaml({
    groups: [
      {
        name: scenario.id,
        interval: promtoolDuration(scenario.intervalMs),
        rules: [
          {
            alert: `Backtest_${scenario.id}`,
            expr: scenario.expr,
            ...(scenario.forMs > 0 ? { for: promtoolDuration(scenario.forMs) } : {}),
            ...(scenario.keepFiringForMs > 0
              ? { keep_firing_for: promtoolDuration(scenario.keepFiringForMs) }
              : {}),
            ...(Object.keys(scenario.labels).length > 0 ? { labels: scenario.labels } : {}),
          },
        ],
      },
    ],
  });
}

function testFile(scenario: Scenario, result: BacktestResult): PromtoolTestFile {
  const times: number[] = [];
  for (let t = 0; t <= scenario.endMs; t += scenario.intervalMs) times.push(ORIGIN_MS + t);
  return {
    rule_files: [`${scenario.id}.rules.yml`],
    evaluation_interval: promtoolDuration(scenario.intervalMs),
    tests: [
      {
        name: `${scenario.id}: ${scenario.expr}`,
        interval: promtoolDuration(scenario.scrapeMs),
        input_series: scenario.series.map((series) => ({
          series: seriesText(series.labels),
          values: promtoolValues(series.values),
        })),
        alert_rule_test: expectedAlertTests(result, `Backtest_${scenario.id}`, times, ORIGIN_MS),
      },
    ],
  };
}

function runPromtool(files: readonly string[]): { ok: boolean; output: string } {
  const run = spawnSync("promtool", ["test", "rules", ...files], {
    cwd: dir,
    encoding: "utf8",
    timeout: 300_000,
  });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

describe("the backtest agrees with Prometheus's rule engine (promtool test rules)", () => {
  const results = new Map<string, BacktestResult>();

  it("replays every generated rule, the same whatever the query chunks", async () => {
    const random = seededRandom(7);
    for (const scenario of SCENARIOS) {
      const rule = {
        alert: `Backtest_${scenario.id}`,
        forMs: scenario.forMs,
        keepFiringForMs: scenario.keepFiringForMs,
        labels: scenario.labels,
      };
      const group = { intervalMs: scenario.intervalMs };
      const whole = backtest(rule, group, await chunks(scenario, 0, random));
      const cut = backtest(rule, group, await chunks(scenario, 1 + Math.floor(random() * 3), random));
      expect(cut, `${scenario.id} in chunks`).toEqual(whole);
      results.set(scenario.id, whole);
    }
    const fired = [...results.values()].filter((result) => result.summary.firedCount > 0).length;
    const dropped = [...results.values()].filter((result) => result.summary.pendingWithoutFiring > 0).length;
    // The generated cases exercise what matters: alerts that fire and pending alerts that are dropped.
    expect(fired).toBeGreaterThan(SCENARIOS.length / 3);
    expect(dropped).toBeGreaterThan(5);
    // Rules whose labels are templates (the identity follows the value) fire too.
    const templated = SCENARIOS.filter(
      (s) =>
        Object.values(s.labels).some((v) => v.includes("{{")) &&
        (results.get(s.id)?.summary.firedCount ?? 0) > 0,
    );
    expect(templated.length).toBeGreaterThan(3);
  });

  it("runs the same through runBacktest: comparison applied to the split query, an edited threshold, small chunks", async () => {
    const rangeQuery = testRangeQuery(prometheus.url);
    let split = 0;
    for (const scenario of SCENARIOS) {
      const rule = {
        alert: `Backtest_${scenario.id}`,
        forMs: scenario.forMs,
        keepFiringForMs: scenario.keepFiringForMs,
        labels: scenario.labels,
      };
      const threshold = splitThreshold(scenario.expr);
      const draftExpr = threshold
        ? withThreshold(scenario.expr, threshold, threshold.threshold + 1)
        : scenario.expr;
      if (threshold) split++;
      const run = await runBacktest(
        {
          saved: { ...rule, expr: scenario.expr },
          draft: { ...rule, expr: draftExpr },
          group: { intervalMs: scenario.intervalMs },
          startMs: ORIGIN_MS,
          endMs: ORIGIN_MS + scenario.endMs,
          warmupMs: 0,
          maxSamplesPerQuery: 200,
        },
        rangeQuery,
      );
      expect(run.saved, scenario.id).toEqual(results.get(scenario.id));
      const direct = backtest(rule, { intervalMs: scenario.intervalMs }, [
        {
          startMs: ORIGIN_MS,
          endMs: ORIGIN_MS + scenario.endMs,
          series: await rangeQuery(draftExpr, ORIGIN_MS, ORIGIN_MS + scenario.endMs, scenario.intervalMs),
        },
      ]);
      expect(run.draft, `${scenario.id} with ${draftExpr}`).toEqual(direct);
    }
    expect(split).toBeGreaterThan(SCENARIOS.length / 2);
  });

  it("promtool test rules passes the backtest's expectations at every evaluation of every case", () => {
    const files: string[] = [];
    for (const scenario of SCENARIOS) {
      const result = results.get(scenario.id);
      if (!result) throw new Error(`no backtest for ${scenario.id}`);
      writeFileSync(path.join(dir, `${scenario.id}.rules.yml`), ruleFile(scenario));
      writeFileSync(path.join(dir, `${scenario.id}.test.yml`), promtoolTestYaml(testFile(scenario, result)));
      files.push(`${scenario.id}.test.yml`);
    }
    const run = runPromtool(files);
    expect(run.ok, run.output.slice(-6000)).toBe(true);
    expect(run.output).toContain("SUCCESS");
  });

  it("and promtool fails, with its message, when one expected alert is left out", () => {
    const scenario = SCENARIOS.find((s) => (results.get(s.id)?.summary.firedCount ?? 0) > 0);
    if (!scenario) throw new Error("no scenario fires");
    const file = testFile(scenario, results.get(scenario.id) as BacktestResult);
    const test = file.tests[0]?.alert_rule_test.find((item) => item.exp_alerts.length > 0);
    if (!test) throw new Error("no firing evaluation");
    test.exp_alerts = test.exp_alerts.slice(1);
    writeFileSync(path.join(dir, "wrong.test.yml"), promtoolTestYaml(file));
    const run = runPromtool(["wrong.test.yml"]);
    expect(run.ok).toBe(false);
    expect(run.output).toContain(`alertname: Backtest_${scenario.id}, time: ${test.eval_time}`);
  });
});
