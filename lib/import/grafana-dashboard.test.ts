import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectFromTemplate } from "../catalog/templates";
import {
  DashboardUidTakenError,
  freeDashboardUid,
  GrafanaImportError,
  importDashboard,
  isGrafanaDashboard,
  issuesUnder,
} from "./grafana-dashboard";

const TESTDATA = path.join(import.meta.dirname, "..", "dashboard", "testdata");
const load = (name: string): unknown => JSON.parse(readFileSync(path.join(TESTDATA, name), "utf8"));

describe("importDashboard", () => {
  const project = projectFromTemplate({ name: "Shop", level: "basic" });

  it.each([
    ["node-exporter-full.grafana.json", "rYdddlPWk", "23 panels: 23 editable, 0 kept as raw JSON"],
    ["modern.grafana.json", "shop-api-overview", "8 panels: 7 editable, 1 kept as raw JSON"],
    ["loki-postgres.grafana.json", "shop-api-logs-audit", "7 panels: 6 editable, 1 kept as raw JSON"],
    ["legacy-v18.grafana.json", "Jxk3s9Smz", "9 panels: 9 editable, 0 kept as raw JSON"],
  ])("counts the panels of %s as the file holds them, rows' panels included", (file, uid, summary) => {
    const { dashboard, report } = importDashboard(load(file), project);
    expect(report.uid).toBe(uid);
    expect(dashboard.uid).toBe(uid);
    expect(report.summary).toBe(summary);
    const { total, editable, keptRaw } = report.panels;
    expect(total).toBe(editable + keptRaw);
    expect(editable).toBe(dashboard.panels.filter((panel) => panel.type !== "row").length);
  });

  it("says 1 panel, not 1 panels", () => {
    const single = {
      schemaVersion: 39,
      title: "One",
      panels: [{ id: 1, type: "text", gridPos: { x: 0, y: 0, w: 6, h: 4 }, options: { content: "hi" } }],
    };
    expect(importDashboard(single, project).report.summary).toBe("1 panel: 0 editable, 1 kept as raw JSON");
  });

  it("stores it under a chosen uid, and refuses a uid the project has with a free one to choose", () => {
    const json = load("node-exporter-full.grafana.json");
    const first = importDashboard(json, project);
    const withIt = { ...project, dashboards: [...project.dashboards, first.dashboard] };
    const clash = (() => {
      try {
        importDashboard(json, withIt);
      } catch (error) {
        return error;
      }
    })();
    expect(clash).toBeInstanceOf(DashboardUidTakenError);
    expect(clash).toMatchObject({
      uid: "rYdddlPWk",
      freeUid: "rYdddlPWk-2",
      message: 'the project already has a dashboard with uid "rYdddlPWk"',
    });
    const chosen = importDashboard(json, withIt, { uid: "nodes-2" });
    expect(chosen.dashboard.uid).toBe("nodes-2");
    expect(chosen.report.uid).toBe("nodes-2");
    expect(freeDashboardUid("a".repeat(40), new Set(["a".repeat(40)]))).toBe(`${"a".repeat(38)}-2`);
  });

  it("throws GrafanaImportError for what is no dashboard; its paths go under where it sat", () => {
    const error = (() => {
      try {
        importDashboard({ groups: [] }, project);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(GrafanaImportError);
    expect(issuesUnder(error as GrafanaImportError, "grafana")).toEqual([
      {
        path: "grafana",
        message: "not a Grafana dashboard: it has none of title, panels or rows",
        severity: "error",
      },
    ]);
    const nested = new GrafanaImportError([
      { path: "panels[2].gridPos", message: "m", severity: "error" },
      { path: "[0]", message: "n", severity: "error" },
    ]);
    expect(issuesUnder(nested, "grafana").map((issue) => issue.path)).toEqual([
      "grafana.panels[2].gridPos",
      "grafana[0]",
    ]);
  });
});

describe("isGrafanaDashboard", () => {
  it.each<[string, unknown, boolean]>([
    ["an export", load("node-exporter-full.grafana.json"), true],
    ["the HTTP API's {dashboard, meta}", load("modern.grafana.json"), true],
    ["a legacy rows[] export", { schemaVersion: 12, title: "Old", rows: [] }, true],
    ["an empty new dashboard", { schemaVersion: 41, title: "New", panels: [] }, true],
    ["a model dashboard (no schemaVersion)", { uid: "ops", title: "Ops", panels: [] }, false],
    [
      "a project",
      JSON.parse(readFileSync(path.join(TESTDATA, "../../generate/testdata/small.model.json"), "utf8")),
      false,
    ],
    ["a rule file", { groups: [{ name: "api", rules: [] }] }, false],
    ["an Alertmanager configuration", { route: { receiver: "x" }, receivers: [{ name: "x" }] }, false],
    ["a schemaVersion without a layout", { schemaVersion: 39, title: "x" }, false],
    ["not an object", [1, 2], false],
  ])("%s: %s", (_name, json, expected) => {
    expect(isGrafanaDashboard(json)).toBe(expected);
  });
});
