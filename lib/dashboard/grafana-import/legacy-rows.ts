import { asArray, asNumber, asString, isPlainObject, type JsonObject } from "./json";

/**
 * The `rows[]` layout of dashboards before schemaVersion 16 (Grafana 4 and older) on the 24-column
 * grid, as Grafana's own migration lays it out when it loads such a dashboard: `upgradeToGridLayout`
 * in grafana/grafana public/app/features/dashboard/state/DashboardMigrator.ts (ported to Go as
 * apps/dashboard/pkg/migration/schemaversion/v16.go). Where the two ports differ, this follows the
 * TypeScript one, which every Grafana before 12 ran.
 */

/** public/app/core/constants.ts (GRID_CELL_VMARGIN has been 8 since Grafana 7; v16.go uses 8 too). */
const GRID_COLUMN_COUNT = 24;
const GRID_CELL_HEIGHT = 30;
const GRID_CELL_VMARGIN = 8;
const DEFAULT_PANEL_SPAN = 4;
const DEFAULT_ROW_HEIGHT = 250;
const MIN_PANEL_HEIGHT = GRID_CELL_HEIGHT * 3;

export interface LegacyLayout {
  /** The panels in the schemaVersion 16+ form: `gridPos` instead of `span`, row panels with `panels`. */
  panels: JsonObject[];
  /** Where each of `panels` came from in the input (`rows[2]`, `rows[2].panels[1]`), for the report. */
  paths: string[];
  /** What the conversion did that the report should say. */
  notes: string[];
}

/** `getGridHeight`: a height in px ("250px" or 250) in grid units, at least MIN_PANEL_HEIGHT. */
export function gridHeight(height: unknown): number {
  const px =
    typeof height === "string" ? Number.parseInt(height.replace("px", ""), 10) : (asNumber(height) ?? NaN);
  const value = Number.isNaN(px) ? DEFAULT_ROW_HEIGHT : Math.max(px, MIN_PANEL_HEIGHT);
  return Math.ceil(value / (GRID_CELL_HEIGHT + GRID_CELL_VMARGIN));
}

/**
 * `RowArea`: how far down each of the 24 columns is filled within one row of the old layout, to put
 * the next panel in the rightmost gap that fits, or start a new line of the row below the filled one.
 */
class RowArea {
  private readonly area = new Array<number>(GRID_COLUMN_COUNT).fill(0);

  constructor(
    private readonly height: number,
    public yPos: number,
  ) {}

  addPanel(box: { x: number; y: number; w: number; h: number }): void {
    for (let i = box.x; i < box.x + box.w && i < this.area.length; i++) {
      const bottom = box.y + box.h - this.yPos;
      if (!this.area[i] || bottom > (this.area[i] ?? 0)) this.area[i] = bottom;
    }
  }

  /** `getPanelPosition`; on the second try (after wrapping) Grafana's returns null, this puts it at x 0. */
  position(width: number, retried = false): { x: number; y: number } {
    let start: number | undefined;
    let end: number | undefined;
    for (let i = this.area.length - 1; i >= 0; i--) {
      const filled = this.area[i] ?? 0;
      if (this.height - filled <= 0) break;
      if (end === undefined) end = i;
      else if (i < this.area.length - 1 && filled <= (this.area[i + 1] ?? 0)) start = i;
      else break;
    }
    if (start !== undefined && end !== undefined && end - start >= width - 1) {
      return { x: start, y: Math.max(...this.area.slice(start)) };
    }
    if (retried) return { x: 0, y: 0 };
    this.yPos += this.height;
    this.area.fill(0);
    return this.position(width, true);
  }
}

function maxPanelId(rows: readonly JsonObject[]): number {
  const ids = rows.flatMap((row) =>
    asArray(row.panels)
      .filter(isPlainObject)
      .map((panel) => asNumber(panel.id))
      .filter((id): id is number => id !== undefined && Number.isInteger(id)),
  );
  return Math.max(0, ...ids);
}

/**
 * `rows[]` as panels with `gridPos`: a row's height in px becomes grid units, a panel's `span` of 12
 * columns `w` of 24, its own `height` (if any) its `h`; panels fill a row left to right and wrap
 * below. When any row is collapsed, repeated or shows its title, every row becomes a row panel
 * (its title kept, a collapsed one holding its panels); otherwise rows vanish and only their panels
 * remain. Row panels get the ids after the largest panel id (as Grafana gives them); panels without
 * an id get the ids after those (Grafana's schemaVersion 3 migration).
 */
export function upgradeToGridLayout(rawRows: readonly unknown[]): LegacyLayout {
  const rows = rawRows.filter(isPlainObject);
  const notes: string[] = [];
  const panels: JsonObject[] = [];
  const paths: string[] = [];
  let nextId = maxPanelId(rows) + 1;
  const missingIds: JsonObject[] = [];
  const showRows = rows.some(
    (row) => row.collapse === true || row.showTitle === true || (asString(row.repeat) ?? "") !== "",
  );
  let yPos = 0;
  rawRows.forEach((row, rowIndex) => {
    if (!isPlainObject(row) || row.repeatIteration) return;
    const rowPath = `rows[${rowIndex}]`;
    const rowHeight = gridHeight(row.height ?? DEFAULT_ROW_HEIGHT);
    const collapsed = row.collapse === true;
    let rowPanel: JsonObject | undefined;
    if (showRows) {
      const repeat = asString(row.repeat);
      rowPanel = {
        id: nextId++,
        type: "row",
        title: asString(row.title) ?? "",
        collapsed,
        ...(repeat ? { repeat } : {}),
        panels: [],
        // Grafana writes the row's height here, but its grid draws every row one unit high
        // (DashboardGrid: a row panel's h is 1), which is what the model holds.
        gridPos: { x: 0, y: yPos, w: GRID_COLUMN_COUNT, h: 1 },
      };
      yPos++;
    }
    const area = new RowArea(rowHeight, yPos);
    asArray(row.panels).forEach((panel, panelIndex) => {
      if (!isPlainObject(panel)) return;
      const { span: rawSpan, height, ...rest } = panel;
      const span = asNumber(rawSpan) || DEFAULT_PANEL_SPAN;
      const w = Math.min(GRID_COLUMN_COUNT, Math.max(1, Math.floor(span) * (GRID_COLUMN_COUNT / 12)));
      const h = height !== undefined && height !== null && height !== "" ? gridHeight(height) : rowHeight;
      const place = area.position(w);
      yPos = area.yPos;
      const gridPos = { x: place.x, y: yPos + place.y, w, h };
      area.addPanel(gridPos);
      const converted: JsonObject = { ...rest, gridPos };
      if (!(asNumber(rest.id) && Number.isInteger(rest.id))) missingIds.push(converted);
      const path = `${rowPath}.panels[${panelIndex}]`;
      if (rowPanel && collapsed) {
        (rowPanel.panels as JsonObject[]).push(converted);
      } else {
        panels.push(converted);
        paths.push(path);
      }
    });
    if (rowPanel) {
      panels.push(rowPanel);
      paths.push(rowPath);
    }
    if (!(rowPanel && collapsed)) yPos += rowHeight;
  });
  for (const panel of missingIds) panel.id = nextId++;
  const rowPanels = panels.filter((panel) => panel.type === "row").length;
  const copies = rows.filter((row) => row.repeatIteration).length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  notes.push(
    `rows[]: the schemaVersion < 16 layout of ${plural(rows.length - copies, "row")} converted to the 24-column grid as Grafana 5+ converts it (spans doubled, row heights in grid units)${
      rowPanels > 0
        ? `; ${plural(rowPanels, "row")} became row panels`
        : "; no row shows a title, so the rows themselves vanish"
    }`,
  );
  if (copies > 0)
    notes.push(
      `rows[]: ${copies === 1 ? "1 repeated copy" : `${copies} repeated copies`} of a repeated row dropped, as Grafana drops them`,
    );
  if (missingIds.length > 0)
    notes.push(`rows[]: ${plural(missingIds.length, "panel")} without an id numbered after the largest id`);
  return { panels, paths, notes };
}
