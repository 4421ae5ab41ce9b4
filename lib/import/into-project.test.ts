import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importIntoProject, newProjectFor } from "./into-project";

const TESTDATA = path.join(import.meta.dirname, "..", "dashboard", "testdata");
const load = (name: string): unknown => JSON.parse(readFileSync(path.join(TESTDATA, name), "utf8"));

describe("importIntoProject", () => {
  const modern = { name: "modern.json", document: load("modern.grafana.json") };
  const nodes = { name: "nodes.json", document: load("node-exporter-full.grafana.json") };

  it("gives a new project the catalog's datasource of each type its dashboards query", () => {
    const project = newProjectFor("ops", [nodes]);
    expect(project.name).toBe("ops");
    expect(project.datasources.map((datasource) => [datasource.type, datasource.isDefault])).toEqual([
      ["prometheus", true],
    ]);
    expect(newProjectFor("ops", [nodes, modern]).datasources.map((datasource) => datasource.type)).toEqual([
      "prometheus",
      "postgres",
    ]);
  });

  it("adds each file in turn, so a second file with the same uid clashes with the first", () => {
    const result = importIntoProject(newProjectFor("ops", [modern]), [modern, modern]);
    expect(result.ok).toBe(false);
    expect(result.outcomes.map((outcome) => outcome.ok)).toEqual([true, false]);
    expect(result.outcomes[1]?.lines[0]).toContain('already has a dashboard with uid "shop-api-overview"');
    expect(result.project.dashboards.map((dashboard) => dashboard.uid)).toEqual(["shop-api-overview"]);
  });

  it("tells what it does not recognise", () => {
    const result = importIntoProject(newProjectFor("ops", []), [
      { name: "notes.yml", document: { notes: ["a", "b"] } },
    ]);
    expect(result.outcomes).toEqual([
      {
        name: "notes.yml",
        ok: false,
        lines: [
          "not a Grafana dashboard, Prometheus rule file, PrometheusRule or Alertmanager configuration",
        ],
      },
    ]);
  });

  it("adds every group of a rule file, or none when the project would be invalid with one", () => {
    const rules = {
      name: "rules.yml",
      document: {
        groups: [
          { name: "a", rules: [{ alert: "Down", expr: "up == 0", labels: { severity: "page" } }] },
          { name: "b", rules: [{ record: "job:up:sum", expr: "sum by (job) (up)" }] },
        ],
      },
    };
    const added = importIntoProject(newProjectFor("ops", [rules]), [rules]);
    expect(added.ok).toBe(true);
    expect(added.project.ruleGroups.map((group) => group.name)).toEqual(["a", "b"]);
    expect(added.outcomes[0]?.lines).toEqual([
      "Prometheus rule file: 2 groups, 2 rules (1 alerting, 1 recording)",
      '  group "a": 1 rule (1 alerting, 0 recording)',
      '  group "b": 1 rule (0 alerting, 1 recording)',
    ]);
  });

  it("checks each addition as the API's section add does, paths inside the dashboard", () => {
    const result = importIntoProject(newProjectFor("ops", [nodes]), [modern]);
    expect(result.ok).toBe(false);
    expect(result.outcomes[0]?.lines).toContain(
      "    panels[9].targets[0].datasource: no postgres datasource in the project for this sql query",
    );
  });
});
