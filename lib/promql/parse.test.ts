import { describe, expect, it } from "vitest";
import { checkDashboardPromql, checkPromql, metricNames, neutralizeGrafanaVariables } from "./parse";

describe("checkPromql", () => {
  it.each([
    ["rate(foo[5m])", undefined],
    [
      'sum by (job) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m]))',
      undefined,
    ],
    ["histogram_quantile(0.95, sum by (le) (rate(x_bucket[5m])))", undefined],
    ["foo[5m:1m]", undefined],
    ["sum(rate(foo[5m])) by (job))", { position: 27, message: 'unexpected ")"' }],
    ["histogram_quantile(0.95, rate(x_bucket[5m])) by (a)", { position: 45, message: 'unexpected "b"' }],
    ['foo{a="1"', { position: 9, message: "unexpected end of input" }],
    ["rate(sum(foo)[1m])", { position: 5, message: "ranges only allowed for vector selectors" }],
    ["", { position: 0, message: "empty query" }],
  ])("%s", (expr, expected) => {
    expect(checkPromql(expr)).toEqual(expected);
  });
});

describe("Grafana variables in dashboard queries", () => {
  it.each([
    'rate(x{instance=~"$instance"}[$__rate_interval])',
    "rate(x[$__interval])",
    "sum(rate(x[${window}]))",
    "topk($n, x)",
    'x{job="${job:regex}"}',
  ])("%s parses once variables are neutralized", (expr) => {
    expect(checkDashboardPromql(expr)).toBeUndefined();
  });

  it("keeps offsets so error positions point into the original text", () => {
    const expr = "rate(x[$__rate_interval]))";
    expect(neutralizeGrafanaVariables(expr)).toHaveLength(expr.length);
    expect(checkDashboardPromql(expr)?.position).toBe(expr.length - 1);
  });
});

describe("metricNames", () => {
  it("lists every selected metric once, in order", () => {
    expect(metricNames('sum(rate(a_total{x="1"}[5m])) / sum(rate(b_total[5m])) + a_total')).toEqual([
      "a_total",
      "b_total",
    ]);
  });
  it("ignores label names and functions", () => {
    expect(metricNames("histogram_quantile(0.9, sum by (le) (rate(h_bucket[$__rate_interval])))")).toEqual([
      "h_bucket",
    ]);
  });
});
