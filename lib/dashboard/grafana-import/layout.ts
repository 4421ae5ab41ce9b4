import { asArray, asNumber, isPlainObject, type JsonObject } from "./json";

export const GRID_COLUMNS = 24;
const MAX_HEIGHT = 100;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Where Grafana puts a panel that has no gridPos (a hand-written or very old dashboard): PanelModel's
 * default, 6 wide and 3 high at the top left; the grid's compaction then moves it down below
 * whatever it overlaps, in the panels' order.
 */
export const DEFAULT_GRID_POS: Readonly<Box> = { x: 0, y: 0, w: 6, h: 3 };

/** A panel of the flattened dashboard: collapsed rows' children placed below their row. */
export interface FlatPanel {
  json: JsonObject;
  /** JSON path in the input, e.g. `panels[5].panels[2]`. */
  path: string;
  gridPos: Box;
  isRow: boolean;
  /** Inside a collapsed row: not shown until the row is expanded. */
  hidden?: boolean;
  /** It had no usable gridPos: it stands at DEFAULT_GRID_POS (a row: a full-width row there). */
  defaulted?: boolean;
}

function readBox(json: JsonObject): Box | undefined {
  const pos = json.gridPos;
  if (!isPlainObject(pos)) return undefined;
  const x = asNumber(pos.x);
  const y = asNumber(pos.y);
  const w = asNumber(pos.w);
  const h = asNumber(pos.h);
  if (x === undefined || y === undefined || w === undefined || h === undefined) return undefined;
  return { x, y, w, h };
}

/** The panel's gridPos, or Grafana's default for one without (a row spans the grid, one high). */
function boxOf(json: JsonObject, isRow: boolean): { gridPos: Box; defaulted?: boolean } {
  const box = readBox(json);
  if (box) return { gridPos: box };
  return {
    gridPos: isRow ? { x: 0, y: 0, w: GRID_COLUMNS, h: 1 } : { ...DEFAULT_GRID_POS },
    defaulted: true,
  };
}

function byPosition(a: { gridPos: Box }, b: { gridPos: Box }): number {
  return a.gridPos.y - b.gridPos.y || a.gridPos.x - b.gridPos.x;
}

/**
 * Grafana's layout with every row expanded, as DashboardModel.toggleRow does it: a collapsed row's
 * panels go right below the row (keeping their offsets to its first panel) and what follows moves
 * down by their height. A panel without a usable gridPos stands where Grafana puts it
 * (DEFAULT_GRID_POS), in its place among the others (the sort keeps their order on a tie).
 */
export function expandRows(
  panels: readonly unknown[],
  pathPrefix = "panels",
  paths?: readonly string[],
): { flat: FlatPanel[]; absorbed: Array<{ panel: string; row: string }> } {
  const top: FlatPanel[] = [];
  panels.forEach((json, index) => {
    if (!isPlainObject(json)) return;
    const isRow = json.type === "row";
    top.push({ json, path: paths?.[index] ?? `${pathPrefix}[${index}]`, isRow, ...boxOf(json, isRow) });
  });
  top.sort(byPosition);
  const flat: FlatPanel[] = [];
  const absorbed: Array<{ panel: string; row: string }> = [];
  let pushDown = 0;
  let collapsedRow: FlatPanel | undefined;
  for (const panel of top) {
    if (panel.isRow) collapsedRow = panel.json.collapsed === true ? panel : undefined;
    else if (collapsedRow) absorbed.push({ panel: panel.path, row: collapsedRow.path });
    const rowBox = { ...panel.gridPos, y: panel.gridPos.y + pushDown };
    flat.push({ ...panel, gridPos: rowBox });
    const children = panel.isRow ? asArray(panel.json.panels) : [];
    if (children.length === 0) continue;
    const placed: FlatPanel[] = [];
    children.forEach((json, index) => {
      if (!isPlainObject(json)) return;
      const entry = {
        json,
        path: `${panel.path}.panels[${index}]`,
        isRow: false,
        hidden: panel.json.collapsed === true,
      };
      placed.push({ ...entry, ...boxOf(json, false) });
    });
    const first = placed[0];
    if (!first) continue;
    // Grafana measures the children from the first one, in case the row moved while collapsed.
    const yDiff = first.gridPos.y - (rowBox.y + 1);
    let yMax = rowBox.y;
    for (const child of placed) {
      const box = { ...child.gridPos, y: child.gridPos.y - yDiff };
      flat.push({ ...child, gridPos: box });
      yMax = Math.max(yMax, box.y + box.h);
    }
    pushDown += yMax - rowBox.y - 1;
  }
  return { flat, absorbed };
}

export interface LayoutMove {
  path: string;
  from: Box;
  to: Box;
  reason: string;
}

/** Fits a box into the model's grid: whole cells, 24 columns, 1–100 high; rows span the width. */
function sanitize(box: Box, isRow: boolean): { box: Box; reason?: string } {
  const reasons: string[] = [];
  let { x, y, w, h } = box;
  if (![x, y, w, h].every(Number.isInteger)) {
    [x, y, w, h] = [Math.round(x), Math.round(y), Math.round(w), Math.round(h)];
    reasons.push("rounded to whole grid cells");
  }
  if (isRow) {
    if (x !== 0 || w !== GRID_COLUMNS || h !== 1) reasons.push("a row spans the whole grid, one unit high");
    return {
      box: { x: 0, y: Math.max(0, y), w: GRID_COLUMNS, h: 1 },
      reason: reasons.join("; ") || undefined,
    };
  }
  if (y < 0) {
    y = 0;
    reasons.push("negative y");
  }
  if (w < 1 || w > GRID_COLUMNS) {
    w = Math.min(GRID_COLUMNS, Math.max(1, w));
    reasons.push(`width outside 1-${GRID_COLUMNS}`);
  }
  if (h < 1 || h > MAX_HEIGHT) {
    h = Math.min(MAX_HEIGHT, Math.max(1, h));
    reasons.push(`height outside 1-${MAX_HEIGHT}`);
  }
  if (x < 0) {
    x = 0;
    reasons.push("negative x");
  }
  if (x + w > GRID_COLUMNS) {
    x = GRID_COLUMNS - w;
    reasons.push(`x + w exceeded the ${GRID_COLUMNS}-column grid`);
  }
  return { box: { x, y, w, h }, reason: reasons.join("; ") || undefined };
}

function collides(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * react-grid-layout's vertical compaction, which Grafana's grid applies on every load: in reading
 * order each panel rises while nothing is above it, and drops below whatever it overlaps.
 */
export function compact<T extends { gridPos: Box }>(items: readonly T[]): Array<T & { pushedBy?: T }> {
  const order = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => byPosition(a.item, b.item) || a.index - b.index);
  const placed: Array<T & { pushedBy?: T }> = [];
  for (const { item } of order) {
    const box = { ...item.gridPos };
    const bottom = placed.reduce((max, other) => Math.max(max, other.gridPos.y + other.gridPos.h), 0);
    box.y = Math.min(bottom, box.y);
    while (box.y > 0 && !placed.some((other) => collides({ ...box, y: box.y - 1 }, other.gridPos))) box.y--;
    for (;;) {
      const hit = placed.find((other) => collides(box, other.gridPos));
      if (!hit) break;
      box.y = hit.gridPos.y + hit.gridPos.h;
    }
    const pushedBy =
      box.y > item.gridPos.y ? placed.find((other) => collides(item.gridPos, other.gridPos)) : undefined;
    placed.push({ ...item, gridPos: box, ...(pushedBy ? { pushedBy } : {}) });
  }
  return placed;
}

/**
 * The flattened dashboard on the model's grid: sizes fixed up, panels without a position where
 * Grafana puts them, overlaps pushed down, gaps closed as Grafana closes them. Every fix-up is reported.
 */
export function layOut(
  panels: readonly unknown[],
  /** Where each panel came from, when not `panels[i]` (a converted legacy `rows[]` layout). */
  paths?: readonly string[],
): {
  placed: FlatPanel[];
  moves: LayoutMove[];
  /** Visible panels below a collapsed row: the model's rows own what follows them, so they join it. */
  absorbed: Array<{ panel: string; row: string }>;
} {
  const { flat, absorbed } = expandRows(panels, "panels", paths);
  const moves: LayoutMove[] = [];
  const sanitized = flat.map((panel) => {
    const { box, reason } = sanitize(panel.gridPos, panel.isRow);
    if (reason) moves.push({ path: panel.path, from: panel.gridPos, to: box, reason });
    return { ...panel, gridPos: box };
  });
  const compacted = compact(sanitized);
  for (const panel of compacted) {
    const before = sanitized.find((entry) => entry.path === panel.path)?.gridPos ?? panel.gridPos;
    if (panel.defaulted) {
      const where = panel.pushedBy ? `; it overlapped ${panel.pushedBy.path} there and moved down` : "";
      moves.push({
        path: panel.path,
        from: before,
        to: panel.gridPos,
        reason: `had no gridPos; placed as Grafana places it (${before.w} wide, ${before.h} high, at the top left${where})`,
      });
    } else if (panel.pushedBy) {
      moves.push({
        path: panel.path,
        from: before,
        to: panel.gridPos,
        reason: `overlapped ${panel.pushedBy.path}; moved down`,
      });
    }
  }
  const placed = compacted
    .map(({ pushedBy: _pushedBy, defaulted: _defaulted, ...panel }) => panel as FlatPanel)
    .sort(byPosition);
  return { placed, moves, absorbed };
}
