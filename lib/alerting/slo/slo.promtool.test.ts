import { describe, expect, it } from "vitest";
import { prometheusRuleGroup } from "@/lib/generate/prometheus/rule-groups";
import { smallProject } from "@/lib/generate/testdata/small-project";
import type { GeneratedFile } from "@/lib/generate/types";
import { toYaml } from "@/lib/generate/yaml";
import { type SloPolicy, type SloSpec, SloSpecSchema, type SloWindow } from "@/lib/model/slo";
import { generateSloRules } from "./generate";
import { applySloToGroup } from "./merge";
import { policyAlerts } from "./policies";
import {
  type AlertTimeline,
  alertTimeline,
  type BurnScenario,
  firstFiring,
  promtoolTest,
} from "./testing/burn-scenario";
import { runPromtool, type ToolRun } from "./testing/promtool-async";

/**
 * The real promtool (2.42) is the oracle: every generated rule file passes `promtool check rules`,
 * and for each policy a promtool unit test, generated here from the spec and from arithmetic on the
 * input series (testing/burn-scenario.ts), checks at many evaluation times that exactly the alerts
 * the burn maths predicts are firing: a fast burn pages before any ticket opens, a slow one opens a
 * ticket and never pages.
 */

const POLICIES: SloPolicy[] = ["sre-workbook", "sloth", "pyrra"];
const WINDOWS: SloWindow[] = ["28d", "30d"];
const INDICATORS = {
  errors: {
    kind: "availability",
    errors: 'http_request_errors_total{job="api"}',
    total: 'http_requests_total{job="api"}',
  },
  good: {
    kind: "availability",
    good: 'http_requests_ok_total{job="api"}',
    total: 'http_requests_total{job="api"}',
  },
  latency: {
    kind: "latency",
    histogram: "http_request_duration_seconds",
    threshold: "0.3",
    matchers: 'job="api"',
  },
  templated: {
    kind: "availability",
    errors: 'sum(increase(http_request_errors_total{job="api"}[$window]))',
    total: 'sum(increase(http_requests_total{job="api"}[$window]))',
  },
} as const;

function sloSpec(policy: SloPolicy, window: SloWindow, indicator: keyof typeof INDICATORS): SloSpec {
  return SloSpecSchema.parse({
    name: "api",
    objective: 99.9,
    window,
    policy,
    indicator: INDICATORS[indicator],
  });
}

/** The SLO's group; with `raw`, only its alerts, each reading the raw counters (`rawExpr`). */
function ruleFile(spec: SloSpec, raw = false): GeneratedFile {
  let group = applySloToGroup({ name: "api SLO", rules: [] }, spec);
  if (raw) {
    const rawExprs = generateSloRules(spec).alerts.map((alert) => alert.rawExpr);
    const alerts = group.rules.filter((rule) => rule.kind === "alert");
    group = { ...group, rules: alerts.map((rule, i) => ({ ...rule, expr: rawExprs[i] ?? "" })) };
  }
  return { path: "slo.rules.yml", content: toYaml({ groups: [prometheusRuleGroup(smallProject(), group)] }) };
}

const STEP = 5 * 60_000;
const DAY_STEPS = 288;

/** Evaluation indices to check: every two hours, and around each first firing. */
function checkpoints(scenario: BurnScenario, firsts: Array<number | undefined>): number[] {
  const indices = new Set<number>();
  for (let i = scenario.errorsFrom; i <= scenario.steps; i += 24) indices.add(i);
  for (const first of firsts) {
    if (first === undefined) continue;
    for (const i of [first - 1, first, first + 1]) if (i <= scenario.steps) indices.add(i);
  }
  return [...indices].sort((a, b) => a - b);
}

function promtoolUnitTest(
  spec: SloSpec,
  scenario: BurnScenario,
  timeline: AlertTimeline,
  indices: readonly number[],
  raw = false,
): Promise<ToolRun> {
  const rules = ruleFile(spec, raw);
  const test = {
    path: "slo.test.yml",
    content: toYaml(promtoolTest(spec, scenario, timeline, indices, rules.path)),
  };
  return runPromtool([rules, test], (dir) => ["test", "rules", `${dir}/slo.test.yml`]);
}

async function expectPromtoolAgrees(
  spec: SloSpec,
  scenario: BurnScenario,
  firsts: Array<number | undefined>,
  raw = false,
): Promise<void> {
  const timeline = alertTimeline(spec, scenario);
  const indices = checkpoints(scenario, firsts);
  // The check must see alerts firing, not only silence, and every first firing must be checked.
  expect(indices.some((i) => !timeline.uncertain[i] && timeline.firing[i]?.some(Boolean))).toBe(true);
  for (const first of firsts) if (first !== undefined) expect(timeline.uncertain[first]).toBe(false);
  const run = await promtoolUnitTest(spec, scenario, timeline, indices, raw);
  expect(run.output).toContain("SUCCESS");
  expect(run.code).toBe(0);
}

/** Days of quiet traffic before the errors: more than Pyrra's longest window over 30d (4d6h51m). */
const BASELINE = Math.round(4.5 * DAY_STEPS);

describe("generated SLO rules against promtool", () => {
  it("pass promtool check rules for every policy, window and indicator", async () => {
    for (const policy of POLICIES) {
      for (const window of WINDOWS) {
        for (const indicator of Object.keys(INDICATORS) as Array<keyof typeof INDICATORS>) {
          const run = await runPromtool([ruleFile(sloSpec(policy, window, indicator))], (dir) => [
            "check",
            "rules",
            `${dir}/slo.rules.yml`,
          ]);
          expect(run.output, `${policy} ${window} ${indicator}`).toContain("SUCCESS");
          expect(run.code).toBe(0);
        }
      }
    }
  });

  for (const policy of POLICIES) {
    const pageFactors = (): number[] =>
      policyAlerts(policy, "30d")
        .filter((a) => a.severity === "page")
        .flatMap((a) => a.windows.map((w) => w.factor));

    it(`${policy}: a fast burn pages at the time the maths says, before any ticket`, async () => {
      const spec = sloSpec(policy, "30d", "errors");
      // Quiet days fill the longest window, then errors at 1.4 × the fastest page's factor.
      const scenario: BurnScenario = {
        stepMs: STEP,
        steps: BASELINE + 144,
        errorsFrom: BASELINE,
        burn: Math.max(...pageFactors()) * 1.4,
        totalPerStep: 3000,
      };
      const timeline = alertTimeline(spec, scenario);
      const page = firstFiring(timeline, spec, "page");
      const ticket = firstFiring(timeline, spec, "ticket");
      expect(page).toBeDefined();
      expect(ticket === undefined || (page !== undefined && ticket > page)).toBe(true);
      await expectPromtoolAgrees(spec, scenario, [page, ticket]);
      // The same alerts over the raw counters, as a backtest without the recording rules reads them.
      await expectPromtoolAgrees(spec, scenario, [page, ticket], true);
    });

    it(`${policy}: a slow burn opens a ticket and never pages`, async () => {
      const spec = sloSpec(policy, "30d", "errors");
      const scenario: BurnScenario = {
        stepMs: STEP,
        steps: BASELINE + Math.round(1.5 * DAY_STEPS),
        errorsFrom: BASELINE,
        burn: Math.min(...pageFactors()) * 0.45,
        totalPerStep: 3000,
      };
      const timeline = alertTimeline(spec, scenario);
      const ticket = firstFiring(timeline, spec, "ticket");
      expect(ticket).toBeDefined();
      expect(firstFiring(timeline, spec, "page")).toBeUndefined();
      await expectPromtoolAgrees(spec, scenario, [ticket]);
    });
  }

  it("good-events, latency and $window indicators fire when the maths says too", async () => {
    for (const indicator of ["good", "latency", "templated"] as const) {
      const spec = sloSpec("sre-workbook", "28d", indicator);
      const scenario: BurnScenario = {
        stepMs: STEP,
        steps: DAY_STEPS + 96,
        errorsFrom: DAY_STEPS,
        burn: 20,
        totalPerStep: 3000,
      };
      const page = firstFiring(alertTimeline(spec, scenario), spec, "page");
      expect(page).toBeDefined();
      await expectPromtoolAgrees(spec, scenario, [page]);
    }
  });

  it("fails when the expectation is one evaluation early (the check can tell)", async () => {
    const spec = sloSpec("sre-workbook", "30d", "errors");
    const scenario: BurnScenario = {
      stepMs: STEP,
      steps: DAY_STEPS + 48,
      errorsFrom: DAY_STEPS,
      burn: 20,
      totalPerStep: 3000,
    };
    const timeline = alertTimeline(spec, scenario);
    const page = firstFiring(timeline, spec, "page");
    expect(page).toBeDefined();
    const early = (page ?? 0) - 1;
    const wrong: AlertTimeline = {
      ...timeline,
      firing: timeline.firing.map((row, i) => (i === early ? row.map((on, a) => on || a === 0) : row)),
    };
    const run = await promtoolUnitTest(spec, scenario, wrong, [early]);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain("alertname: ApiErrorBudgetBurn");
  });
});
