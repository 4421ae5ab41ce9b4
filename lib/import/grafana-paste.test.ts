import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectFromTemplate } from "../catalog/templates";
import { importGrafanaDashboard } from "../dashboard/grafana-import";
import { toGrafanaPanel } from "../generate/grafana/panels";
import { type Dashboard, type Panel, PanelSchema } from "../model";
import { convertPastedDashboard, convertPastedPanel, isGrafanaPanel } from "./grafana-paste";

const TESTDATA = path.join(import.meta.dirname, "..", "dashboard", "testdata");
type JsonObject = Record<string, unknown>;
function grafanaDashboard(name: string): JsonObject {
  const json = JSON.parse(readFileSync(path.join(TESTDATA, name), "utf8")) as JsonObject;
  return (json.dashboard as JsonObject | undefined) ?? json;
}
function grafanaPanel(file: string, title: string): JsonObject {
  const panels = grafanaDashboard(file).panels as JsonObject[];
  const found = panels.find((panel) => panel.title === title);
  if (!found) throw new Error(`no panel "${title}" in ${file}`);
  return found;
}

const project = projectFromTemplate({ name: "Shop", level: "standard" });
// The dashboard the panel is pasted into: the modern fixture as imported (its variables resolve).
const dashboard: Dashboard = importGrafanaDashboard(
  grafanaDashboard("modern.grafana.json"),
  project,
).dashboard;
const target = dashboard.panels.find((panel) => panel.title === "Error ratio") as Panel;

describe("isGrafanaPanel", () => {
  it("tells Grafana's panel JSON from the model's", () => {
    expect(isGrafanaPanel(grafanaPanel("modern.grafana.json", "Requests per second"))).toBe(true);
    expect(isGrafanaPanel(grafanaPanel("legacy-v18.grafana.json", "Requests by operation"))).toBe(true);
    // Targets without `kind` alone are Grafana's.
    expect(isGrafanaPanel({ type: "timeseries", title: "x", targets: [{ refId: "A", expr: "up" }] })).toBe(
      true,
    );
    for (const panel of dashboard.panels) expect(isGrafanaPanel(panel), panel.title).toBe(false);
    expect(isGrafanaPanel([])).toBe(false);
    expect(isGrafanaPanel({ title: "no type" })).toBe(false);
  });
});

describe("convertPastedPanel", () => {
  it("converts a Grafana panel in place of the panel: its id and grid place kept, queries in the model's words", () => {
    const pasted = grafanaPanel("modern.grafana.json", "Requests per second");
    const result = convertPastedPanel(pasted, project, dashboard, target);
    if (result.kind !== "converted") throw new Error(JSON.stringify(result));
    expect(PanelSchema.safeParse(result.value).success).toBe(true);
    expect(result.value).toMatchObject({
      id: target.id,
      gridPos: target.gridPos,
      type: "timeseries",
      title: "Requests per second",
      unit: "reqps",
    });
    const targets = "targets" in result.value ? result.value.targets : [];
    expect(targets.map((entry) => entry.kind)).toEqual(["promql", "promql"]);
    expect(result.notes[0]).toBe("converted from Grafana's timeseries panel");
    // The same panel as the dashboard's import made it, but for its id and place.
    const imported = dashboard.panels.find((panel) => panel.title === "Requests per second");
    expect({ ...result.value, id: 0, gridPos: null }).toEqual({ ...imported, id: 0, gridPos: null });
  });

  it("migrates a legacy graph as the import does, and says so", () => {
    const pasted = grafanaPanel("legacy-v18.grafana.json", "Requests by operation");
    const result = convertPastedPanel(pasted, project, dashboard, target);
    if (result.kind !== "converted") throw new Error(JSON.stringify(result));
    expect(result.value.type).toBe("timeseries");
    expect(result.notes).toContain("legacy graph panel converted to timeseries");
  });

  it("round-trips the panel's own Grafana JSON (Copy as Grafana JSON, then paste)", () => {
    for (const panel of dashboard.panels) {
      if (panel.type === "row") continue;
      const copied = JSON.parse(JSON.stringify(toGrafanaPanel(project, dashboard, panel)));
      const result = convertPastedPanel(copied, project, dashboard, panel);
      if (result.kind !== "converted") throw new Error(`${panel.title}: ${JSON.stringify(result)}`);
      expect(result.value, panel.title).toEqual(panel);
    }
  });

  it("refuses what the designer cannot edit, saying why", () => {
    expect(
      convertPastedPanel(grafanaPanel("modern.grafana.json", "Notes"), project, dashboard, target),
    ).toEqual({
      kind: "refused",
      issues: [
        {
          path: "(root)",
          message: expect.stringMatching(
            /^this Grafana panel cannot be edited in the designer: panel type "text"/,
          ),
          severity: "error",
        },
      ],
    });
    const row = { type: "row", title: "r", panels: [], fieldConfig: {} };
    expect(convertPastedPanel(row, project, dashboard, target)).toMatchObject({
      kind: "refused",
      issues: [{ path: "type", message: "a Grafana row: paste it into the dashboard's JSON view" }],
    });
    expect(convertPastedPanel(target, project, dashboard, target)).toEqual({ kind: "not-grafana" });
  });
});

describe("convertPastedDashboard", () => {
  it("converts a Grafana dashboard, keeping the page's uid, and lists what it did", () => {
    const result = convertPastedDashboard(grafanaDashboard("legacy-v18.grafana.json"), project, "mine");
    if (result.kind !== "converted") throw new Error(JSON.stringify(result));
    expect(result.value.uid).toBe("mine");
    expect(result.notes[0]).toBe("converted from Grafana's dashboard JSON: 9 editable panels");
    expect(result.notes.some((note) => note.includes("legacy graph panel converted to timeseries"))).toBe(
      true,
    );
  });

  it("leaves the model's JSON to the model, and refuses a broken Grafana dashboard with paths", () => {
    expect(convertPastedDashboard(dashboard, project, "mine")).toEqual({ kind: "not-grafana" });
    const broken = {
      ...grafanaDashboard("modern.grafana.json"),
      panels: [{ type: "timeseries", gridPos: "x" }],
    };
    expect(convertPastedDashboard(broken, project, "mine")).toMatchObject({
      kind: "refused",
      issues: [{ path: "panels[0].gridPos", severity: "error" }],
    });
  });
});
