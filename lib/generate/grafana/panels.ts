import type { Panel as GrafanaPanel, RowPanel as GrafanaRowPanel, GridPos } from "@grafana/schema";
import { deepEqual, type JsonObject, setPath } from "../../dashboard/grafana-import/json";
import type { Dashboard, Panel, Project, RowPanel, VisualPanel } from "../../model";
import { modelledPaths, PANEL_KEYS_OWNED, readModelledFields } from "../../panels/common/modelled-fields";
import { grafanaOf } from "../../panels/grafana-registry";
import { panelDatasourceRef, targetDatasourceRef } from "./datasource-refs";
import { mergeKept } from "./deep-merge";
import { omitUndefined } from "./omit-undefined";
import { toGrafanaTarget } from "./targets";

function gridPos(panel: Panel): GridPos {
  const { h, w, x, y } = panel.gridPos;
  return { h, w, x, y };
}

/**
 * A visualization panel; keys sorted as in Grafana's export. Its type's registry entry writes
 * `options` and `fieldConfig`; what an import kept raw in `extra` goes back out, but never over a
 * field the model holds (see mergeKept).
 */
export function toGrafanaPanel(project: Project, dashboard: Dashboard, panel: VisualPanel): GrafanaPanel {
  const base = generatedPanel(project, dashboard, panel);
  if (!panel.extra) return base;
  const grafana = grafanaOf(panel);
  const modelled = modelledPaths(grafana);
  let own: Record<string, unknown> | undefined;
  return mergeKept(base, panel.extra, {
    owned: [...PANEL_KEYS_OWNED, ...modelled],
    stillCurrent: (path, kept) => {
      if (!modelled.includes(path)) return false;
      const json = base as unknown as JsonObject;
      own ??= readModelledFields(grafana, json);
      return deepEqual(readModelledFields(grafana, setPath(json, path, kept)), own);
    },
  });
}

/** The panel as the model alone writes it: the type's Grafana options and defaults, no `extra`. */
function generatedPanel(project: Project, dashboard: Dashboard, panel: VisualPanel): GrafanaPanel {
  const grafana = grafanaOf(panel).export;
  const modelTargets = "targets" in panel ? panel.targets : undefined;
  const targets = (modelTargets ?? []).map((target) =>
    toGrafanaTarget(target, targetDatasourceRef(project, dashboard, panel, target)),
  );
  return omitUndefined<GrafanaPanel>({
    datasource: panelDatasourceRef(targets.map((target) => target.datasource)),
    description: panel.description,
    fieldConfig: grafana.fieldConfig(panel),
    gridPos: gridPos(panel),
    id: panel.id,
    options: { ...grafana.options(panel) },
    targets: modelTargets ? targets : undefined,
    title: panel.title,
    type: grafana.pluginId,
  });
}

/** What a row's model writes; the rest of a row (`repeat` …) may come from an import's `extra`. */
const ROW_KEYS_OWNED = ["collapsed", "gridPos", "id", "panels", "title", "type"];

function toGrafanaRow(row: RowPanel): GrafanaRowPanel {
  const base: GrafanaRowPanel = {
    collapsed: row.collapsed,
    gridPos: gridPos(row),
    id: row.id,
    panels: [],
    title: row.title,
    type: "row",
  };
  return mergeKept(base, row.extra, { owned: ROW_KEYS_OWNED });
}

/** A model panel, or a panel of a kind the model lacks kept whole by an import. */
type Placed =
  | { gridPos: GridPos; id: number; panel: Panel }
  | { gridPos: GridPos; id: number; raw: GrafanaPanel };

function byPosition(a: Placed, b: Placed): number {
  return a.gridPos.y - b.gridPos.y || a.gridPos.x - b.gridPos.x || a.id - b.id;
}

function rawPanels(dashboard: Dashboard): Placed[] {
  const list = dashboard.extra?.panels;
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw: GrafanaPanel) => {
    const pos = raw?.gridPos;
    return typeof pos?.x === "number" && typeof pos.y === "number"
      ? [{ gridPos: pos, id: typeof raw.id === "number" ? raw.id : 0, raw }]
      : [];
  });
}

/**
 * Panels in reading order. A row owns the panels below it until the next row; when it is collapsed
 * Grafana keeps them inside the row's `panels` (at their expanded positions) instead of at the top level.
 */
export function toGrafanaPanels(
  project: Project,
  dashboard: Dashboard,
): Array<GrafanaPanel | GrafanaRowPanel> {
  const out: Array<GrafanaPanel | GrafanaRowPanel> = [];
  let collapsedRow: GrafanaRowPanel | undefined;
  const placed: Placed[] = [
    ...dashboard.panels.map((panel) => ({ gridPos: panel.gridPos, id: panel.id, panel })),
    ...rawPanels(dashboard),
  ].sort(byPosition);
  for (const entry of placed) {
    if ("raw" in entry) {
      (collapsedRow?.panels ?? out).push(entry.raw);
    } else if (entry.panel.type === "row") {
      const row = toGrafanaRow(entry.panel);
      out.push(row);
      collapsedRow = entry.panel.collapsed ? row : undefined;
    } else {
      (collapsedRow?.panels ?? out).push(toGrafanaPanel(project, dashboard, entry.panel));
    }
  }
  return out;
}
