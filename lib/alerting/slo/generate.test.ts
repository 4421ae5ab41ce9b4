import { describe, expect, it } from "vitest";
import type { RuleGroup } from "@/lib/model/rule";
import { type SloSpecInput, SloSpecSchema } from "@/lib/model/slo";
import { budgetRemaining, burnMaths } from "./budget";
import { prometheusDuration, spokenDuration } from "./durations";
import { generateSloRules } from "./generate";
import { applySloToGroup } from "./merge";
import { policyAlerts, sloWindowMs } from "./policies";

const H = 3_600_000;
const M = 60_000;

function spec(over: Partial<SloSpecInput> = {}): ReturnType<typeof SloSpecSchema.parse> {
  return SloSpecSchema.parse({
    name: "api",
    objective: 99.9,
    indicator: {
      kind: "availability",
      errors: 'http_requests_total{code=~"5.."}',
      total: "http_requests_total",
    },
    ...over,
  });
}

describe("durations", () => {
  it.each([
    [5 * M, "5m"],
    [64 * M, "1h4m"],
    [25 * H + 43 * M, "1d1h43m"],
    [30 * 24 * H, "4w2d"],
    [28 * 24 * H, "4w"],
  ])("prints %d ms as Prometheus does: %s", (ms, text) => {
    expect(prometheusDuration(ms)).toBe(text);
  });

  it.each([
    [H, "an hour"],
    [6 * H, "6 hours"],
    [52_000, "52 seconds"],
    [50 * H, "2 days 2 hours"],
    [M, "a minute"],
  ])("says %d ms as %s", (ms, text) => {
    expect(spokenDuration(ms)).toBe(text);
  });
});

describe("budget maths", () => {
  it("gives the SRE workbook's table: 2 %, 5 % page, 10 % ticket of a 30-day budget", () => {
    const windowMs = sloWindowMs("30d");
    const shares = policyAlerts("sre-workbook", "30d").flatMap((a) =>
      a.windows.map((w) => [a.severity, Number(burnMaths(w, 0.001, windowMs).budgetShare.toFixed(6))]),
    );
    expect(shares).toEqual([
      ["page", 0.02],
      ["page", 0.05],
      ["ticket", 0.1],
    ]);
  });

  it("derives Sloth's factors from its budget shares: 14.4/6/3/1 over 30d, 13.44/5.6/2.8/0.933 over 28d", () => {
    const factors = (window: "28d" | "30d"): number[] =>
      policyAlerts("sloth", window).flatMap((a) => a.windows.map((w) => Number(w.factor.toFixed(4))));
    expect(factors("30d")).toEqual([14.4, 6, 3, 1]);
    expect(factors("28d")).toEqual([13.44, 5.6, 2.8, 0.9333]);
  });

  it("scales Pyrra's windows to the SLO window as its Windows() does", () => {
    const windowsOf = (window: "28d" | "30d"): string[] =>
      policyAlerts("pyrra", window).flatMap((a) =>
        a.windows.map(
          (w) =>
            `${a.severity} ${w.factor} ${prometheusDuration(w.longMs)}/${prometheusDuration(w.shortMs)} for ${prometheusDuration(w.forMs ?? 0)}`,
        ),
      );
    expect(windowsOf("28d")).toEqual([
      "page 14 1h/5m for 2m",
      "page 7 6h/30m for 15m",
      "ticket 2 1d/2h for 1h",
      "ticket 1 4d/6h for 3h",
    ]);
    expect(windowsOf("30d")).toEqual([
      "page 14 1h4m/5m for 2m",
      "page 7 6h26m/32m for 16m",
      "ticket 2 1d1h43m/2h9m for 1h4m",
      "ticket 1 4d6h51m/6h26m for 3h13m",
    ]);
  });

  it("computes threshold, exhaustion, detection at total failure and the low-traffic count", () => {
    const maths = burnMaths({ longMs: H, shortMs: 5 * M, factor: 14.4 }, 0.001, sloWindowMs("30d"));
    expect(maths.threshold).toBeCloseTo(0.0144, 12);
    expect(maths.exhaustionMs).toBe(50 * H);
    expect(maths.detectionAtTotalFailureMs).toBeCloseTo(51_840, 6);
    expect(maths.lowTrafficEvents).toBe(70);
    expect(maths.reachable).toBe(true);
    expect(burnMaths({ longMs: H, shortMs: 5 * M, factor: 14.4 }, 0.1, sloWindowMs("30d")).reachable).toBe(
      false,
    );
    expect(budgetRemaining(0.0005, 0.001)).toBeCloseTo(0.5, 12);
    expect(budgetRemaining(0.002, 0.001)).toBeCloseTo(-1, 12);
  });
});

describe("generateSloRules", () => {
  it("records the error ratio per window once and explains each alert in plain words", () => {
    const generation = generateSloRules(spec());
    const records = generation.rules.filter((r) => r.kind === "record").map((r) => r.record);
    expect(records).toEqual([
      "slo:errors_per_request:ratio_rate5m",
      "slo:errors_per_request:ratio_rate30m",
      "slo:errors_per_request:ratio_rate1h",
      "slo:errors_per_request:ratio_rate6h",
      "slo:errors_per_request:ratio_rate3d",
    ]);
    expect(generation.alerts.map((a) => a.severity)).toEqual(["page", "ticket"]);
    expect(generation.alerts[0]?.windows[0]?.text).toMatch(
      /^Pages when 2 % of the 30-day error budget burns within an hour: the error ratio is above 1\.44 % \(14\.4 × the 0\.1 % budget\)/,
    );
    expect(generation.alerts[1]?.windows[0]?.text).toMatch(
      /^Opens a ticket when 10 % of the 30-day error budget burns within 3 days/,
    );
    const page = generation.rules.find((r) => r.kind === "alert");
    expect(page?.kind === "alert" && page.labels).toEqual({
      slo: "api",
      slo_severity: "page",
      severity: "critical",
    });
    expect(generation.budgetRemainingQuery).toBe(
      '1 - (sum(rate(http_requests_total{code=~"5.."}[30d])) / sum(rate(http_requests_total[30d]))) / 0.001',
    );
  });

  it("names rules as Sloth and Pyrra do", () => {
    const sloth = generateSloRules(spec({ policy: "sloth" }));
    expect(sloth.rules[0]).toMatchObject({
      record: "slo:sli_error:ratio_rate5m",
      labels: { sloth_id: "api", sloth_slo: "api", sloth_window: "5m" },
    });
    const pyrra = generateSloRules(spec({ policy: "pyrra", window: "28d" }));
    expect(pyrra.rules[0]).toMatchObject({ record: "http_requests:burnrate5m", labels: { slo: "api" } });
    const first = pyrra.rules.find((r) => r.kind === "alert");
    expect(first).toMatchObject({
      alert: "ErrorBudgetBurn",
      for: "2m",
      expr: 'http_requests:burnrate5m{slo="api"} > (14 * (1-0.999)) and http_requests:burnrate1h{slo="api"} > (14 * (1-0.999))',
      labels: { slo: "api", long: "1h", short: "5m", exhaustion: "2d", severity: "critical" },
    });
  });

  it("reads good events, latency histograms, group by and $window queries", () => {
    const good = generateSloRules(
      spec({
        indicator: {
          kind: "availability",
          good: 'http_requests_total{code!~"5.."}',
          total: "http_requests_total",
        },
      }),
    );
    expect(good.rules[0]?.expr).toBe(
      '(sum(rate(http_requests_total[5m])) - sum(rate(http_requests_total{code!~"5.."}[5m]))) / sum(rate(http_requests_total[5m]))',
    );
    const latency = generateSloRules(
      spec({
        groupBy: ["route"],
        indicator: {
          kind: "latency",
          histogram: "http_request_duration_seconds",
          threshold: "0.3",
          matchers: 'job="api"',
        },
      }),
    );
    expect(latency.rules[0]?.expr).toBe(
      '(sum by (route) (rate(http_request_duration_seconds_count{job="api"}[5m])) - sum by (route) (rate(http_request_duration_seconds_bucket{job="api", le="0.3"}[5m]))) / sum by (route) (rate(http_request_duration_seconds_count{job="api"}[5m]))',
    );
    const templated = generateSloRules(
      spec({
        indicator: {
          kind: "availability",
          errors: 'sum(rate(http_requests_total{code=~"5.."}[$window]))',
          total: "sum(rate(http_requests_total[$window]))",
        },
      }),
    );
    expect(templated.rules[2]?.expr).toBe(
      '(sum(rate(http_requests_total{code=~"5.."}[1h]))) / (sum(rate(http_requests_total[1h])))',
    );
  });

  it("warns when the objective makes a burn factor unreachable, and about low traffic", () => {
    const warnings = generateSloRules(spec({ objective: 90 })).warnings;
    expect(warnings.map((w) => w.message)).toEqual([
      "with an objective of 90 % the 14.4× burn rate (page, 1h/5m) is unreachable: it needs an error ratio above 144 %, so that condition never fires",
      "low traffic: with fewer than 2 requests in 6 hours (about 0.000093 per second), a single failed request is enough to page. For a service that quiet, use a longer window, synthetic traffic, or a minimum request count.",
    ]);
    expect(warnings.every((w) => w.severity === "warning")).toBe(true);
    const explained = generateSloRules(spec({ objective: 90 })).alerts[0]?.windows[0]?.text;
    expect(explained).toContain("it cannot fire");
    // 99.9 %: every factor reachable, only the caveat.
    expect(generateSloRules(spec()).warnings).toHaveLength(1);
  });

  it("reports a query that is not PromQL on its field, and an integer le", () => {
    const bad = generateSloRules(
      spec({
        indicator: {
          kind: "availability",
          errors: "http_requests_total{code=",
          total: "http_requests_total",
        },
      }),
    );
    expect(bad.warnings[0]).toMatchObject({ path: "slo.indicator.errors", severity: "error" });
    const le = generateSloRules(
      spec({ indicator: { kind: "latency", histogram: "h", threshold: "1", matchers: "" } }),
    );
    expect(le.warnings.at(-1)).toMatchObject({ path: "slo.indicator.threshold", severity: "warning" });
  });

  it("refuses specs the model cannot alert on, naming the field", () => {
    const errors = (input: unknown): string[] =>
      SloSpecSchema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    expect(errors({ ...spec(), objective: 100 })).toEqual([
      "objective: an objective of 100 % leaves no error budget to alert on",
    ]);
    expect(errors({ ...spec(), indicator: { kind: "availability", total: "x" } })).toEqual([
      "indicator.errors: an availability SLO needs either an errors query or a good query (exactly one) besides total",
    ]);
    expect(errors({ ...spec(), window: "7d" })[0]).toMatch(/^window: /);
    expect(errors({ ...spec(), indicator: { kind: "ratio" } })[0]).toContain(
      'unknown SLO indicator kind "ratio"',
    );
  });
});

describe("applySloToGroup", () => {
  it("replaces only the rules it generated, keeping the group's own rules and settings", () => {
    const own: RuleGroup["rules"][number] = {
      kind: "alert",
      alert: "ApiDown",
      expr: "up == 0",
      labels: {},
      annotations: {},
      enabled: true,
      tests: [],
    };
    const first = applySloToGroup({ name: "api SLO", interval: "30s", rules: [own] }, spec());
    expect(first.rules).toHaveLength(generateSloRules(spec()).rules.length + 1);
    const second = applySloToGroup(first, spec({ policy: "sloth", objective: 99.5 }));
    expect(
      second.rules.filter((r) => r.kind === "record").every((r) => r.record.startsWith("slo:sli_error")),
    ).toBe(true);
    expect(second.rules.at(-1)).toEqual(own);
    expect(second.rules).toHaveLength(generateSloRules(spec({ policy: "sloth" })).rules.length + 1);
    expect(second.interval).toBe("30s");
    expect(second.slo?.policy).toBe("sloth");
    expect(applySloToGroup(second, second.slo ?? spec())).toEqual(second);
  });
});
