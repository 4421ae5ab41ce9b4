import { describe, expect, it } from "vitest";
import {
  firstMetricName,
  lexPromql,
  type PromqlCompletionContext,
  promqlCompletionContext,
} from "./promql-completion-context";

/** The context at the `|` in `marked` (the `|` itself is removed). */
function at(marked: string): PromqlCompletionContext {
  const offset = marked.indexOf("|");
  return promqlCompletionContext(marked.slice(0, offset) + marked.slice(offset + 1), offset);
}

describe("promqlCompletionContext", () => {
  it.each<{ text: string; context: PromqlCompletionContext }>([
    // Where an expression starts: metrics, functions, aggregations.
    { text: "|", context: { kind: "metric", prefix: "", from: 0 } },
    { text: "http_req|", context: { kind: "metric", prefix: "http_req", from: 0 } },
    { text: "rate(http_|", context: { kind: "metric", prefix: "http_", from: 5 } },
    { text: "sum(rate(|", context: { kind: "metric", prefix: "", from: 9 } },
    { text: "a / |", context: { kind: "metric", prefix: "", from: 4 } },
    { text: "a > bool |", context: { kind: "metric", prefix: "", from: 9 } },
    { text: "a and |", context: { kind: "metric", prefix: "", from: 6 } },
    { text: "job:requests:rate5m + node|", context: { kind: "metric", prefix: "node", from: 22 } },
    { text: "topk(5, |", context: { kind: "metric", prefix: "", from: 8 } },
    { text: "sum by (job) (|", context: { kind: "metric", prefix: "", from: 14 } },
    { text: "x / on(job) group_left |", context: { kind: "metric", prefix: "", from: 23 } },
    // A name right before "(": a function.
    { text: "ra|(x[5m])", context: { kind: "function", prefix: "ra", from: 0 } },
    { text: "sum(irat| (x[5m]))", context: { kind: "function", prefix: "irat", from: 4 } },
    // Label names inside a selector's braces.
    { text: "up{|", context: { kind: "label-name", prefix: "", from: 3, metric: "up", where: "matcher" } },
    {
      text: "up{jo|",
      context: { kind: "label-name", prefix: "jo", from: 3, metric: "up", where: "matcher" },
    },
    {
      text: 'http_requests_total{job="api", |}',
      context: { kind: "label-name", prefix: "", from: 31, metric: "http_requests_total", where: "matcher" },
    },
    {
      text: 'rate(node:cpu:rate5m{mode="idle",inst|}[5m])',
      context: { kind: "label-name", prefix: "inst", from: 33, metric: "node:cpu:rate5m", where: "matcher" },
    },
    { text: "{|", context: { kind: "label-name", prefix: "", from: 1, metric: undefined, where: "matcher" } },
    {
      text: '{__name__="up", |}',
      context: { kind: "label-name", prefix: "", from: 16, metric: "up", where: "matcher" },
    },
    // Label names in grouping clauses, with the metric the aggregation reads.
    {
      text: "sum by (|) (rate(http_requests_total[5m]))",
      context: { kind: "label-name", prefix: "", from: 8, metric: "http_requests_total", where: "grouping" },
    },
    {
      text: "sum(rate(http_requests_total[5m])) by (job, co|)",
      context: {
        kind: "label-name",
        prefix: "co",
        from: 44,
        metric: "http_requests_total",
        where: "grouping",
      },
    },
    {
      text: "avg without (|",
      context: { kind: "label-name", prefix: "", from: 13, metric: undefined, where: "grouping" },
    },
    {
      text: "errors / on(|) requests",
      context: { kind: "label-name", prefix: "", from: 12, metric: "errors", where: "grouping" },
    },
    {
      text: "a * on(job) group_left(te|) b",
      context: { kind: "label-name", prefix: "te", from: 23, metric: "a", where: "grouping" },
    },
    // Label values.
    {
      text: 'up{job="|"}',
      context: { kind: "label-value", prefix: "", from: 8, label: "job", metric: "up", quoted: true },
    },
    {
      text: 'up{job=~"fra|',
      context: { kind: "label-value", prefix: "fra", from: 9, label: "job", metric: "up", quoted: true },
    },
    {
      text: 'rate(x{a="1", instance!="lo|calhost"}[5m])',
      context: { kind: "label-value", prefix: "lo", from: 25, label: "instance", metric: "x", quoted: true },
    },
    {
      text: "up{job=|",
      context: { kind: "label-value", prefix: "", from: 7, label: "job", metric: "up", quoted: false },
    },
    {
      text: "up{job!~ap|",
      context: { kind: "label-value", prefix: "ap", from: 8, label: "job", metric: "up", quoted: false },
    },
    // Durations.
    { text: "rate(x[|", context: { kind: "duration", prefix: "", from: 7 } },
    { text: "rate(x[5|])", context: { kind: "duration", prefix: "5", from: 7 } },
    { text: "rate(x[$__ra|", context: { kind: "duration", prefix: "$__ra", from: 7 } },
    { text: "max_over_time(x[1h:|])", context: { kind: "duration", prefix: "", from: 19 } },
    { text: "x offset |", context: { kind: "duration", prefix: "", from: 9 } },
    // Keywords after a complete expression.
    { text: "sum |", context: { kind: "keyword", prefix: "", from: 4 } },
    { text: "sum b|", context: { kind: "keyword", prefix: "b", from: 4 } },
    { text: "rate(x[5m]) |", context: { kind: "keyword", prefix: "", from: 12 } },
    { text: "up o|", context: { kind: "keyword", prefix: "o", from: 3 } },
    { text: 'up{job="a"} |', context: { kind: "keyword", prefix: "", from: 12 } },
    // Nothing to offer.
    { text: "sum by |", context: { kind: "none" } },
    {
      text: "up{job|",
      context: { kind: "label-name", prefix: "job", from: 3, metric: "up", where: "matcher" },
    },
    { text: "up{job |", context: { kind: "none" } },
    { text: 'label_replace(x, "ds|', context: { kind: "none" } },
    { text: "up # a comm|", context: { kind: "none" } },
    { text: "up > 1|", context: { kind: "none" } },
  ])("$text", ({ text, context }) => {
    expect(at(text)).toEqual(context);
  });

  it("reads Grafana variables as variables", () => {
    expect(at("rate(x[$|")).toEqual({ kind: "duration", prefix: "$", from: 7 });
    expect(at('x{instance=~"$inst|"}')).toMatchObject({ kind: "label-value", prefix: "$inst" });
    expect(at("$|")).toEqual({ kind: "metric", prefix: "$", from: 0 });
  });
});

describe("lexPromql", () => {
  it("splits a query into tokens", () => {
    expect(
      lexPromql('sum by (job) (rate(x{a=~"b"}[5m:1m])) > bool 1e3 # c').map((token) => token.text),
    ).toEqual([
      "sum",
      "by",
      "(",
      "job",
      ")",
      "(",
      "rate",
      "(",
      "x",
      "{",
      "a",
      "=~",
      '"b"',
      "}",
      "[",
      "5m",
      ":",
      "1m",
      "]",
      ")",
      ")",
      ">",
      "bool",
      "1e3",
      "# c",
    ]);
  });

  it("keeps escaped quotes inside strings and marks unterminated ones", () => {
    const [string] = lexPromql('"a\\"b');
    expect(string).toMatchObject({ type: "string", text: '"a\\"b', closed: false });
  });
});

describe("firstMetricName", () => {
  it.each([
    { text: "rate(http_requests_total[5m])", metric: "http_requests_total" },
    { text: 'sum by (job) (x{job="a"})', metric: "x" },
    { text: "histogram_quantile(0.9, sum by (le) (rate(y_bucket[5m])))", metric: "y_bucket" },
    { text: "time()", metric: undefined },
  ])("$text", ({ text, metric }) => {
    expect(firstMetricName(lexPromql(text))).toBe(metric);
  });
});
