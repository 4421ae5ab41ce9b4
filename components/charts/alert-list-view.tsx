"use client";

import type { ReactNode } from "react";
import { filterAlerts, type PreviewAlert } from "./alerts";
import type { PanelOfType } from "./visualization-props";

type AlertListPanel = PanelOfType<"alertlist">;

export interface AlertListViewProps {
  panel: AlertListPanel;
  alerts: readonly PreviewAlert[];
  now: number;
}

function since(activeAt: string | undefined, now: number): string {
  if (!activeAt) return "";
  const seconds = Math.max(0, Math.round((now - Date.parse(activeAt)) / 1000));
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h ${Math.floor((seconds % 3600) / 60)}m`;
  return `${Math.floor(seconds / 86_400)}d`;
}

/** The alerts of the project's Prometheus in the states and with the labels the panel asks for. */
export function AlertListView({ panel, alerts, now }: AlertListViewProps): ReactNode {
  const shown = filterAlerts(alerts, panel);
  if (shown.length === 0) {
    return (
      <div className="dash-panel-empty" data-testid="panel-no-alerts">
        No alerts {panel.stateFilter.length > 0 ? `(${panel.stateFilter.join(", ")})` : ""}
      </div>
    );
  }
  return (
    <ul className="dash-alerts" data-testid="panel-alerts">
      {shown.map((alert) => {
        const { alertname = "(unnamed)", ...labels } = alert.labels;
        return (
          <li
            key={`${alertname}:${JSON.stringify(labels)}`}
            className={`dash-alert dash-alert-${alert.state}`}
          >
            <span className={`dash-alert-state dash-alert-state-${alert.state}`}>{alert.state}</span>
            <strong>{alertname}</strong>
            <span className="muted small"> for {since(alert.activeAt, now)}</span>
            <div className="muted small">
              {Object.entries(labels)
                .map(([key, value]) => `${key}=${value}`)
                .join(", ")}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
