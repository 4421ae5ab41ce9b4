import { describe, expect, it } from "vitest";
import type { Variable } from "../model";
import {
  ALL_VALUE,
  dashboardVariables,
  type InterpolationContext,
  interpolatePromql,
  referencedVariables,
  type TemplateVariable,
  type VariableValue,
} from "./interpolate";

const variables: Record<string, VariableValue | TemplateVariable> = {
  job: "fraiseql",
  one: { value: "app-1:8000", multi: true, includeAll: true },
  many: { value: ["app-1:8000", "app-2:8000"], multi: true, includeAll: true },
  all: { value: ALL_VALUE, allValue: ".*", multi: true, includeAll: true },
  allOptions: { value: ALL_VALUE, options: ["a", "b.c"], multi: true, includeAll: true },
  allUnknown: { value: [ALL_VALUE], multi: true, includeAll: true },
  quoted: "it's",
  backslash: "C:\\temp",
  dotted: { value: "v1.2", multi: false, includeAll: false },
  regexy: { value: ["a.b", "c|d", "(e)"], multi: true },
  list: ["x", "y"],
  empty: "",
};

const context: InterpolationContext = {
  variables,
  intervalMs: 30_000,
  rangeMs: 6 * 3600_000,
  scrapeIntervalMs: 15_000,
};

const cases: { input: string; output: string; context?: Partial<InterpolationContext> }[] = [
  // plain single values
  { input: 'up{job="$job"}', output: 'up{job="fraiseql"}' },
  { input: 'up{job="${job}"}', output: 'up{job="fraiseql"}' },
  { input: 'up{job="[[job]]"}', output: 'up{job="fraiseql"}' },
  { input: 'up{job="$job",job2="$job"}', output: 'up{job="fraiseql",job2="fraiseql"}' },
  { input: "${job}_total", output: "fraiseql_total" },
  { input: "$job_total", output: "$job_total" },
  // multi-value and include-All variables are regex-escaped for =~
  { input: 'up{instance=~"$one"}', output: 'up{instance=~"app-1:8000"}' },
  { input: 'up{instance=~"$many"}', output: 'up{instance=~"(app-1:8000|app-2:8000)"}' },
  { input: 'up{instance=~"${many}"}', output: 'up{instance=~"(app-1:8000|app-2:8000)"}' },
  { input: 'up{instance=~"[[many]]"}', output: 'up{instance=~"(app-1:8000|app-2:8000)"}' },
  { input: 'x{v=~"$regexy"}', output: 'x{v=~"(a\\\\.b|c\\\\|d|\\\\(e\\\\))"}' },
  { input: 'x{v=~"$list"}', output: 'x{v=~"(x|y)"}' },
  // All: the allValue unescaped, else every option, else match-anything
  { input: 'up{instance=~"$all"}', output: 'up{instance=~".*"}' },
  { input: 'up{instance=~"$allOptions"}', output: 'up{instance=~"(a|b\\\\.c)"}' },
  { input: 'up{instance=~"$allUnknown"}', output: 'up{instance=~".*"}' },
  // single-value variables: only backslashes and quotes are escaped
  { input: 'x{v="$quoted"}', output: 'x{v="it\\\\\'s"}' },
  { input: 'x{v="$backslash"}', output: 'x{v="C:\\\\temp"}' },
  { input: 'x{v="$dotted"}', output: 'x{v="v1.2"}' },
  { input: 'x{v="$empty"}', output: 'x{v=""}' },
  // named formats
  { input: "${many:csv}", output: "app-1:8000,app-2:8000" },
  { input: "${many:pipe}", output: "app-1:8000|app-2:8000" },
  { input: "${many:raw}", output: "app-1:8000,app-2:8000" },
  { input: "${regexy:regex}", output: "(a\\.b|c\\|d|\\(e\\))" },
  { input: "${dotted:regex}", output: "v1\\.2" },
  { input: "${many:json}", output: '["app-1:8000","app-2:8000"]' },
  { input: "${job:json}", output: '"fraiseql"' },
  { input: "${many:glob}", output: "{app-1:8000,app-2:8000}" },
  { input: "${list:singlequote}", output: "'x','y'" },
  { input: "${list:doublequote}", output: '"x","y"' },
  { input: "${quoted:sqlstring}", output: "'it''s'" },
  { input: "${list:queryparam}", output: "var-list=x&var-list=y" },
  { input: "[[many:pipe]]", output: "app-1:8000|app-2:8000" },
  { input: "${all:csv}", output: ".*" },
  // built-ins
  { input: "rate(x[$__interval])", output: "rate(x[30s])" },
  { input: "rate(x[${__interval}])", output: "rate(x[30s])" },
  { input: "$__interval_ms", output: "30000" },
  { input: "rate(x[$__rate_interval])", output: "rate(x[60s])" },
  {
    input: "rate(x[$__rate_interval])",
    output: "rate(x[135s])",
    context: { intervalMs: 120_000, scrapeIntervalMs: 15_000 },
  },
  {
    input: "rate(x[$__rate_interval])",
    output: "rate(x[240s])",
    context: { intervalMs: 30_000, scrapeIntervalMs: 60_000 },
  },
  {
    input: "rate(x[$__rate_interval])",
    output: "rate(x[55s])",
    context: { intervalMs: 45_000, scrapeIntervalMs: 10_000 },
  },
  { input: "$__rate_interval_ms", output: "60000" },
  { input: "increase(x[$__range])", output: "increase(x[21600s])" },
  { input: "$__range_s", output: "21600" },
  { input: "$__range_ms", output: "21600000" },
  { input: "rate(x[$__interval])", output: "rate(x[1m30s])", context: { intervalMs: 90_000 } },
  { input: "rate(x[$__interval])", output: "rate(x[2h])", context: { intervalMs: 7_200_000 } },
  { input: "rate(x[$__interval])", output: "rate(x[500ms])", context: { intervalMs: 500 } },
  // unknown variables stay as written
  { input: 'up{job="$nope"}', output: 'up{job="$nope"}' },
  { input: "${nope:csv}", output: "${nope:csv}" },
  { input: "$__nope", output: "$__nope" },
  // a whole catalog query
  {
    input:
      'histogram_quantile(0.95, sum by (le) (rate(fraiseql_http_request_duration_seconds_bucket{job="$job",instance=~"$many"}[$__rate_interval])))',
    output:
      'histogram_quantile(0.95, sum by (le) (rate(fraiseql_http_request_duration_seconds_bucket{job="fraiseql",instance=~"(app-1:8000|app-2:8000)"}[60s])))',
  },
];

describe("interpolatePromql", () => {
  it.each(cases)("$input → $output", ({ input, output, context: overrides }) => {
    expect(interpolatePromql(input, { ...context, ...overrides })).toBe(output);
  });

  it("lists the variables a query refers to, without built-ins", () => {
    expect(referencedVariables('x{a="$a",b=~"${b:regex}",c="[[c]]"}[$__rate_interval] $a')).toEqual([
      "a",
      "b",
      "c",
    ]);
  });
});

describe("dashboardVariables", () => {
  const dashboard: Variable[] = [
    { type: "constant", name: "job", value: "fraiseql", hide: true },
    {
      type: "query",
      name: "instance",
      query: "label_values(up, instance)",
      regex: "",
      multi: true,
      includeAll: true,
      refresh: "load",
      hide: false,
    },
    {
      type: "custom",
      name: "env",
      values: ["prod", "staging"],
      multi: false,
      includeAll: false,
      hide: false,
    },
    { type: "custom", name: "region", values: ["eu", "us"], multi: true, includeAll: true, hide: false },
    { type: "interval", name: "window", values: ["5m", "1h"], hide: false },
  ];

  it("gives constants their value, query variables All as .*, custom ones their first value or All", () => {
    const resolved = dashboardVariables(dashboard);
    const expr = 'x{job="$job",instance=~"$instance",env="$env",region=~"$region"}[$window]';
    expect(interpolatePromql(expr, { ...context, variables: resolved })).toBe(
      'x{job="fraiseql",instance=~".*",env="prod",region=~"(eu|us)"}[5m]',
    );
  });

  it("takes the caller's selections", () => {
    const resolved = dashboardVariables(dashboard, {
      instance: ["a:1", "b:2"],
      env: "staging",
      window: "1h",
    });
    expect(
      interpolatePromql('x{instance=~"$instance",env="$env"}[$window]', { ...context, variables: resolved }),
    ).toBe('x{instance=~"(a:1|b:2)",env="staging"}[1h]');
  });
});
