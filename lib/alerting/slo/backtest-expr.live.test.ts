import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AlertingRule, type RuleGroup, RuleGroupSchema } from "@/lib/model/rule";
import { SloSpecSchema } from "@/lib/model/slo";
import { makeTempDir } from "../../tools/files";
import { type BacktestRuleSpec, type RangeQuery, runBacktest } from "../backtest/run";
import { startTestPrometheus, type TestPrometheus } from "../backtest/testing/prometheus";
import { testRangeQuery } from "../backtest/testing/range-query";
import { backtestExpr } from "./backtest-expr";
import { generateSloRules } from "./generate";
import { sloTraffic } from "./testing/slo-traffic";

/**
 * An SLO's alerts backtested against a Prometheus that has the raw counters but has never run the
 * SLO's recording rules (the usual case before the bundle is deployed): the backtest evaluates each
 * generated alert's raw expression, so a burn at 50× the budget pages, where the recorded
 * expression would have found no series at all.
 */

const END_MS = (Math.floor(Date.now() / 60_000) - 5) * 60_000;
const spec = SloSpecSchema.parse({
  name: "checkout",
  objective: 99.9,
  window: "30d",
  policy: "sre-workbook",
  indicator: {
    kind: "availability",
    errors: 'http_request_errors_total{job="api"}',
    total: 'http_requests_total{job="api"}',
  },
});
const group: RuleGroup = RuleGroupSchema.parse({
  name: "slo-checkout",
  slo: spec,
  rules: generateSloRules(spec).rules,
});
const alerts = group.rules.filter((rule): rule is AlertingRule => rule.kind === "alert");

let dir: string;
let prometheus: TestPrometheus;
let query: RangeQuery;

beforeAll(async () => {
  dir = makeTempDir("obsforge-slo-backtest");
  // 5 % of requests fail: 50 times the 0.1 % budget, for eight hours.
  prometheus = await startTestPrometheus({
    dir,
    series: sloTraffic([{ route: "/pay", requestsPerMinute: 2000, errorsPerMinute: 100 }], END_MS, 8),
  });
  query = testRangeQuery(prometheus.url);
});

afterAll(async () => {
  await prometheus?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function ruleSpec(rule: AlertingRule, expr: string): BacktestRuleSpec {
  return { alert: rule.alert, expr, forMs: 0, keepFiringForMs: 0, labels: rule.labels };
}

describe("backtests of SLO alerts", () => {
  it("evaluate the raw expression of each generated alert, and only of generated ones", () => {
    const generated = generateSloRules(spec).alerts;
    expect(alerts.map((rule) => backtestExpr(group, rule))).toEqual(generated.map((alert) => alert.rawExpr));
    for (const rule of alerts) expect(backtestExpr(group, rule)).not.toBe(rule.expr);
    const [page] = alerts;
    if (!page) throw new Error("no alert");
    // Edited by hand, or outside an SLO group: the expression as written.
    expect(backtestExpr(group, { ...page, expr: `${page.expr} > 0` })).toBe(`${page.expr} > 0`);
    expect(backtestExpr({}, page)).toBe(page.expr);
  });

  it("page on a fast burn from the raw counters, where the recorded series do not exist", async () => {
    const page =
      alerts.find((rule) => rule.labels.severity === "page" || rule.labels.severity === "critical") ??
      alerts[0];
    if (!page) throw new Error("no alert");
    const run = await runBacktest(
      {
        saved: ruleSpec(page, backtestExpr(group, page)),
        draft: ruleSpec(page, page.expr),
        group: { intervalMs: 60_000 },
        startMs: END_MS - 3 * 3_600_000,
        endMs: END_MS,
      },
      query,
    );
    expect(run.saved?.summary.firedCount).toBeGreaterThan(0);
    expect(run.saved?.timelines.every((timeline) => timeline.labels.alertname === page.alert)).toBe(true);
    expect(run.draft?.summary.firedCount).toBe(0);
    expect(run.draft?.timelines).toEqual([]);
  });
});
