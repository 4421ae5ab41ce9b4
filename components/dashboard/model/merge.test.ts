import { describe, expect, it } from "vitest";
import { type Dashboard, DashboardSchema } from "@/lib/model/dashboard";
import { mergeDashboards } from "./merge";

const base: Dashboard = DashboardSchema.parse({
  uid: "d",
  title: "Base",
  panels: [
    {
      id: 1,
      type: "stat",
      title: "One",
      gridPos: { x: 0, y: 0, w: 6, h: 4 },
      targets: [{ kind: "promql", refId: "A", expr: "a" }],
    },
    {
      id: 2,
      type: "stat",
      title: "Two",
      gridPos: { x: 6, y: 0, w: 6, h: 4 },
      targets: [{ kind: "promql", refId: "A", expr: "b" }],
    },
  ],
});

function retitle(dashboard: Dashboard, id: number, title: string): Dashboard {
  return {
    ...dashboard,
    panels: dashboard.panels.map((panel) => (panel.id === id ? { ...panel, title } : panel)),
  };
}

describe("mergeDashboards", () => {
  it("takes my changes and theirs where they touch different things", () => {
    const mine = retitle(base, 1, "Mine");
    const theirs = { ...retitle(base, 2, "Theirs"), refresh: "1m" };
    const merge = mergeDashboards(base, mine, theirs);
    expect(merge.dashboard.panels.map((panel) => panel.title)).toEqual(["Mine", "Theirs"]);
    expect(merge.dashboard.refresh).toBe("1m");
    expect(merge.conflicts).toEqual([]);
    expect(merge.theirChanges).toEqual(["dashboard refresh", 'changed panel "Theirs"']);
  });

  it("keeps mine where both changed the same panel, and says so", () => {
    const merge = mergeDashboards(base, retitle(base, 1, "Mine"), retitle(base, 1, "Theirs"));
    expect(merge.dashboard.panels[0]?.title).toBe("Mine");
    expect(merge.conflicts).toEqual(['panel "Mine" (changed in both)']);
  });

  it("keeps panels added on both sides, renumbering mine when the ids clash", () => {
    const extra = (title: string, x: number) =>
      DashboardSchema.parse({
        ...base,
        panels: [
          ...base.panels,
          {
            id: 3,
            type: "stat",
            title,
            gridPos: { x, y: 0, w: 6, h: 4 },
            targets: [{ kind: "promql", refId: "A", expr: "c" }],
          },
        ],
      });
    const merge = mergeDashboards(base, extra("Mine", 12), extra("Theirs", 12));
    expect(merge.dashboard.panels.map((panel) => [panel.id, panel.title])).toEqual([
      [1, "One"],
      [2, "Two"],
      [3, "Theirs"],
      [4, "Mine"],
    ]);
    // The two new panels were at the same place; the merge moves one down.
    const [, , a, b] = merge.dashboard.panels;
    expect(a && b && a.gridPos.y !== b.gridPos.y).toBe(true);
  });

  it("applies deletions from either side unless the other side edited the panel", () => {
    const mineDeleted = { ...base, panels: base.panels.filter((panel) => panel.id !== 2) };
    expect(mergeDashboards(base, mineDeleted, base).dashboard.panels.map((p) => p.id)).toEqual([1]);
    expect(mergeDashboards(base, base, mineDeleted).dashboard.panels.map((p) => p.id)).toEqual([1]);
    const edited = mergeDashboards(base, mineDeleted, retitle(base, 2, "Edited"));
    expect(edited.dashboard.panels.map((p) => p.title)).toEqual(["One", "Edited"]);
    expect(edited.conflicts).toHaveLength(1);
  });

  it("re-adds the dashboard when the newer version removed it", () => {
    const merge = mergeDashboards(base, base, undefined);
    expect(merge.dashboard).toBe(base);
    expect(merge.conflicts[0]).toContain("removed");
  });
});
