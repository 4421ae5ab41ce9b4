import { describe, expect, it } from "vitest";
import { type Panel, PanelSchema } from "@/lib/model/panel";
import {
  applyDisplayLayout,
  displayLayout,
  hiddenPanelIds,
  nextPanelId,
  pushDown,
  rowSections,
} from "./layout";

function stat(id: number, x: number, y: number, w = 6, h = 4): Panel {
  return PanelSchema.parse({
    id,
    type: "stat",
    title: `p${id}`,
    gridPos: { x, y, w, h },
    targets: [{ kind: "promql", refId: "A", expr: "up" }],
  });
}

function row(id: number, y: number, collapsed = false): Panel {
  return { id, type: "row", title: `row${id}`, collapsed, gridPos: { x: 0, y, w: 24, h: 1 } };
}

// row 1 (y0) owns 2,3; row 4 (y5, collapsed) owns 5,6 (y6..y14); row 7 (y14) owns 8.
const panels: Panel[] = [
  row(1, 0),
  stat(2, 0, 1),
  stat(3, 6, 1),
  row(4, 5, true),
  stat(5, 0, 6, 12, 8),
  stat(6, 12, 6),
  row(7, 14),
  stat(8, 0, 15),
];

describe("rows and the grid on screen", () => {
  it("finds each row's panels and the height they take", () => {
    expect(rowSections(panels).map((s) => [s.row.id, s.members.map((m) => m.id), s.height])).toEqual([
      [1, [2, 3], 4],
      [4, [5, 6], 8],
      [7, [8], 4],
    ]);
    expect([...hiddenPanelIds(panels)]).toEqual([5, 6]);
  });

  it("hides a collapsed row's panels and closes the gap below it", () => {
    expect(displayLayout(panels).map((item) => [item.i, item.y])).toEqual([
      ["1", 0],
      ["2", 1],
      ["3", 1],
      ["4", 5],
      ["7", 6],
      ["8", 7],
    ]);
  });

  it("maps an unchanged screen back to the same panels, object for object", () => {
    const back = applyDisplayLayout(panels, displayLayout(panels));
    for (const [index, panel] of back.entries()) expect(panel).toBe(panels[index]);
  });

  it("moves a collapsed row's hidden panels with the row", () => {
    // Drag row 4 (with its hidden panels) above row 1: everything else moves down by one on screen.
    const screen = displayLayout(panels).map((item) =>
      item.i === "4" ? { ...item, y: 0 } : { ...item, y: item.y + 1 },
    );
    const back = applyDisplayLayout(panels, screen);
    const byId = new Map(back.map((panel) => [panel.id, panel.gridPos.y]));
    expect(byId.get(4)).toBe(0);
    expect(byId.get(5)).toBe(1);
    expect(byId.get(6)).toBe(1);
    expect(byId.get(1)).toBe(9);
    expect(byId.get(2)).toBe(10);
    expect(byId.get(7)).toBe(15);
  });

  it("expands a collapsed row when a visible panel is dropped under it", () => {
    // Panel 8 dragged between row 4 (collapsed) and row 7.
    const screen = displayLayout(panels).map((item) => {
      if (item.i === "8") return { ...item, y: 6 };
      if (item.i === "7") return { ...item, y: 10 };
      return item;
    });
    const back = applyDisplayLayout(panels, screen);
    const row4 = back.find((panel) => panel.id === 4);
    expect(row4?.type === "row" && row4.collapsed).toBe(false);
    expect(back.find((panel) => panel.id === 8)?.gridPos.y).toBe(14);
  });

  it("keeps resized panels inside the 24 columns", () => {
    const screen = displayLayout(panels).map((item) => (item.i === "3" ? { ...item, x: 20, w: 10 } : item));
    expect(applyDisplayLayout(panels, screen).find((panel) => panel.id === 3)?.gridPos).toEqual({
      x: 14,
      y: 1,
      w: 10,
      h: 4,
    });
  });
});

describe("pushDown", () => {
  it("pushes overlapping panels below the fixed one, cascading", () => {
    const input = [stat(1, 0, 0, 12, 4), stat(2, 0, 4, 12, 4), stat(9, 0, 0, 24, 3)];
    const out = pushDown(input, new Set([9]));
    expect(out.map((panel) => [panel.id, panel.gridPos.y])).toEqual([
      [1, 3],
      [2, 7],
      [9, 0],
    ]);
  });

  it("numbers new panels after the highest id", () => {
    expect(nextPanelId(panels)).toBe(9);
    expect(nextPanelId([])).toBe(1);
  });
});
