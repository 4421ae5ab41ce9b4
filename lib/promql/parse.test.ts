import { describe, expect, it } from "vitest";
import {
  analyzePromql,
  checkDashboardPromql,
  checkPromql,
  metricNames,
  neutralizeGrafanaVariables,
} from "./parse";

describe("checkPromql", () => {
  it.each([
    ["rate(foo[5m])", undefined],
    [
      'sum by (job) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m]))',
      undefined,
    ],
    ["histogram_quantile(0.95, sum by (le) (rate(x_bucket[5m])))", undefined],
    ["foo[5m:1m]", undefined],
    ["sum(rate(foo[5m])) by (job))", { position: 27, message: "unexpected right parenthesis ')'" }],
    ["histogram_quantile(0.95, rate(x_bucket[5m])) by (a)", { position: 45, message: "unexpected <by>" }],
    ['foo{a="1"', { position: 9, message: "unexpected end of input inside braces" }],
    ["rate(sum(foo)[1m])", { position: 13, message: "ranges only allowed for vector selectors" }],
    ["", { position: 0, message: "empty query" }],
    ["# only a comment", { position: 0, message: "no expression found in input" }],
  ])("%s", (expr, expected) => {
    expect(checkPromql(expr)).toEqual(expected);
  });

  // What the lezer grammar accepts and Prometheus refuses, with Prometheus's message and position.
  it.each([
    ["rate(some_metric)", 5, 'expected type range vector in call to function "rate", got instant vector'],
    ["1 == 1", 2, "comparisons between scalars must use BOOL modifier"],
    ["foo[0m]", 4, "duration must be greater than 0"],
    [
      "topk(some_metric)",
      0,
      "wrong number of arguments for aggregate expression provided, expected 2, got 1",
    ],
    ["sum () by (x)", 0, "no arguments for aggregate expression provided"],
    ['foo{a="\\q"}', 6, "unknown escape sequence U+0071 'q'"],
    ['foo{a=~"(x"}', 4, "error parsing regexp: missing closing ): `(x`"],
    ['{job=~".*"}', 0, "vector selector must contain at least one non-empty matcher"],
    ["foo[5m1h]", 4, 'not a valid duration string: "5m1h"'],
    [
      "sum(x) offset 5m",
      0,
      "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery",
    ],
    ["a / b[5m:]", 4, "binary expression must contain only scalar and instant vector types"],
    ["foo(x)", 0, 'unknown function with name "foo"'],
    ["rate(x[5m],)", 10, "trailing commas not allowed in function call args"],
    ['foo{a "b"}', 6, 'unexpected string "\\"b\\"" in label matching, expected label matching operator'],
    ["foo é", 4, "unexpected character: 'é'"],
    [
      "holt_winters(x[5m], 0.5, 0.5)",
      0,
      'unknown function with name "holt_winters" (Prometheus 3.0 renamed it double_exponential_smoothing, behind --enable-feature=promql-experimental-functions)',
    ],
  ])("%s: %s", (expr, position, message) => {
    expect(checkPromql(expr)).toEqual({ position, message });
  });

  // Modifiers bind to the rightmost operand, as in Prometheus (not to the whole binary expression).
  it.each([
    "a + b offset 5m",
    "a / b @ 1609746000",
    "-a offset 1h",
    "sum(x) / count(y offset 1h)",
    "5.",
    "offset",
  ])("accepts %s", (expr) => {
    expect(checkPromql(expr)).toBeUndefined();
  });
});

describe("analyzePromql warnings", () => {
  it.each([
    [
      "info(up)",
      'function "info" is experimental: needs Prometheus 2.55 or later with --enable-feature=promql-experimental-functions',
    ],
    [
      "limitk(2, up)",
      "limitk() is experimental: needs Prometheus 2.54 or later with --enable-feature=promql-experimental-functions",
    ],
    ['{"my.metric"}', "a quoted metric or label name needs Prometheus 3.0 or later"],
    [
      "up[5m * 2]",
      "a duration expression needs Prometheus 3.14 or later, or 3.4 or later with --enable-feature=promql-duration-expr",
    ],
    [
      "rate(up[5m] anchored)",
      '"anchored" is experimental: needs Prometheus 3.7 or later with --enable-feature=promql-extended-range-selectors',
    ],
    ["time() - 5m", "a duration used as a number needs Prometheus 2.54 or later"],
  ])("%s is valid, with a warning", (expr, warning) => {
    const analysis = analyzePromql(expr);
    expect(analysis.error).toBeUndefined();
    expect(analysis.warnings.map((w) => w.message)).toEqual([warning]);
  });

  it("has no warning for what Prometheus 2.42 runs", () => {
    expect(analyzePromql('sum by (job) (rate(x{a=~"b|c"}[5m] offset -1h @ end()))').warnings).toEqual([]);
  });
});

describe("Grafana variables in dashboard queries", () => {
  it.each([
    'rate(x{instance=~"$instance"}[$__rate_interval])',
    "rate(x[$__interval])",
    "sum(rate(x[${window}]))",
    "topk($n, x)",
    "quantile_over_time(${q}, x[$__range]) > $threshold",
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
