import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toYaml } from "../../generate/yaml";
import { makeTempDir } from "../../tools/files";
import type { RangeQuery } from "../backtest/run";
import { startTestPrometheus, type TestPrometheus } from "../backtest/testing/prometheus";
import { testRangeQuery } from "../backtest/testing/range-query";
import { windowTest } from "./from-window";
import { runPromtoolTests } from "./promtool";
import { promtoolTestYaml } from "./test-file";

/**
 * Rule tests from history: scraped-like data (15 s, gaps, a series that ends) backfilled into a real
 * Prometheus; a window of it becomes a promtool test at the group's interval, and promtool passes it.
 */

const ORIGIN_MS = (Math.floor(Date.now() / 3_600_000) - 5) * 3_600_000;
let dir: string;
let prometheus: TestPrometheus;
let query: RangeQuery;

function level(instance: number, i: number): number | undefined {
  if (instance === 2 && i > 700) return undefined; // ends: goes stale
  if (instance === 1 && i % 97 < 30) return undefined; // gaps longer than the lookback
  return ((Math.floor(i / (13 + instance * 7)) * 37 + instance) % 10) + 0.5;
}

beforeAll(async () => {
  dir = makeTempDir("obsforge-window-test");
  prometheus = await startTestPrometheus({
    dir,
    series: [0, 1, 2].map((instance) => ({
      labels: { __name__: "wt_load", instance: `host-${instance}`, job: "node" },
      samples: Array.from(
        { length: 960 },
        (_, i) => [ORIGIN_MS + i * 15_000, level(instance, i)] as const,
      ).filter((sample): sample is readonly [number, number] => sample[1] !== undefined),
    })),
  });
  query = testRangeQuery(prometheus.url);
});

afterAll(async () => {
  await prometheus?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a backtest window as a promtool rule test", () => {
  it("passes promtool test rules, expectations with rendered annotations included", async () => {
    const rule = {
      alert: "LoadHigh",
      expr: "wt_load > 6",
      forMs: 120_000,
      keepFiringForMs: 60_000,
      labels: { severity: "page" },
      annotations: { summary: "{{ $labels.instance }} load {{ $value }}" },
    };
    const test = await windowTest(
      { rule, intervalMs: 60_000, startMs: ORIGIN_MS + 3_600_000, endMs: ORIGIN_MS + 3 * 3_600_000 },
      query,
    );
    const fired = test.testGroup.alert_rule_test.filter((item) => item.exp_alerts.length > 0);
    expect(fired.length).toBeGreaterThan(3);
    expect(test.cases.map((c) => c.fires)).toEqual([true, false]);
    const run = await runPromtoolTests(
      [
        {
          path: "rules.yml",
          content: toYaml({
            groups: [
              {
                name: "load",
                interval: "1m",
                rules: [
                  {
                    alert: rule.alert,
                    expr: rule.expr,
                    for: "2m",
                    keep_firing_for: "1m",
                    labels: rule.labels,
                    annotations: rule.annotations,
                  },
                ],
              },
            ],
          }),
        },
        {
          path: "window.test.yml",
          content: promtoolTestYaml({
            rule_files: ["rules.yml"],
            evaluation_interval: "1m",
            tests: [test.testGroup],
          }),
        },
      ],
      ["window.test.yml"],
    );
    expect(run.ok, run.output).toBe(true);
  });
});
