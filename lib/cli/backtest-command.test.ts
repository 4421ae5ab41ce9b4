import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type SampledSeries,
  startTestPrometheus,
  type TestPrometheus,
} from "../alerting/backtest/testing/prometheus";
import { freePort } from "../testing/processes";
import { makeTempDir } from "../tools/files";
import { REPO_ROOT, runCli } from "./run-cli";

/**
 * `obsforge backtest` as users run it: the real bin against a real Prometheus holding backfilled
 * series whose firings are known by construction (samples every 15 s, evaluations every 1 m on
 * the minute, `for: 2m`): high from t to t + d fires from t + 2m to t + d.
 */

const MINUTE = 60_000;
/** An hour back from the last full hour: everything is history, well inside --since 6h. */
const H = (Math.floor(Date.now() / 3_600_000) - 1) * 3_600_000;
/** [series, from, to): when cli_load is 9 (else 1). */
const HIGH: ReadonlyArray<readonly [string, number, number]> = [
  ["a", H - 180 * MINUTE, H - 170 * MINUTE],
  ["b", H - 120 * MINUTE, H - 100 * MINUTE],
  // One minute high: pending once, dropped at the next evaluation.
  ["b", H - 60 * MINUTE, H - 59 * MINUTE],
];

function series(instance: string): SampledSeries {
  const samples: [number, number][] = [];
  for (let t = H - 240 * MINUTE; t <= H; t += 15_000) {
    const high = HIGH.some(([name, from, to]) => name === instance && t >= from && t < to);
    samples.push([t, high ? 9 : 1]);
  }
  return { labels: { __name__: "cli_load", instance, job: "cli" }, samples };
}

const smallProject = path.join(REPO_ROOT, "lib/generate/testdata/small.model.json");
const work = makeTempDir("obsforge-cli-backtest");
let prometheus: TestPrometheus;

beforeAll(async () => {
  prometheus = await startTestPrometheus({ dir: work, series: [series("a"), series("b")] });
  const project = JSON.parse(readFileSync(smallProject, "utf8"));
  project.ruleGroups.push({
    name: "cli-load",
    interval: "1m",
    rules: [
      {
        kind: "alert",
        alert: "CliLoadHigh",
        expr: "cli_load > 5",
        for: "2m",
        labels: { severity: "warning" },
      },
    ],
  });
  writeFileSync(path.join(work, "project.json"), JSON.stringify(project));
}, 120_000);

afterAll(async () => {
  await prometheus?.stop();
  rmSync(work, { recursive: true, force: true });
});

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

describe("obsforge backtest", () => {
  it("prints the summary sentence and each series' firings", () => {
    const result = runCli(
      work,
      "backtest",
      "project.json",
      "--rule",
      "CliLoadHigh",
      "--prometheus",
      prometheus.url,
      "--since",
      "6h",
    );
    expect(result.status, result.stderr).toBe(0);
    const [head, ...rest] = result.stdout.split("\n");
    expect(head).toMatch(
      /^CliLoadHigh \(group cli-load, every 1m, \S+ to \S+\): would have fired twice on 2 series, 26 min in all; longest 18 min; pending once without firing$/,
    );
    expect(rest).toEqual([
      '{alertname="CliLoadHigh", instance="b", job="cli", severity="warning"}',
      `  firing ${iso(H - 118 * MINUTE)} → ${iso(H - 100 * MINUTE)}  18 min`,
      '{alertname="CliLoadHigh", instance="a", job="cli", severity="warning"}',
      `  firing ${iso(H - 178 * MINUTE)} → ${iso(H - 170 * MINUTE)}  8 min`,
      "",
    ]);
  }, 180_000);

  it("--alignment bundle shifts every evaluation by the same phase within the interval", () => {
    const result = runCli(
      work,
      "backtest",
      "project.json",
      "--rule",
      "CliLoadHigh",
      "--prometheus",
      prometheus.url,
      "--since",
      "6h",
      "--alignment",
      "bundle",
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("would have fired twice on 2 series, 26 min in all; longest 18 min");
    const times = [...result.stdout.matchAll(/firing (\S+) → (\S+)/g)].flatMap((m) => [
      Date.parse(m[1] as string),
      Date.parse(m[2] as string),
    ]);
    const expected = [-118, -100, -178, -170].map((minutes) => H + minutes * MINUTE);
    const phase = (times[0] as number) - (expected[0] as number);
    expect(phase).toBeGreaterThanOrEqual(0);
    expect(phase).toBeLessThan(MINUTE);
    expect(times.map((t, i) => t - (expected[i] as number))).toEqual([phase, phase, phase, phase]);
  }, 180_000);

  it("--group narrows the search; an unknown rule lists the rule names", () => {
    const unknown = runCli(
      work,
      "backtest",
      "project.json",
      "--rule",
      "NoSuchRule",
      "--prometheus",
      prometheus.url,
    );
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe(
      'project.json: no alerting rule "NoSuchRule"; its alerting rules: FraiseQLDown, FraiseQLHighErrorRate, CliLoadHigh\n',
    );
    const wrongGroup = runCli(
      work,
      "backtest",
      "project.json",
      "--rule",
      "CliLoadHigh",
      "--group",
      "shop-availability",
      "--prometheus",
      prometheus.url,
    );
    expect(wrongGroup.status).toBe(1);
    expect(wrongGroup.stderr).toBe(
      'group "shop-availability" of project.json: no alerting rule "CliLoadHigh"; its alerting rules: FraiseQLDown, FraiseQLHighErrorRate\n',
    );
  }, 180_000);

  it("names the URL of a Prometheus it cannot reach, and refuses a bad --since", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const result = runCli(work, "backtest", "project.json", "--rule", "CliLoadHigh", "--prometheus", url);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `backtest of "CliLoadHigh" against ${url} failed: cannot reach ${url}: connection refused (ECONNREFUSED)\n`,
    );
    const since = runCli(
      work,
      "backtest",
      "project.json",
      "--rule",
      "CliLoadHigh",
      "--prometheus",
      prometheus.url,
      "--since",
      "5x",
    );
    expect(since.status).toBe(1);
    expect(since.stderr).toBe('--since "5x": give a duration from 1m to 7d, e.g. 24h\n');
  }, 180_000);
});
