import { describe, expect, it } from "vitest";
import { ProjectShapeSchema } from "./stored-project";
import { RuleGroupSchema } from "./rule";

/** An alert rule as projects stored it before labels and annotations were plain maps. */
const STORED = {
  kind: "alert",
  alert: "ApiDown",
  expr: 'up{job="api"} == 0',
  for: "1m",
  severity: "critical",
  labels: { team: "api" },
  annotations: { summary: "s", description: "d", dashboardUid: "api" },
  runbook: "## Meaning",
};

const DASHBOARD = {
  uid: "api",
  title: "API",
  panels: [
    { id: 1, type: "row", title: "Top", gridPos: { x: 0, y: 0, w: 24, h: 1 } },
    {
      id: 2,
      type: "stat",
      title: "Requests",
      gridPos: { x: 0, y: 1, w: 6, h: 4 },
      targets: [{ kind: "promql", refId: "A", expr: "sum(rate(http_requests_total[5m]))" }],
    },
    {
      id: 3,
      type: "stat",
      title: "Up",
      gridPos: { x: 6, y: 1, w: 6, h: 4 },
      targets: [{ kind: "promql", refId: "A", expr: 'up{job="api"}' }],
    },
  ],
};

describe("upgrade of stored alert rules", () => {
  it("turns severity and category into the first labels, and the dashboard into its annotation and a panel link", () => {
    const project = ProjectShapeSchema.parse({
      name: "Old",
      links: { grafanaUrl: "https://grafana.example.com/" },
      dashboards: [DASHBOARD],
      ruleGroups: [{ name: "g", rules: [STORED] }],
    });
    const rule = project.ruleGroups[0]?.rules[0];
    expect(rule).toMatchObject({
      labels: { severity: "critical", category: "custom", team: "api" },
      annotations: { summary: "s", description: "d", dashboard: "https://grafana.example.com/d/api" },
      runbook: "## Meaning",
      panel: { dashboardUid: "api", panelId: 3 },
    });
    expect(Object.keys(rule?.labels ?? {})).toEqual(["severity", "category", "team"]);
  });

  it("keeps an explicit runbook URL as the runbook_url annotation, and gives a rule without one its generated page", () => {
    const group = RuleGroupSchema.parse({
      name: "g",
      rules: [
        {
          ...STORED,
          annotations: { summary: "s", description: "d", runbookUrl: "https://wiki/x" },
          runbook: undefined,
        },
        { ...STORED, alert: "NoBody", annotations: { summary: "s", description: "d" }, runbook: undefined },
      ],
    });
    expect(group.rules[0]).toMatchObject({
      annotations: { summary: "s", description: "d", runbook_url: "https://wiki/x" },
    });
    expect(group.rules[0]).not.toHaveProperty("runbook");
    expect(group.rules[1]).toMatchObject({ runbook: "" });
  });

  it("leaves rules of the current shape as they are, whatever their annotation keys", () => {
    const current = {
      kind: "alert",
      alert: "X",
      expr: "vector(1)",
      labels: { severity: "page" },
      annotations: { runbookUrl: "kept as written", dashboardUid: "too" },
    };
    expect(RuleGroupSchema.parse({ name: "g", rules: [current] }).rules[0]).toMatchObject(current);
  });
});
