"use client";

import { type ReactNode, useState } from "react";
import { SaveStatusBadge } from "@/components/section-save/save-status";
import type { SaveStatus } from "@/components/section-save/use-section-save";
import { sameValue } from "@/lib/json/same-value";
import { PANEL_TYPE_LABELS, VISUAL_PANEL_TYPES } from "@/lib/panels/registry";
import {
  useDraftActions,
  useDraftDashboard,
  useHistoryControls,
  useSaveState,
  useSelection,
  useViewState,
} from "../store/store-provider";
import { RefreshPicker } from "./refresh-picker";
import { TimeRangePicker } from "./time-range-picker";

export interface DashboardToolbarProps {
  status: SaveStatus;
  blockingIssues: number;
  onSave: () => void;
}

/** Whether the view (time, refresh, variable values, rows) is what the dashboard opens with. */
function useViewIsDefault(): boolean {
  const dashboard = useDraftDashboard();
  const view = useViewState();
  if (!sameValue(view.timeRange, dashboard.time) || view.refresh !== dashboard.refresh) return false;
  const rows = new Map(dashboard.panels.map((panel) => [panel.id, panel]));
  for (const [id, collapsed] of Object.entries(view.rowStates)) {
    const row = rows.get(Number(id));
    if (row?.type === "row" && row.collapsed !== collapsed) return false;
  }
  return dashboard.variables.every((variable) => {
    const selected = view.variableSelections[variable.name];
    return selected === undefined || variable.type === "constant" || sameValue(selected, variable.current);
  });
}

/** Time range, refresh, add/duplicate/delete, undo/redo, JSON, save and its state. */
export function DashboardToolbar({ status, blockingIssues, onSave }: DashboardToolbarProps): ReactNode {
  const dashboard = useDraftDashboard();
  const actions = useDraftActions();
  const history = useHistoryControls();
  const { selectedPanelId, openEditor } = useSelection();
  const view = useViewState();
  const { base, saveError } = useSaveState();
  const [adding, setAdding] = useState(false);
  const [madeDefault, setMadeDefault] = useState(false);
  const viewIsDefault = useViewIsDefault();
  const selected = dashboard.panels.find((panel) => panel.id === selectedPanelId);

  return (
    <div className="dash-toolbar" data-testid="dashboard-toolbar">
      <div className="dash-toolbar-group">
        <div className="dash-picker">
          <button
            type="button"
            className="button button-primary"
            aria-expanded={adding}
            onClick={() => setAdding(!adding)}
            data-testid="add-panel"
          >
            + Add panel
          </button>
          {adding ? (
            <div className="dash-popover" data-testid="add-panel-menu">
              {VISUAL_PANEL_TYPES.map((type) => (
                <button
                  key={type}
                  type="button"
                  className="dash-link-button dash-menu-item"
                  onClick={() => {
                    setAdding(false);
                    openEditor(actions.addPanel(type));
                  }}
                  data-testid={`add-panel-${type}`}
                >
                  {PANEL_TYPE_LABELS[type]}
                </button>
              ))}
            </div>
          ) : null}
        </div>
        <button type="button" className="button" onClick={() => actions.addRow()} data-testid="add-row">
          + Add row
        </button>
        <button
          type="button"
          className="button"
          disabled={!selected}
          onClick={() => selected && actions.duplicatePanel(selected.id)}
          title={selected ? `Duplicate “${selected.title}”` : "Select a panel first"}
          data-testid="duplicate-selected"
        >
          Duplicate
        </button>
        <button
          type="button"
          className="button"
          disabled={!selected}
          onClick={() => selected && actions.deletePanel(selected.id)}
          title={selected ? `Delete “${selected.title}”` : "Select a panel first"}
          data-testid="delete-selected"
        >
          Delete
        </button>
        <button
          type="button"
          className="button"
          disabled={!history.canUndo}
          onClick={history.undo}
          title="Undo (Ctrl+Z)"
          data-testid="undo"
        >
          ↶ Undo
        </button>
        <button
          type="button"
          className="button"
          disabled={!history.canRedo}
          onClick={history.redo}
          title="Redo (Ctrl+Shift+Z)"
          data-testid="redo"
        >
          ↷ Redo
        </button>
        <button
          type="button"
          className="button"
          onClick={() => view.setDashboardJsonOpen(!view.dashboardJsonOpen)}
          aria-pressed={view.dashboardJsonOpen}
          data-testid="dashboard-json-toggle"
        >
          {"{ }"} JSON
        </button>
        <button
          type="button"
          className="button"
          onClick={() => view.setSettingsOpen(!view.settingsOpen)}
          aria-pressed={view.settingsOpen}
          title="Title, tags, time defaults and template variables"
          data-testid="dashboard-settings-toggle"
        >
          ⚙ Settings
        </button>
      </div>
      <div className="dash-toolbar-group">
        <TimeRangePicker value={view.timeRange} onChange={view.setTimeRange} />
        <RefreshPicker
          value={view.refresh}
          onChange={view.setRefresh}
          onRefresh={() => view.refreshNow(Date.now())}
        />
        {viewIsDefault && madeDefault ? (
          <span className="muted small" role="status" data-testid="view-default-notice">
            This view is now the dashboard's default
          </span>
        ) : null}
        {viewIsDefault ? null : (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              actions.makeDefault();
              setMadeDefault(true);
            }}
            title="Store this view (time range, refresh, variable values, expanded and collapsed rows) as the dashboard's default: an edit, saved like any other. Changing the view alone never saves."
            data-testid="make-view-default"
          >
            Make default
          </button>
        )}
        <SaveStatusBadge
          status={status}
          blockingIssues={blockingIssues}
          version={base.version}
          error={saveError}
        />
        <button
          type="button"
          className="button button-primary"
          onClick={onSave}
          disabled={status === "saving" || status === "conflict"}
          title="Save (Ctrl+S)"
          data-testid="save-dashboard"
        >
          Save
        </button>
      </div>
    </div>
  );
}
