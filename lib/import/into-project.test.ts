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

  it("tells what it does not recognise, and says rule files and Alertmanager configurations come later", () => {
    const result = importIntoProject(newProjectFor("ops", []), [
      { name: "rules.yml", document: { groups: [] } },
    ]);
    expect(result.outcomes).toEqual([
      {
        name: "rules.yml",
        ok: false,
        lines: ["not a Grafana dashboard (rule files and Alertmanager configurations are not imported yet)"],
      },
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
