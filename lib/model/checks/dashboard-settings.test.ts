import { describe, expect, it } from "vitest";
import { type Dashboard, DashboardSchema } from "../dashboard";
import type { Datasource } from "../datasource";
import { IssueCollector, type ModelIssue } from "../issues";
import { checkDashboardSettings, dashboardSettingsIssues } from "./dashboard-settings";
import { checkDashboards } from "./dashboards";

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

/** The checks as the designer runs them: with its view's "now". */
function settingsChecks(dashboard: Dashboard, list: readonly Datasource[], now: number): ModelIssue[] {
  return dashboardSettingsIssues(dashboard, list, { now });
}

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
});

describe("settings checks without a clock (the CLI, /validation)", () => {
  it("judges the order of two relative or two absolute times, not of one of each", () => {
    const issues = (time: { from: string; to: string }): ModelIssue[] =>
      dashboardSettingsIssues(dashboard({ time }), datasources);
    expect(issues({ from: "now-6h", to: "now" })).toEqual([]);
    expect(issues({ from: "now/d", to: "now/d" })).toEqual([]);
    expect(issues({ from: "now", to: "now-1h" })).toEqual([
      { path: "time.from", severity: "warning", message: '"from" can\'t be after "to"' },
    ]);
    expect(issues({ from: "2024-05-02 00:00:00", to: "2024-05-01 00:00:00" })).toEqual([
      { path: "time.from", severity: "warning", message: '"from" can\'t be after "to"' },
    ]);
    // Fine today, wrong once 2030 has passed: only a view with its "now" can say.
    expect(issues({ from: "now-1h", to: "2030-01-01 00:00:00" })).toEqual([]);
    expect(
      settingsChecks(dashboard({ time: { from: "now-1h", to: "2020-01-01 00:00:00" } }), datasources, NOW),
    ).toHaveLength(1);
    expect(issues({ from: "yesterday", to: "2030-01-01 00:00:00" })).toEqual([
      {
        path: "time.from",
        severity: "warning",
        message: expect.stringContaining('"yesterday" is not a time'),
      },
    ]);
  });

  it("gives the same warnings as the designer for everything else", () => {
    const input = dashboard({
      refresh: "1s",
      variables: [
        { type: "query", name: "a", query: "up", regex: "/(unclosed/" },
        { type: "interval", name: "step", values: ["5 min"] },
      ],
    });
    expect(dashboardSettingsIssues(input, datasources)).toEqual(settingsChecks(input, datasources, NOW));
    expect(dashboardSettingsIssues(input, datasources).map((issue) => issue.path)).toEqual([
      "refresh",
      "variables[0].query",
      "variables[0].regex",
      "variables[1].values",
    ]);
  });

  it("puts every warning under the path it is given", () => {
    const out = new IssueCollector();
    checkDashboardSettings(dashboard({ refresh: "fast" }), datasources, ["dashboards", 3], out);
    expect(out.issues.map((issue) => issue.path)).toEqual(["dashboards[3].refresh"]);
  });

  it("runs in checkDashboards, with the dashboard's index in the path", () => {
    const out = new IssueCollector();
    checkDashboards(
      [
        dashboard({ uid: "a" }),
        dashboard({ uid: "b" }),
        dashboard({
          uid: "c",
          variables: [
            { type: "query", name: "job", query: "label_values(up, job)" },
            { type: "query", name: "broken", query: "sum(up)" },
          ],
        }),
      ],
      datasources,
      out,
    );
    expect(out.issues).toEqual([
      {
        path: "dashboards[2].variables[1].query",
        severity: "warning",
        message: "sum(...) is not a Prometheus variable query",
      },
    ]);
  });
});
