import { describe, expect, it } from "vitest";
import { toEditorJson } from "@/components/code-editor/json-edit";
import { type Dashboard, DashboardSchema } from "@/lib/model/dashboard";
import { projectFromTemplate } from "@/lib/catalog/templates";
import { DatasourceSchema } from "@/lib/model/datasource";
import type { Panel } from "@/lib/model/panel";
import { dashboardIssues, issuesOfPanel, relativePath } from "./issues";
import { parseDashboardJson, parsePanelJson } from "./json-parse";

const datasources = [
  DatasourceSchema.parse({ uid: "prom", name: "Prometheus", type: "prometheus", isDefault: true }),
];
const dashboard: Dashboard = DashboardSchema.parse({
  uid: "d",
  title: "D",
  panels: [
    {
      id: 1,
      type: "stat",
      title: "Fine",
      gridPos: { x: 0, y: 0, w: 6, h: 4 },
      targets: [{ kind: "promql", refId: "A", expr: "up" }],
    },
    {
      id: 2,
      type: "stat",
      title: "Broken",
      gridPos: { x: 6, y: 0, w: 6, h: 4 },
      targets: [
        { kind: "promql", refId: "A", expr: "rate(up[5m]" },
        { kind: "promql", refId: "B", expr: 'up{a="$nope"}' },
      ],
    },
  ],
});

describe("issues for the editors", () => {
  it("runs the model's checks and scopes them to one panel", () => {
    const issues = dashboardIssues(dashboard, datasources);
    const second = issuesOfPanel(issues, 1);
    expect(second.map((issue) => issue.path)).toEqual(["targets[0].expr", "targets[1].expr"]);
    expect(second[1]?.message).toBe("unknown template variable $nope");
    expect(issuesOfPanel(issues, 0)).toEqual([]);
  });

  it("adds the schema's own problems, such as an empty title typed into the form", () => {
    const emptied = { ...dashboard, panels: dashboard.panels.map((panel) => ({ ...panel, title: "" })) };
    expect(issuesOfPanel(dashboardIssues(emptied, datasources), 0).map((issue) => issue.path)).toContain(
      "title",
    );
  });

  it("parses panel JSON with every problem at its path in the panel", () => {
    const panel = dashboard.panels[0];
    expect(parsePanelJson(toEditorJson(panel))).toEqual({ ok: true, value: panel });
    const bad = parsePanelJson(
      JSON.stringify({ ...panel, gridPos: { x: 30, y: 0, w: 6, h: 4 }, targets: [] }),
    );
    expect(bad.ok ? [] : bad.issues.map((issue) => issue.path).sort()).toEqual(["gridPos.x", "targets"]);
    const syntax = parsePanelJson("{");
    expect(syntax.ok ? "" : syntax.issues[0]?.message).toMatch(/^not valid JSON/);
  });

  it("refuses a dashboard JSON that changes the uid", () => {
    expect(parseDashboardJson(toEditorJson(dashboard), "d").ok).toBe(true);
    const renamed = parseDashboardJson(toEditorJson({ ...dashboard, uid: "other" }), "d");
    expect(renamed.ok ? "" : renamed.issues[0]?.path).toBe("uid");
  });

  // A section save's issues come back relative to the dashboard already (app/api/sections-suite.ts).
  it("makes a path relative to a prefix it starts with", () => {
    expect(relativePath("dashboards[1].panels[0]", "dashboards[1]")).toBe("panels[0]");
    expect(relativePath("dashboards[10]", "dashboards[1]")).toBeUndefined();
  });
});

describe("Grafana's JSON pasted into the JSON views", () => {
  const project = projectFromTemplate({ name: "Shop", level: "basic" });
  const fine = dashboard.panels[0] as Panel;
  const paste = { project, dashboard, panel: fine };
  const grafanaStat = {
    id: 9,
    type: "stat",
    title: "Targets up",
    datasource: { type: "prometheus", uid: "elsewhere" },
    fieldConfig: { defaults: { unit: "short" }, overrides: [] },
    targets: [{ refId: "A", expr: "sum(up)", datasource: { type: "prometheus", uid: "elsewhere" } }],
  };

  it("converts a Grafana panel in place of the panel, and says what it did", () => {
    const parsed = parsePanelJson(JSON.stringify(grafanaStat), paste);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.value).toMatchObject({ id: 1, gridPos: fine.gridPos, type: "stat", title: "Targets up" });
    expect(parsed.converted?.[0]).toBe("converted from Grafana's stat panel");
    // The model's own JSON is read as before, with nothing converted; without a context, nothing is.
    expect(parsePanelJson(toEditorJson(fine), paste)).toEqual({ ok: true, value: fine });
    expect(parsePanelJson(JSON.stringify(grafanaStat)).ok).toBe(false);
  });

  it("refuses a Grafana panel the designer cannot edit with the reason, and a Grafana dashboard keeps the uid", () => {
    const text = JSON.stringify({ type: "news", title: "Feed", fieldConfig: {} });
    const refused = parsePanelJson(text, paste);
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.issues[0]?.message).toContain('panel type "news" has no model equivalent');
    const board = { title: "From Grafana", uid: "grafana-uid", schemaVersion: 39, panels: [grafanaStat] };
    const parsed = parseDashboardJson(JSON.stringify(board), "d", { project, dashboard });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.value).toMatchObject({ uid: "d", title: "From Grafana" });
    expect(parsed.converted?.[0]).toBe("converted from Grafana's dashboard JSON: 1 editable panel");
  });
});
