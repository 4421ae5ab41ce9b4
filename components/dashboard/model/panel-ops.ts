import type { Dashboard } from "@/lib/model/dashboard";
import { type Panel, PanelSchema, type RowPanel, type Target, type VisualPanelType } from "@/lib/model/panel";
import { hasQueries, PANEL_TYPE_REGISTRY } from "@/lib/panels/registry";
import { bottomOf, GRID_COLUMNS, isFree, isRow, nextPanelId, openSpace, rowSections } from "./layout";

/** Edits of a dashboard's panels as pure functions: the store records each result for undo. */

/** A placeholder query a new panel starts with: every Prometheus has `up` from its first scrape on. */
export function defaultTarget(refId = "A"): Target {
  return {
    kind: "promql",
    refId,
    expr: "sum by (job) (up)",
    legendFormat: "{{job}}",
    instant: false,
    format: "time_series",
  };
}

/** A fresh panel of `type` with the model's defaults, at its type's default size. */
export function newPanel(type: VisualPanelType, id: number, position: { x: number; y: number }): Panel {
  const definition = PANEL_TYPE_REGISTRY[type];
  const base = { id, title: "New panel", gridPos: { ...position, ...definition.defaultSize } };
  const target = defaultTarget();
  const input = hasQueries(type)
    ? { ...base, type, targets: [definition.adaptTarget?.(target) ?? target] }
    : { ...base, type };
  return PanelSchema.parse(input satisfies Record<string, unknown>);
}

/** Adds a panel at the top, as Grafana does, moving everything else down by its height. */
export function addPanel(dashboard: Dashboard, type: VisualPanelType): { dashboard: Dashboard; id: number } {
  const id = nextPanelId(dashboard.panels);
  const panel = newPanel(type, id, { x: 0, y: 0 });
  return {
    dashboard: { ...dashboard, panels: [panel, ...openSpace(dashboard.panels, 0, panel.gridPos.h)] },
    id,
  };
}

/** Adds a row header below everything. */
export function addRow(dashboard: Dashboard): { dashboard: Dashboard; id: number } {
  const id = nextPanelId(dashboard.panels);
  const row: RowPanel = {
    id,
    type: "row",
    title: "Row title",
    collapsed: false,
    gridPos: { x: 0, y: bottomOf(dashboard.panels), w: GRID_COLUMNS, h: 1 },
  };
  return { dashboard: { ...dashboard, panels: [...dashboard.panels, row] }, id };
}

/** A copy right beside the panel when it fits, else right below it; a row is copied with its panels. */
export function duplicatePanel(dashboard: Dashboard, panelId: number): { dashboard: Dashboard; id?: number } {
  const source = dashboard.panels.find((panel) => panel.id === panelId);
  if (!source) return { dashboard };
  let nextId = nextPanelId(dashboard.panels);
  if (isRow(source)) {
    const section = rowSections(dashboard.panels).find((entry) => entry.row.id === panelId);
    const members = section?.members ?? [];
    const top = bottomOf(dashboard.panels);
    const rowId = nextId++;
    const copies: Panel[] = [
      { ...structuredClone(source), id: rowId, gridPos: { ...source.gridPos, y: top } },
      ...members.map((member) => ({
        ...structuredClone(member),
        id: nextId++,
        gridPos: { ...member.gridPos, y: top + (member.gridPos.y - source.gridPos.y) },
      })),
    ];
    return { dashboard: { ...dashboard, panels: [...dashboard.panels, ...copies] }, id: rowId };
  }
  const { x, y, w, h } = source.gridPos;
  const beside = { x: x + w, y, w, h };
  if (x + 2 * w <= GRID_COLUMNS && isFree(dashboard.panels, beside)) {
    const copy: Panel = { ...structuredClone(source), id: nextId, gridPos: beside };
    return { dashboard: { ...dashboard, panels: [...dashboard.panels, copy] }, id: nextId };
  }
  const copy: Panel = { ...structuredClone(source), id: nextId, gridPos: { x, y: y + h, w, h } };
  return {
    dashboard: { ...dashboard, panels: [...openSpace(dashboard.panels, y + h, h), copy] },
    id: nextId,
  };
}

/** Removes a panel; removing a row removes only its header, its panels join the row above. */
export function deletePanel(dashboard: Dashboard, panelId: number): Dashboard {
  return { ...dashboard, panels: dashboard.panels.filter((panel) => panel.id !== panelId) };
}

export function replacePanel(dashboard: Dashboard, panelId: number, panel: Panel): Dashboard {
  return {
    ...dashboard,
    panels: dashboard.panels.map((existing) => (existing.id === panelId ? panel : existing)),
  };
}

/**
 * The panel as another type: what all types share (title, unit, thresholds, queries …) is kept,
 * the new type's own options get their defaults, and Grafana options kept in `extra` are dropped
 * since they belonged to the old type.
 */
export function changePanelType(panel: Panel, type: VisualPanelType): Panel {
  if (isRow(panel) || panel.type === type) return panel;
  const { id, title, description, gridPos, datasource, unit, decimals, min, max, thresholds } = panel;
  const common = { id, title, description, gridPos, datasource, unit, decimals, min, max, thresholds };
  const targets = "targets" in panel ? panel.targets : [defaultTarget()];
  const adapt = PANEL_TYPE_REGISTRY[type].adaptTarget ?? ((target: Target) => target);
  const input = hasQueries(type) ? { ...common, type, targets: targets.map(adapt) } : { ...common, type };
  return PanelSchema.parse(input satisfies Record<string, unknown>);
}

/** The next unused query refId: A, B, … Z, A1 … */
export function nextRefId(targets: readonly Target[]): string {
  const used = new Set(targets.map((target) => target.refId));
  for (let round = 0; ; round++) {
    for (let code = 65; code <= 90; code++) {
      const candidate = `${String.fromCharCode(code)}${round === 0 ? "" : round}`;
      if (!used.has(candidate)) return candidate;
    }
  }
}
