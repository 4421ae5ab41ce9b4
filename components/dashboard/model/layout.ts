import { correctBounds, verticalCompactor } from "react-grid-layout/core";
import type { GridPos, Panel, RowPanel } from "@/lib/model/panel";

/**
 * The grid the designer shows is not the model's grid: the model keeps every panel where it is
 * with its row expanded (a row owns the panels below it until the next row), while the screen
 * hides a collapsed row's panels and closes the gap. These functions translate between the two.
 */

export const GRID_COLUMNS = 24;

/** One item of the grid on screen: `i` is the panel id as text. */
export interface DisplayItem {
  i: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export function isRow(panel: Panel): panel is RowPanel {
  return panel.type === "row";
}

function byPosition(a: { gridPos: GridPos }, b: { gridPos: GridPos }): number {
  return a.gridPos.y - b.gridPos.y || a.gridPos.x - b.gridPos.x;
}

/** Panels in reading order: top to bottom, then left to right. */
export function sortedPanels(panels: readonly Panel[]): Panel[] {
  return [...panels].sort(byPosition);
}

export interface RowSection {
  row: RowPanel;
  /** Panels the row owns: below it, above the next row. */
  members: Panel[];
  /** Grid units the members take below the row header. */
  height: number;
}

/** Every row with the panels it owns, in reading order. */
export function rowSections(panels: readonly Panel[]): RowSection[] {
  const sections: RowSection[] = [];
  let current: RowSection | undefined;
  for (const panel of sortedPanels(panels)) {
    if (isRow(panel)) {
      current = { row: panel, members: [], height: 0 };
      sections.push(current);
    } else if (current) {
      current.members.push(panel);
      const bottom = panel.gridPos.y + panel.gridPos.h - (current.row.gridPos.y + 1);
      current.height = Math.max(current.height, bottom);
    }
  }
  return sections;
}

/** The row that owns a panel, if any. */
export function owningRow(panels: readonly Panel[], panelId: number): RowPanel | undefined {
  return rowSections(panels).find((section) => section.members.some((member) => member.id === panelId))?.row;
}

/** Ids of the panels a collapsed row hides. */
export function hiddenPanelIds(panels: readonly Panel[]): Set<number> {
  const hidden = new Set<number>();
  for (const section of rowSections(panels)) {
    if (section.row.collapsed) for (const member of section.members) hidden.add(member.id);
  }
  return hidden;
}

/** The grid as shown: collapsed rows' panels left out and everything below moved up by their height. */
export function displayLayout(panels: readonly Panel[]): DisplayItem[] {
  const hidden = hiddenPanelIds(panels);
  const collapsed = rowSections(panels).filter((section) => section.row.collapsed);
  const items: DisplayItem[] = [];
  for (const panel of sortedPanels(panels)) {
    if (hidden.has(panel.id)) continue;
    const shift = collapsed
      .filter((section) => section.row.gridPos.y < panel.gridPos.y)
      .reduce((sum, section) => sum + section.height, 0);
    const { x, y, w, h } = panel.gridPos;
    items.push({ i: String(panel.id), x, y: y - shift, w, h });
  }
  return items;
}

/**
 * Where the grid draws each item: react-grid-layout keeps items inside the columns and moves each
 * one up as far as it goes (vertical compaction), so a stored `y` below a gap is not where the
 * panel shows. The server plans the first screen's previews with this, and the grid tells which
 * panels start in view, so both see the panels where the reader does.
 */
export function placedLayout(items: readonly DisplayItem[]): DisplayItem[] {
  const placed = verticalCompactor.compact(
    correctBounds(
      items.map((item) => ({ ...item })),
      { cols: GRID_COLUMNS },
    ),
    GRID_COLUMNS,
  );
  const byId = new Map(placed.map((item) => [item.i, item]));
  return items.map((item) => {
    const at = byId.get(item.i);
    return at ? { ...item, x: at.x, y: at.y, w: at.w } : item;
  });
}

function withGridPos<P extends Panel>(panel: P, gridPos: GridPos): P {
  const same =
    panel.gridPos.x === gridPos.x &&
    panel.gridPos.y === gridPos.y &&
    panel.gridPos.w === gridPos.w &&
    panel.gridPos.h === gridPos.h;
  return same ? panel : { ...panel, gridPos };
}

function clampGridPos(item: { x: number; y: number; w: number; h: number }): GridPos {
  const w = Math.max(1, Math.min(GRID_COLUMNS, Math.round(item.w)));
  const x = Math.max(0, Math.min(GRID_COLUMNS - w, Math.round(item.x)));
  return { x, y: Math.max(0, Math.round(item.y)), w, h: Math.max(1, Math.min(100, Math.round(item.h))) };
}

/**
 * The model after the user moved or resized items on screen. A collapsed row's hidden panels
 * move with their row; a visible panel dropped under a collapsed row would be swallowed by it,
 * so that row is expanded instead. Panels whose place did not change keep their identity.
 */
export function applyDisplayLayout(panels: readonly Panel[], layout: readonly DisplayItem[]): Panel[] {
  const sections = rowSections(panels);
  const collapsedSections = new Map(
    sections.filter((section) => section.row.collapsed).map((section) => [section.row.id, section]),
  );
  const byId = new Map(panels.map((panel) => [panel.id, panel]));
  const placed = new Map<number, GridPos>();
  const expand = new Set<number>();
  const ordered = [...layout].sort((a, b) => a.y - b.y || a.x - b.x);
  let shift = 0;
  let openCollapsed: RowSection | undefined;
  for (const item of ordered) {
    const id = Number(item.i);
    const panel = byId.get(id);
    if (!panel) continue;
    const gridPos = clampGridPos({ ...item, y: item.y + shift });
    if (isRow(panel)) {
      placed.set(id, { x: 0, y: gridPos.y, w: GRID_COLUMNS, h: 1 });
      const section = collapsedSections.get(id);
      openCollapsed = section;
      if (section) {
        for (const member of section.members) {
          const dy = member.gridPos.y - section.row.gridPos.y;
          placed.set(member.id, { ...member.gridPos, y: gridPos.y + dy });
        }
        shift += section.height;
      }
      continue;
    }
    if (openCollapsed) expand.add(openCollapsed.row.id);
    placed.set(id, gridPos);
  }
  return panels.map((panel) => {
    const gridPos = placed.get(panel.id);
    let next: Panel = gridPos ? withGridPos(panel, gridPos) : panel;
    if (isRow(next) && expand.has(next.id)) next = { ...next, collapsed: false };
    return next;
  });
}

function collides(a: GridPos, b: GridPos): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Puts `fixed` panels where they are and pushes every other panel down until nothing overlaps,
 * keeping the reading order: what adding or duplicating a panel needs.
 */
export function pushDown(panels: readonly Panel[], fixedIds: ReadonlySet<number>): Panel[] {
  const settled: GridPos[] = panels.filter((panel) => fixedIds.has(panel.id)).map((panel) => panel.gridPos);
  const moved = new Map<number, GridPos>();
  for (const panel of sortedPanels(panels)) {
    if (fixedIds.has(panel.id)) continue;
    const gridPos = { ...panel.gridPos };
    for (;;) {
      const hits = settled.filter((other) => collides(gridPos, other));
      if (hits.length === 0) break;
      gridPos.y = Math.max(...hits.map((other) => other.y + other.h));
    }
    settled.push(gridPos);
    moved.set(panel.id, gridPos);
  }
  return panels.map((panel) => {
    const gridPos = moved.get(panel.id);
    return gridPos ? withGridPos(panel, gridPos) : panel;
  });
}

/**
 * Opens `height` empty grid rows at `y`: every panel starting there or below moves down, whole
 * rows and their panels together, so no panel changes row (what adding and duplicating need).
 */
export function openSpace(panels: readonly Panel[], y: number, height: number): Panel[] {
  return panels.map((panel) =>
    panel.gridPos.y >= y ? withGridPos(panel, { ...panel.gridPos, y: panel.gridPos.y + height }) : panel,
  );
}

/** Whether a place on the grid is free of every panel. */
export function isFree(panels: readonly Panel[], gridPos: GridPos): boolean {
  return panels.every((panel) => !collides(panel.gridPos, gridPos));
}

/** The first free panel id. */
export function nextPanelId(panels: readonly Panel[]): number {
  return panels.reduce((max, panel) => Math.max(max, panel.id), 0) + 1;
}

/** The grid row just below every panel. */
export function bottomOf(panels: readonly Panel[]): number {
  return panels.reduce((max, panel) => Math.max(max, panel.gridPos.y + panel.gridPos.h), 0);
}

/**
 * Rows as the viewer has expanded or collapsed them: `rowStates` overrides a row's stored
 * `collapsed`, which is the dashboard's default and changes only by an edit ("Make default").
 */
export function withRowStates(
  panels: readonly Panel[],
  rowStates: Readonly<Record<number, boolean>>,
): Panel[] {
  if (Object.keys(rowStates).length === 0) return [...panels];
  return panels.map((panel) => {
    const collapsed = rowStates[panel.id];
    return isRow(panel) && collapsed !== undefined && collapsed !== panel.collapsed
      ? { ...panel, collapsed }
      : panel;
  });
}

/** Panels moved on the viewer's grid, with every row's stored `collapsed` put back. */
export function withStoredRowStates(moved: readonly Panel[], stored: readonly Panel[]): Panel[] {
  const storedById = new Map(stored.map((panel) => [panel.id, panel]));
  return moved.map((panel) => {
    const before = storedById.get(panel.id);
    if (!isRow(panel) || !before || !isRow(before) || before.collapsed === panel.collapsed) return panel;
    return { ...panel, collapsed: before.collapsed };
  });
}

/** Grafana's grid in pixels: 30 px rows, 8 px between cells. */
export const GRID_ROW_HEIGHT = 30;
export const GRID_MARGIN = 8;

/** The width of one of the 24 columns in a grid `gridWidth` pixels wide. */
export function gridCellWidth(gridWidth: number): number {
  return (gridWidth - (GRID_COLUMNS - 1) * GRID_MARGIN) / GRID_COLUMNS;
}

/** Pixels of `units` grid cells `cell` pixels each, margins between them included. */
export function gridSpan(units: number, cell: number): number {
  return Math.round(units * cell + (units - 1) * GRID_MARGIN);
}

/** Pixels from the grid's top to the top of a panel placed at grid row `y`. */
export function gridTop(y: number): number {
  return y * (GRID_ROW_HEIGHT + GRID_MARGIN);
}
