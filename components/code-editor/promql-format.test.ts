import type { SyntaxNode } from "@lezer/common";
import { parser } from "@prometheus-io/lezer-promql";
import { describe, expect, it } from "vitest";
import { projectFromTemplate } from "../../lib/catalog/templates";
import { checkDashboardPromql, neutralizeGrafanaVariables } from "../../lib/promql/parse";
import { formatPromql } from "./promql-format";

const CASES: { name: string; input: string; output: string }[] = [
  { name: "a bare metric", input: "up", output: "up" },
  { name: "surrounding whitespace", input: "  up  \n", output: "up" },
  {
    name: "matchers get one space after each comma",
    input: 'up{job="api",instance=~"a.*" ,  env!="dev"}',
    output: 'up{job="api", instance=~"a.*", env!="dev"}',
  },
  { name: "no space around a match operator", input: 'up{job = "api"}', output: 'up{job="api"}' },
  { name: "a trailing comma in matchers goes", input: 'up{job="api",}', output: 'up{job="api"}' },
  { name: "empty matchers go", input: "up{}", output: "up" },
  { name: "a selector without a name", input: '{__name__=~"job:.+"}', output: '{__name__=~"job:.+"}' },
  { name: "a quoted (UTF-8) metric name", input: '{"my.metric", job="a"}', output: '{"my.metric", job="a"}' },
  { name: "a range", input: "rate(x[ 5m ])", output: "rate(x[5m])" },
  {
    name: "function arguments get a space after the comma",
    input: "clamp_max(x,1)",
    output: "clamp_max(x, 1)",
  },
  { name: "spaces around binary operators", input: "a+b", output: "a + b" },
  { name: "a chain of one precedence", input: "a+b-c*d/e", output: "a + b - c * d / e" },
  { name: "parentheses are kept", input: "(a+b)*c", output: "(a + b) * c" },
  { name: "redundant parentheses are kept too", input: "((a))", output: "((a))" },
  { name: "right-associative power", input: "a^b^c", output: "a ^ b ^ c" },
  { name: "comparison with bool", input: "a>bool 1", output: "a > bool 1" },
  { name: "keywords are lower-cased", input: "a AND b OR c UNLESS d", output: "a and b or c unless d" },
  {
    name: "vector matching",
    input: "a/on(job,instance)group_left(team)b",
    output: "a / on (job, instance) group_left (team) b",
  },
  {
    name: "ignoring and group_right without labels",
    input: "a*ignoring(x)group_right b",
    output: "a * ignoring (x) group_right b",
  },
  { name: "unary minus", input: "-a", output: "-a" },
  { name: "unary minus of a negative number keeps a space", input: "- -1", output: "- -1" },
  { name: "a negative number", input: "a * -1", output: "a * -1" },
  { name: "scientific and hex numbers as written", input: "a > 1e3 + 0x1F", output: "a > 1e3 + 0x1F" },
  {
    name: "a by clause moves before the body",
    input: "sum(rate(x[5m])) by (job)",
    output: "sum by (job) (rate(x[5m]))",
  },
  { name: "a by clause stays before the body", input: "sum by(job)(x)", output: "sum by (job) (x)" },
  { name: "without", input: "avg without(instance,pod)(x)", output: "avg without (instance, pod) (x)" },
  { name: "an aggregation with a parameter", input: "topk(5,x)by(job)", output: "topk by (job) (5, x)" },
  { name: "aggregation keywords lower-cased", input: "SUM BY (job) (x)", output: "sum by (job) (x)" },
  {
    name: "count_values",
    input: 'count_values("version",build_info)',
    output: 'count_values("version", build_info)',
  },
  { name: "quantile", input: "quantile(0.9,x)", output: "quantile(0.9, x)" },
  { name: "empty grouping", input: "sum by () (x)", output: "sum by () (x)" },
  { name: "offset", input: "rate(x[5m]offset 1h)", output: "rate(x[5m] offset 1h)" },
  { name: "a negative offset", input: "x offset -5m", output: "x offset -5m" },
  { name: "@ with a timestamp", input: "x @ 1609746000", output: "x @ 1609746000" },
  { name: "@ start()", input: "x @ start( )", output: "x @ start()" },
  {
    name: "a subquery",
    input: "max_over_time(rate(x[1m])[ 1h : 5m ])",
    output: "max_over_time(rate(x[1m])[1h:5m])",
  },
  {
    name: "a subquery without a step",
    input: "max_over_time(deriv(x[5m])[1h:])",
    output: "max_over_time(deriv(x[5m])[1h:])",
  },
  { name: "a function without arguments", input: "time( )", output: "time()" },
  { name: "a string literal", input: '"hello"', output: '"hello"' },
  { name: "a number literal", input: "42", output: "42" },
  {
    name: "strings are never touched",
    input: 'label_replace(up,"dst" , "$1 , x","src","(.*) ,")',
    output: 'label_replace(up, "dst", "$1 , x", "src", "(.*) ,")',
  },
  {
    name: "Grafana variables are kept",
    input: 'rate(x{instance=~"$instance"}[$__rate_interval])',
    output: 'rate(x{instance=~"$instance"}[$__rate_interval])',
  },
  {
    name: "a variable as a metric name and braces variables",
    input: "sum by(${group})($metric)",
    output: "sum by (${group}) ($metric)",
  },
  {
    name: "a ratio that fits on a line stays on it",
    input: "sum(rate(a[5m]))by(job)/sum(rate(b[5m]))by(job)",
    output: "sum by (job) (rate(a[5m])) / sum by (job) (rate(b[5m]))",
  },
  {
    name: "a long ratio breaks at the top-level operator",
    input:
      'sum(rate(http_requests_total{job="api",code=~"5.."}[5m])) by (job)/sum(rate(http_requests_total{job="api"}[5m])) by (job)',
    output: [
      'sum by (job) (rate(http_requests_total{job="api", code=~"5.."}[5m]))',
      '/ sum by (job) (rate(http_requests_total{job="api"}[5m]))',
    ].join("\n"),
  },
  {
    name: "a long operand gets its own line under the operator",
    input:
      'sum by (job) (rate(http_requests_total{job="api"}[5m])) / sum by (job) (rate(http_requests_total{job="api", code=~"5..", handler!="/metrics"}[5m]))',
    output: [
      'sum by (job) (rate(http_requests_total{job="api"}[5m]))',
      "/",
      "sum by (job) (",
      '  rate(http_requests_total{job="api", code=~"5..", handler!="/metrics"}[5m])',
      ")",
    ].join("\n"),
  },
  {
    name: "nested arguments break from the outside in",
    input:
      'histogram_quantile(0.99, sum by (le, service) (rate(fraiseql_request_duration_seconds_bucket{service="$service"}[$__rate_interval])))',
    output: [
      "histogram_quantile(",
      "  0.99,",
      "  sum by (le, service) (",
      "    rate(",
      '      fraiseql_request_duration_seconds_bucket{service="$service"}[$__rate_interval]',
      "    )",
      "  )",
      ")",
    ].join("\n"),
  },
  {
    name: "a parenthesised long expression",
    input:
      '(1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle", instance=~"$instance"}[$__rate_interval]))) * 100',
    output: [
      "(",
      "  1",
      "  -",
      "  avg by (instance) (",
      "    rate(",
      '      node_cpu_seconds_total{mode="idle", instance=~"$instance"}[$__rate_interval]',
      "    )",
      "  )",
      ")",
      "* 100",
    ].join("\n"),
  },
  {
    name: "a long chain puts each operator at the start of a line",
    input:
      "node_memory_MemTotal_bytes - node_memory_MemFree_bytes - node_memory_Buffers_bytes - node_memory_Cached_bytes",
    output: [
      "node_memory_MemTotal_bytes",
      "- node_memory_MemFree_bytes",
      "- node_memory_Buffers_bytes",
      "- node_memory_Cached_bytes",
    ].join("\n"),
  },
  {
    name: "an already formatted multi-line query collapses when it fits",
    input: "sum by (job) (\n  rate(x[5m])\n)",
    output: "sum by (job) (rate(x[5m]))",
  },
  {
    name: "and/unless with vector matching in a long alert expression",
    input:
      'up{job="fraiseql"} == 0 and on(instance) (time() - process_start_time_seconds{job="fraiseql"}) > 300 unless on(instance) maintenance_mode == 1',
    output: [
      'up{job="fraiseql"} == 0',
      'and on (instance) (time() - process_start_time_seconds{job="fraiseql"}) > 300',
      "unless on (instance) maintenance_mode == 1",
    ].join("\n"),
  },
  {
    name: "a long function argument list",
    input:
      'label_replace(rate(http_requests_total{job="api"}[5m]), "service", "$1", "job", "(.*)-api-production")',
    output: [
      "label_replace(",
      '  rate(http_requests_total{job="api"}[5m]),',
      '  "service",',
      '  "$1",',
      '  "job",',
      '  "(.*)-api-production"',
      ")",
    ].join("\n"),
  },
  { name: "a query that does not parse is left alone", input: "rate(x[5m]", output: "rate(x[5m]" },
  { name: "a query with a comment is left alone", input: "up == 0 # down", output: "up == 0 # down" },
  { name: "an empty query is left alone", input: "", output: "" },
];

describe("formatPromql", () => {
  it.each(CASES)("$name", ({ input, output }) => {
    expect(formatPromql(input)).toBe(output);
  });

  it("keeps everything on one line with an infinite width", () => {
    const long = CASES.find((entry) => entry.name.startsWith("nested arguments"))?.input ?? "";
    expect(formatPromql(long, { width: Number.POSITIVE_INFINITY })).toBe(
      'histogram_quantile(0.99, sum by (le, service) (rate(fraiseql_request_duration_seconds_bucket{service="$service"}[$__rate_interval])))',
    );
  });

  it("never makes a line longer than 80 characters when it could be broken", () => {
    for (const { output } of CASES) {
      for (const line of output.split("\n")) {
        // The one exception: a single selector that is itself longer than the width.
        if (line.length > 80) expect(line.trim()).toMatch(/^[\w:]+\{.*\}(\[[^\]]+\])?,?$/);
      }
    }
  });
});

/**
 * What a query means, as the parser sees it: node names and leaf tokens, with an aggregation's
 * modifier always before its body and keywords lower-cased (the two things formatting may change).
 */
function meaning(expr: string): string {
  const text = neutralizeGrafanaVariables(expr);
  const describeNode = (node: SyntaxNode): string => {
    const kids: SyntaxNode[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) kids.push(child);
    if (kids.length === 0) {
      const leaf = text.slice(node.from, node.to).replace(/\s+/g, "");
      const keepCase = ["StringLiteral", "Identifier", "LabelName"].includes(node.name);
      return `${node.name}:${keepCase ? leaf : leaf.toLowerCase()}`;
    }
    if (node.name === "VectorSelector") {
      // `up{}` is `up`.
      const empty = kids.findIndex((kid) => kid.name === "LabelMatchers" && !kid.firstChild);
      if (empty > 0) kids.splice(empty, 1);
    }
    if (node.name === "AggregateExpr") {
      kids.sort((a, b) => Number(b.name === "AggregateModifier") - Number(a.name === "AggregateModifier"));
      kids.sort((a, b) => Number(b.name === "AggregateOp") - Number(a.name === "AggregateOp"));
    }
    return `${node.name}(${kids.map(describeNode).join(" ")})`;
  };
  return describeNode(parser.parse(text).topNode);
}

function catalogExpressions(): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (key === "expr" && typeof inner === "string") found.add(inner);
        else visit(inner);
      }
    }
  };
  for (const version of ["v1", "v2"] as const) {
    visit(projectFromTemplate({ name: "Format check", level: "enterprise", version }));
  }
  return [...found];
}

describe("formatPromql never changes meaning", () => {
  const corpus = [
    ...CASES.map((entry) => entry.input).filter((input) => checkDashboardPromql(input) === undefined),
    // The catalog's `expr` fields include LogQL; only PromQL is formatted.
    ...catalogExpressions().filter((expr) => checkDashboardPromql(expr) === undefined),
  ];

  it("has a corpus of the table and every catalog query", () => {
    expect(corpus.length).toBeGreaterThan(100);
  });

  it.each(corpus.map((expr) => ({ expr })))("$expr", ({ expr }) => {
    const once = formatPromql(expr);
    expect(checkDashboardPromql(once), once).toBeUndefined();
    expect(meaning(once)).toBe(meaning(expr));
    expect(formatPromql(once)).toBe(once);
  });
});
