import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue, validateProject } from ".";

function fixture(): Record<string, any> {
  return JSON.parse(
    readFileSync(path.join(import.meta.dirname, "../generate/testdata/small.model.json"), "utf8"),
  );
}

function errors(project: unknown): string[] {
  return validateProject(project)
    .issues.filter((issue) => issue.severity === "error")
    .map(formatIssue);
}

describe("validateProject", () => {
  it("accepts the small fixture project with no issues", () => {
    const result = validateProject(fixture());
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("names an unknown panel type and where it is", () => {
    const project = fixture();
    project.dashboards[0].panels[2].type = "piechart";
    expect(errors(project)).toContain(
      'dashboards[0].panels[2].type: unknown panel type "piechart": expected one of timeseries, stat, gauge, bargauge, heatmap, table, alertlist, row',
    );
  });

  it("rejects a bad duration", () => {
    const project = fixture();
    project.ruleGroups[0].rules[1].for = "5x";
    expect(errors(project)).toEqual([
      'ruleGroups[0].rules[1].for: bad duration "5x": expected a Prometheus duration such as 30s, 5m, 1h30m or 15d',
    ]);
  });

  it("takes only http(s) URLs for what the stack or the preview calls", () => {
    const project = fixture();
    project.datasources[0].previewUrl = "prometheus:9090";
    project.datasources[1].url = "ftp://loki:3100";
    expect(errors(project)).toEqual([
      "datasources[0].previewUrl: must be an http:// or https:// URL",
      "datasources[1].url: must be an http:// or https:// URL",
    ]);
    project.datasources[0].previewUrl = "http://127.0.0.1:9090";
    project.datasources[1].url = "https://loki.example.com";
    expect(errors(project)).toEqual([]);
  });

  it("reports PromQL that does not parse, with the position", () => {
    const project = fixture();
    project.dashboards[0].panels[1].targets[0].expr = "sum(rate(x[5m])))";
    project.ruleGroups[0].rules[2].expr = "rate(sum(x)[5m]) > 1";
    expect(errors(project)).toEqual([
      "dashboards[0].panels[1].targets[0].expr: parse error at 16: unexpected right parenthesis ')'",
      "ruleGroups[0].rules[2].expr: parse error at 11: ranges only allowed for vector selectors",
    ]);
  });

  it("reports LogQL that does not parse", () => {
    const project = fixture();
    project.dashboards[0].panels[9].targets[0].expr = '{app="x" | json';
    expect(errors(project)).toEqual([
      'dashboards[0].panels[9].targets[0].expr: parse error at 9: unexpected "|"',
    ]);
  });

  it("reports a route to an unknown receiver", () => {
    const project = fixture();
    project.route.routes[0].receiver = "nobody";
    expect(errors(project)).toEqual(['route.routes[0].receiver: undefined receiver "nobody" used in route']);
  });

  it("reports overlapping panels, duplicate ids and uids, and grid overflow", () => {
    const project = fixture();
    project.dashboards[0].panels[3].gridPos.x = 10;
    project.dashboards[0].panels[4].id = 2;
    project.dashboards[0].panels[7].gridPos.w = 13;
    project.dashboards.push({ ...project.dashboards[0] });
    expect(errors(project)).toEqual(
      expect.arrayContaining([
        'dashboards[0].panels[3].gridPos: overlaps panels[1] ("Queries per second")',
        "dashboards[0].panels[4].id: duplicate panel id 2 (also panels[1])",
        "dashboards[0].panels[7].gridPos: x + w = 25 exceeds the 24-column grid",
        'dashboards[1].uid: duplicate dashboard uid "shop-overview" (also dashboards[0])',
      ]),
    );
  });

  it("reports targets whose datasource is missing or of the wrong type", () => {
    const project = fixture();
    project.dashboards[0].panels[7].datasource = "prometheus";
    project.dashboards[0].panels[1].targets[0].datasource = "nope";
    expect(errors(project)).toEqual([
      'dashboards[0].panels[1].targets[0].datasource: unknown datasource "nope"',
      'dashboards[0].panels[7].targets[0].datasource: datasource "prometheus" is prometheus, not postgres',
    ]);
  });

  it("reports undefined template variables", () => {
    const project = fixture();
    project.dashboards[0].panels[1].targets[0].expr = 'rate(x{job="$job"}[5m])';
    expect(errors(project)).toEqual([
      "dashboards[0].panels[1].targets[0].expr: unknown template variable $job",
    ]);
  });

  it("reports a panel link to a missing dashboard, annotation names and labels Prometheus refuses", () => {
    const project = fixture();
    project.ruleGroups[0].rules[1] = {
      kind: "alert",
      alert: "FraiseQLDown",
      expr: 'up{job="fraiseql"} == 0',
      labels: { severity: "page", __name__: "x" },
      annotations: { summary: "down", "runbook-url": "https://example.com" },
      panel: { dashboardUid: "missing", panelId: 1 },
      tests: project.ruleGroups[0].rules[1].tests,
    };
    expect(errors(project)).toEqual([
      "ruleGroups[0].rules[1].labels.__name__: invalid label name: __name__",
      "ruleGroups[0].rules[1].annotations.runbook-url: invalid annotation name: runbook-url",
      'ruleGroups[0].rules[1].panel.dashboardUid: no dashboard with uid "missing" in the project',
    ]);
  });

  it("warns about a panel link to a panel the dashboard does not have", () => {
    const project = fixture();
    const rule = project.ruleGroups[0].rules[1];
    project.ruleGroups[0].rules[1] = { ...rule, severity: undefined, kind: "alert", panel: undefined };
    delete project.ruleGroups[0].rules[1].severity;
    project.ruleGroups[0].rules[1].annotations = { summary: "down" };
    project.ruleGroups[0].rules[1].panel = { dashboardUid: project.dashboards[0].uid, panelId: 999 };
    const result = validateProject(project);
    expect(result.ok).toBe(true);
    expect(result.issues.map(formatIssue)).toEqual([
      `ruleGroups[0].rules[1].panel.panelId: warning: no panel with id 999 in dashboard "${project.dashboards[0].uid}"`,
    ]);
  });

  it("reports secrets given as values rather than variable names", () => {
    const project = fixture();
    project.receivers[1].integrations[0].apiUrl = {
      secret: "https://hooks.slack.com/services/T000/B000/XXX",
    };
    expect(errors(project)[0]).toMatch(
      /^receivers\[1\]\.integrations\[0\]\.apiUrl\.secret: secret names are environment variable names/,
    );
  });

  it("warns about alerts without unit tests and v2 scrape targets without a token", () => {
    const project = fixture();
    project.ruleGroups[0].rules[1].tests = [];
    delete project.scrapeTargets[0].bearerToken;
    const warnings = validateProject(project).issues.filter((issue) => issue.severity === "warning");
    expect(warnings.map((w) => w.path)).toEqual([
      "scrapeTargets[0].bearerToken",
      "ruleGroups[0].rules[1].tests",
    ]);
  });

  it("reports PromQL Prometheus refuses beyond its syntax, in Prometheus's words", () => {
    const project = fixture();
    project.ruleGroups[0].rules[2].expr = "rate(x) > 1";
    project.dashboards[0].panels[1].targets[0].expr = "scalar(sum(rate(x[$__rate_interval]))) == 1";
    expect(errors(project)).toEqual([
      "dashboards[0].panels[1].targets[0].expr: parse error at 39: comparisons between scalars must use BOOL modifier",
      'ruleGroups[0].rules[2].expr: parse error at 5: expected type range vector in call to function "rate", got instant vector',
    ]);
  });

  it("warns about PromQL that needs a newer Prometheus or a feature flag, and stays valid", () => {
    const project = fixture();
    project.ruleGroups[0].rules[2].expr = "limitk(2, rate(x[5m]))";
    const result = validateProject(project);
    expect(result.ok).toBe(true);
    expect(result.issues.map(formatIssue)).toEqual([
      "ruleGroups[0].rules[2].expr: warning: at 0: limitk() is experimental: needs Prometheus 2.54 or later with --enable-feature=promql-experimental-functions",
    ]);
  });

  it("reports the dashboard settings checks as warnings, and stays valid", () => {
    const project = fixture();
    project.dashboards[0].refresh = "fast";
    project.dashboards[0].variables.push({ type: "query", name: "bad", query: "sum(up)" });
    const result = validateProject(project);
    expect(result.ok).toBe(true);
    expect(result.issues.map(formatIssue)).toEqual([
      `dashboards[0].refresh: warning: "fast" is not a refresh interval: use 5s, 1m, 1h, 1d or '' for off`,
      "dashboards[0].variables[1].query: warning: sum(...) is not a Prometheus variable query",
    ]);
  });
});

describe("alert annotations", () => {
  // Rendering templates is the template engine's check (lib/alerting/templates); the model takes
  // any annotation text Prometheus's rule files hold. A template Prometheus cannot parse is an error
  // on its field (lib/model/checks/rule-templates.test.ts), as promtool check rules refuses it.
  it("accepts any annotation text and any severity, as Prometheus does", () => {
    const project = fixture();
    const rule = project.ruleGroups[0].rules[1];
    delete rule.severity;
    rule.labels = { severity: "page" };
    rule.annotations = {
      message: '{{ with query "up" }}{{ . | first | value }}{{ end }} {{ $labels }}',
      summary: "down {{ $labels.instance }} {{ humanize $value }}",
    };
    expect(errors(project)).toEqual([]);
  });
});
