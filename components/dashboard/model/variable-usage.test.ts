import { describe, expect, it } from "vitest";
import { type Dashboard, DashboardSchema } from "@/lib/model/dashboard";
import { listTitles, undefinedVariables, usersOfVariable, variableReferences } from "./variable-usage";

const dashboard: Dashboard = DashboardSchema.parse({
  uid: "d",
  title: "D",
  variables: [
    { type: "datasource", name: "ds", datasourceType: "prometheus" },
    { type: "query", name: "job", datasource: "$ds", query: "label_values(up, job)" },
    { type: "query", name: "instance", query: 'label_values(up{job="$job"}, instance)' },
  ],
  panels: [
    { id: 1, type: "row", title: "Top", gridPos: { x: 0, y: 0, w: 24, h: 1 } },
    {
      id: 2,
      type: "timeseries",
      title: "Requests",
      datasource: "${ds}",
      gridPos: { x: 0, y: 1, w: 12, h: 8 },
      targets: [
        { kind: "promql", refId: "A", expr: 'rate(x{instance=~"$instance"}[$__rate_interval])' },
        { kind: "promql", refId: "B", expr: 'rate(y{instance=~"${instance:regex}", env="$env"}[5m])' },
      ],
    },
    {
      id: 3,
      type: "stat",
      title: "Errors",
      gridPos: { x: 12, y: 1, w: 12, h: 8 },
      targets: [{ kind: "promql", refId: "A", expr: 'sum(errors{job="[[job]]", env="$env"})' }],
    },
  ],
});

describe("variable references", () => {
  it("finds them in panel queries and datasources and in other variables, with their paths", () => {
    const references = variableReferences(dashboard).map(
      (reference) => `${reference.name} ${reference.path}`,
    );
    expect(references).toEqual([
      "ds panels[1].datasource",
      "instance panels[1].targets[0].expr",
      "__rate_interval panels[1].targets[0].expr",
      "instance panels[1].targets[1].expr",
      "env panels[1].targets[1].expr",
      "job panels[2].targets[0].expr",
      "env panels[2].targets[0].expr",
      "ds variables[1].datasource",
      "job variables[2].query",
    ]);
  });

  it("names the panels and variables that use one variable, each once", () => {
    expect(usersOfVariable(dashboard, "instance")).toEqual({
      panels: [{ id: 2, title: "Requests" }],
      variables: [],
    });
    expect(usersOfVariable(dashboard, "job")).toEqual({
      panels: [{ id: 3, title: "Errors" }],
      variables: ["instance"],
    });
    expect(usersOfVariable(dashboard, "ds")).toEqual({
      panels: [{ id: 2, title: "Requests" }],
      variables: ["job"],
    });
    expect(usersOfVariable(dashboard, "nobody")).toEqual({ panels: [], variables: [] });
  });

  it("lists names used that no variable defines, leaving Grafana's own alone", () => {
    expect(undefinedVariables(dashboard)).toEqual([
      {
        name: "env",
        paths: ["panels[1].targets[1].expr", "panels[2].targets[0].expr"],
        panels: [
          { id: 2, title: "Requests" },
          { id: 3, title: "Errors" },
        ],
        variables: [],
      },
    ]);
    const withoutJob = { ...dashboard, variables: dashboard.variables.filter((v) => v.name !== "job") };
    expect(undefinedVariables(withoutJob).map((entry) => [entry.name, entry.variables])).toEqual([
      ["env", []],
      ["job", ["instance"]],
    ]);
  });
});

describe("listing titles in a sentence", () => {
  it.each([
    [[], ""],
    [["A"], "“A”"],
    [["A", "B"], "“A” and “B”"],
    [["A", "B", "C"], "“A”, “B” and “C”"],
    [["A", "B", "C", "D", "E", "F", "G"], "“A”, “B”, “C”, “D”, “E” and 2 more"],
  ])("%j", (titles, text) => {
    expect(listTitles(titles)).toBe(text);
  });
});
