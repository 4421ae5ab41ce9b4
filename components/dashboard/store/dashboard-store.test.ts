import { describe, expect, it } from "vitest";
import { DashboardSchema } from "@/lib/model/dashboard";
import { ProjectShapeSchema } from "@/lib/model/stored-project";
import { displayLayout } from "../model/layout";
import { defaultVariable } from "../model/variable-ops";
import { createDashboardStore } from "./dashboard-store";

function store() {
  const dashboard = DashboardSchema.parse({
    uid: "d",
    title: "D",
    panels: [
      {
        id: 1,
        type: "stat",
        title: "One",
        gridPos: { x: 0, y: 0, w: 6, h: 4 },
        targets: [{ kind: "promql", refId: "A", expr: "up" }],
      },
    ],
  });
  const project = ProjectShapeSchema.parse({ name: "P", dashboards: [dashboard] });
  return createDashboardStore({ projectId: "p1", version: 3, project, dashboard, now: 0 });
}

describe("the dashboard store", () => {
  it("is one store per call: two editors never share a draft", () => {
    const a = store();
    const b = store();
    a.getState().addPanel("gauge");
    expect(a.getState().dashboard.panels).toHaveLength(2);
    expect(b.getState().dashboard.panels).toHaveLength(1);
  });

  it("undoes and redoes edits, and drops a selection the undo removed", () => {
    const s = store();
    const id = s.getState().addPanel("timeseries");
    s.getState().openEditor(id);
    s.getState().updatePanel(id, (panel) => ({ ...panel, title: "Latency" }), "title");
    expect(s.getState().dashboard.panels.find((panel) => panel.id === id)?.title).toBe("Latency");
    s.getState().undo();
    expect(s.getState().dashboard.panels.find((panel) => panel.id === id)?.title).toBe("New panel");
    s.getState().undo();
    expect(s.getState().dashboard.panels).toHaveLength(1);
    expect(s.getState().editingPanelId).toBeUndefined();
    s.getState().redo();
    s.getState().redo();
    expect(s.getState().dashboard.panels.find((panel) => panel.id === id)?.title).toBe("Latency");
  });

  it("records a layout change only when something moved", () => {
    const s = store();
    const before = s.getState().dashboard;
    s.getState().applyLayout(displayLayout(before.panels));
    expect(s.getState().dashboard).toBe(before);
    expect(s.getState().history.past).toHaveLength(0);
    s.getState().applyLayout([{ i: "1", x: 6, y: 0, w: 8, h: 4 }]);
    expect(s.getState().dashboard.panels[0]?.gridPos).toEqual({ x: 6, y: 0, w: 8, h: 4 });
    expect(s.getState().history.past).toHaveLength(1);
  });

  it("follows a panel whose id was changed in its JSON", () => {
    const s = store();
    s.getState().openEditor(1);
    s.getState().updatePanel(1, (panel) => ({ ...panel, id: 7 }));
    expect(s.getState().editingPanelId).toBe(7);
  });

  it("keeps the save state: saved, conflict, rebase", () => {
    const s = store();
    s.getState().startSaving();
    expect(s.getState().phase).toBe("saving");
    s.getState().conflicted({ currentVersion: 5, current: null });
    expect(s.getState()).toMatchObject({ phase: "conflict", conflict: { currentVersion: 5 } });
    const latest = s.getState().base;
    s.getState().rebase({ ...latest, version: 5 }, { ...s.getState().dashboard, title: "Merged" });
    expect(s.getState()).toMatchObject({
      phase: "idle",
      base: { version: 5 },
      dashboard: { title: "Merged" },
    });
    s.getState().undo();
    expect(s.getState().dashboard.title).toBe("D");
  });

  it("edits the general settings in one undo step per field, and ignores a patch that changes nothing", () => {
    const s = store();
    s.getState().setGeneral({ title: "Ops" }, "settings:title");
    s.getState().setGeneral({ title: "Ops 2" }, "settings:title");
    s.getState().setGeneral({ time: { from: "now-6h", to: "now" } }, "settings:time");
    expect(s.getState().dashboard).toMatchObject({ uid: "d", title: "Ops 2" });
    expect(s.getState().history.past).toHaveLength(1);
    s.getState().setGeneral({ tags: ["prod"], timezone: "utc" });
    expect(s.getState().dashboard).toMatchObject({ tags: ["prod"], timezone: "utc" });
    s.getState().undo();
    s.getState().undo();
    expect(s.getState().dashboard.title).toBe("D");
  });

  it("adds, edits, moves and deletes variables, each an undoable step", () => {
    const s = store();
    const job = s.getState().addVariable(defaultVariable("query", "job"));
    const env = s.getState().addVariable(defaultVariable("custom", "env"));
    expect([job, env]).toEqual([0, 1]);
    s.getState().updateVariable(job, (variable) => ({ ...variable, label: "Job" }), "variable:0:label");
    s.getState().moveVariable(env, -1);
    expect(s.getState().dashboard.variables.map((variable) => variable.name)).toEqual(["env", "job"]);
    s.getState().moveVariable(0, -1);
    s.getState().updateVariable(7, (variable) => ({ ...variable, label: "nowhere" }));
    expect(s.getState().history.past).toHaveLength(4);
    s.getState().deleteVariable(1);
    expect(s.getState().dashboard.variables.map((variable) => variable.name)).toEqual(["env"]);
    s.getState().undo();
    expect(s.getState().dashboard.variables[1]).toMatchObject({ name: "job", label: "Job" });
    s.getState().undo();
    s.getState().undo();
    s.getState().undo();
    s.getState().undo();
    expect(s.getState().dashboard.variables).toEqual([]);
    s.getState().redo();
    expect(s.getState().dashboard.variables.map((variable) => variable.name)).toEqual(["job"]);
  });

  it("opens and closes the settings view without touching the draft", () => {
    const s = store();
    s.getState().setSettingsOpen(true);
    expect(s.getState().settingsOpen).toBe(true);
    expect(s.getState().history.past).toHaveLength(0);
  });

  it("keeps expanding and collapsing rows in the view: the draft and its history do not change", () => {
    const s = store();
    const rowId = s.getState().addRow();
    const before = s.getState().dashboard;
    const history = s.getState().history;
    s.getState().toggleRow(rowId);
    expect(s.getState().rowStates).toEqual({ [rowId]: true });
    expect(s.getState().dashboard).toBe(before);
    expect(s.getState().history).toBe(history);
    s.getState().toggleRow(rowId);
    expect(s.getState().rowStates).toEqual({ [rowId]: false });
    expect(s.getState().dashboard).toBe(before);
  });

  it("moves panels on a grid whose rows the viewer collapsed, storing the rows as they were", () => {
    const s = store();
    const rowId = s.getState().addRow();
    s.getState().toggleRow(rowId);
    const layout = displayLayout(
      s
        .getState()
        .dashboard.panels.map((panel) => (panel.id === rowId ? { ...panel, collapsed: true } : panel)),
    ).map((item) => (item.i === "1" ? { ...item, x: 6 } : item));
    s.getState().applyLayout(layout);
    const panels = s.getState().dashboard.panels;
    expect(panels.find((panel) => panel.id === 1)?.gridPos.x).toBe(6);
    const row = panels.find((panel) => panel.id === rowId);
    expect(row?.type === "row" && row.collapsed).toBe(false);
  });

  it("makes the view the dashboard's default as one undoable edit", () => {
    const s = store();
    const rowId = s.getState().addRow();
    s.getState().addVariable(defaultVariable("custom", "env"));
    s.getState().setTimeRange({ from: "now-24h", to: "now" });
    s.getState().setRefresh("1m");
    s.getState().selectVariable("env", ["b"]);
    s.getState().toggleRow(rowId);
    const steps = s.getState().history.past.length;
    s.getState().makeDefault();
    const dashboard = s.getState().dashboard;
    expect(dashboard.time).toEqual({ from: "now-24h", to: "now" });
    expect(dashboard.refresh).toBe("1m");
    expect(dashboard.variables.find((variable) => variable.name === "env")?.current).toEqual(["b"]);
    const row = dashboard.panels.find((panel) => panel.id === rowId);
    expect(row?.type === "row" && row.collapsed).toBe(true);
    expect(s.getState().rowStates).toEqual({});
    expect(s.getState().history.past).toHaveLength(steps + 1);
  });

  it("opens with the view the address asks for", () => {
    const dashboard = DashboardSchema.parse({ uid: "d", title: "D", refresh: "30s" });
    const project = ProjectShapeSchema.parse({ name: "P", dashboards: [dashboard] });
    const s = createDashboardStore({
      projectId: "p1",
      version: 1,
      project,
      dashboard,
      now: 0,
      view: { timeRange: { from: "now-7d", to: "now" }, variableSelections: { job: ["node"] } },
    });
    expect(s.getState()).toMatchObject({
      timeRange: { from: "now-7d", to: "now" },
      refresh: "30s",
      variableSelections: { job: ["node"] },
    });
  });
});
