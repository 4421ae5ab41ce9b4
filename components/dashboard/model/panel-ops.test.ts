import { describe, expect, it } from "vitest";
import { type Dashboard, DashboardSchema } from "@/lib/model/dashboard";
import { PanelSchema } from "@/lib/model/panel";
import { withRowStates, withStoredRowStates } from "./layout";
import { addPanel, addRow, changePanelType, deletePanel, duplicatePanel, nextRefId } from "./panel-ops";

const base: Dashboard = DashboardSchema.parse({
  uid: "d",
  title: "D",
  panels: [
    { id: 1, type: "row", title: "R", gridPos: { x: 0, y: 0, w: 24, h: 1 } },
    {
      id: 2,
      type: "timeseries",
      title: "Latency",
      unit: "s",
      gridPos: { x: 0, y: 1, w: 12, h: 8 },
      targets: [{ kind: "promql", refId: "A", expr: "up" }],
    },
  ],
});

function overlaps(dashboard: Dashboard): boolean {
  return dashboard.panels.some((a, i) =>
    dashboard.panels.some(
      (b, j) =>
        i < j &&
        a.gridPos.x < b.gridPos.x + b.gridPos.w &&
        b.gridPos.x < a.gridPos.x + a.gridPos.w &&
        a.gridPos.y < b.gridPos.y + b.gridPos.h &&
        b.gridPos.y < a.gridPos.y + a.gridPos.h,
    ),
  );
}

describe("panel edits", () => {
  it("adds a valid panel at the top and moves everything down, rows keeping their panels", () => {
    const { dashboard, id } = addPanel(base, "stat");
    expect(id).toBe(3);
    const added = dashboard.panels.find((panel) => panel.id === 3);
    expect(added?.gridPos).toEqual({ x: 0, y: 0, w: 6, h: 4 });
    expect(PanelSchema.safeParse(added).success).toBe(true);
    expect(dashboard.panels.find((panel) => panel.id === 1)?.gridPos.y).toBe(4);
    expect(dashboard.panels.find((panel) => panel.id === 2)?.gridPos.y).toBe(5);
    expect(overlaps(dashboard)).toBe(false);
  });

  it("duplicates below, moving what follows down, when the place beside is taken", () => {
    const { dashboard: twice } = duplicatePanel(base, 2);
    const { dashboard, id } = duplicatePanel(twice, 2);
    expect(dashboard.panels.find((panel) => panel.id === id)?.gridPos).toEqual({ x: 0, y: 9, w: 12, h: 8 });
    expect(overlaps(dashboard)).toBe(false);
  });

  it("adds a row below everything", () => {
    const { dashboard, id } = addRow(base);
    expect(dashboard.panels.find((panel) => panel.id === id)?.gridPos).toEqual({ x: 0, y: 9, w: 24, h: 1 });
  });

  it("duplicates beside the panel when it fits, with a new id and a deep copy", () => {
    const { dashboard, id } = duplicatePanel(base, 2);
    const copy = dashboard.panels.find((panel) => panel.id === id);
    expect(copy?.gridPos).toEqual({ x: 12, y: 1, w: 12, h: 8 });
    expect(copy && "targets" in copy ? copy.targets : undefined).not.toBe(
      (base.panels[1] as { targets: unknown }).targets,
    );
    expect(overlaps(dashboard)).toBe(false);
  });

  it("duplicates a row with its panels, below everything", () => {
    const { dashboard } = duplicatePanel(base, 1);
    expect(dashboard.panels.map((panel) => [panel.id, panel.type, panel.gridPos.y])).toEqual([
      [1, "row", 0],
      [2, "timeseries", 1],
      [3, "row", 9],
      [4, "timeseries", 10],
    ]);
  });

  it("deletes, and shows a row as the viewer toggled it without changing the stored one", () => {
    expect(deletePanel(base, 2).panels.map((panel) => panel.id)).toEqual([1]);
    const viewed = withRowStates(base.panels, { 1: true });
    expect(viewed[0]?.type === "row" && viewed[0].collapsed).toBe(true);
    expect(base.panels[0]?.type === "row" && base.panels[0].collapsed).toBe(false);
    const stored = withStoredRowStates(viewed, base.panels);
    expect(stored[0]?.type === "row" && stored[0].collapsed).toBe(false);
  });

  it("changes type keeping what the types share and defaulting the rest", () => {
    const panel = base.panels[1];
    if (!panel) throw new Error("no panel");
    const gauge = changePanelType(panel, "gauge");
    expect(gauge).toMatchObject({ type: "gauge", title: "Latency", unit: "s", reduce: "lastNotNull" });
    const table = changePanelType(panel, "table");
    expect(table.type === "table" && table.targets[0]?.kind === "promql" && table.targets[0].instant).toBe(
      true,
    );
    expect(changePanelType(panel, "alertlist")).not.toHaveProperty("targets");
  });

  it("picks the next refId", () => {
    const targets = [
      { kind: "promql" as const, refId: "A", expr: "up", instant: false, format: "time_series" as const },
      { kind: "promql" as const, refId: "C", expr: "up", instant: false, format: "time_series" as const },
    ];
    expect(nextRefId(targets)).toBe("B");
  });
});
