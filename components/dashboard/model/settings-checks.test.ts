import { describe, expect, it } from "vitest";
import { type Dashboard, DashboardSchema } from "@/lib/model/dashboard";
import type { Datasource } from "@/lib/model/datasource";
import { issuesOfVariable, settingsChecks } from "./settings-checks";

const datasources: Datasource[] = [
  {
    uid: "prom",
    name: "Prometheus",
    type: "prometheus",
    isDefault: true,
    url: "http://prometheus:9090",
    scrapeInterval: "15s",
  },
  { uid: "logs", name: "Loki", type: "loki", isDefault: false, url: "http://loki:3100" },
];

function dashboard(input: Record<string, unknown>): Dashboard {
  return DashboardSchema.parse({ uid: "d", title: "D", ...input });
}

const NOW = Date.UTC(2025, 0, 1);

describe("settings checks", () => {
  it("finds nothing wrong with the defaults", () => {
    expect(settingsChecks(dashboard({}), datasources, NOW)).toEqual([]);
  });

  it("warns about a time range or refresh interval the view cannot use", () => {
    const issues = settingsChecks(
      dashboard({ time: { from: "yesterday", to: "now" }, refresh: "fast" }),
      datasources,
      NOW,
    );
    expect(issues).toEqual([
      {
        path: "time.from",
        severity: "warning",
        message: expect.stringContaining('"yesterday" is not a time'),
      },
      {
        path: "refresh",
        severity: "warning",
        message: expect.stringContaining('"fast" is not a refresh interval'),
      },
    ]);
    expect(settingsChecks(dashboard({ time: { from: "now", to: "now-1h" } }), datasources, NOW)).toEqual([
      { path: "time.from", severity: "warning", message: '"from" can\'t be after "to"' },
    ]);
  });

  it("warns about query variables Prometheus cannot answer and bad regexes", () => {
    const issues = settingsChecks(
      dashboard({
        variables: [
          { type: "query", name: "a", query: "up", regex: "/(unclosed/" },
          { type: "query", name: "b", datasource: "logs", query: "{job=~.+}" },
          { type: "query", name: "c", query: "label_values(up, instance)", regex: "/(?<value>.*):\\d+/" },
        ],
      }),
      datasources,
      NOW,
    );
    expect(issues.map((issue) => issue.path)).toEqual(["variables[0].query", "variables[0].regex"]);
    expect(issues[0]?.message).toContain("is not label_values(...)");
    expect(issues[1]?.message).toMatch(/^not a regular expression: /);
  });

  it("warns when a query uses a variable that comes after it", () => {
    const issues = settingsChecks(
      dashboard({
        variables: [
          { type: "query", name: "instance", query: 'label_values(up{job="$job"}, instance)' },
          { type: "query", name: "job", query: "label_values(up, job)" },
        ],
      }),
      datasources,
      NOW,
    );
    expect(issues).toEqual([
      {
        path: "variables[0].query",
        severity: "warning",
        message: 'uses $job, which comes after it: move "instance" below "job"',
      },
    ]);
  });

  it("warns about interval values and auto settings Grafana would not read", () => {
    const issues = settingsChecks(
      dashboard({
        variables: [
          {
            type: "interval",
            name: "step",
            values: ["1m", "5 min", "1h"],
            extra: { auto: true, auto_count: 0, auto_min: "soon" },
          },
        ],
      }),
      datasources,
      NOW,
    );
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      ["variables[0].values", '"5 min": use 30s, 5m, 1h, 1d …'],
      ["variables[0].extra.auto_min", '"soon" is not an interval: use 10s, 1m …'],
      ["variables[0].extra.auto_count", "the number of steps is a whole number from 1"],
    ]);
  });

  it("picks one variable's issues, relative to it", () => {
    const issues = [
      { path: "variables[1].name", message: "duplicate", severity: "error" as const },
      { path: "variables[10].query", message: "other", severity: "error" as const },
      { path: "variables[1]", message: "whole", severity: "error" as const },
      { path: "title", message: "title", severity: "error" as const },
    ];
    expect(issuesOfVariable(issues, 1)).toEqual([
      { path: "name", message: "duplicate", severity: "error" },
      { path: "(root)", message: "whole", severity: "error" },
    ]);
  });
});
