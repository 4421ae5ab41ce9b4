"use client";

import { type ReactNode, useCallback, useRef, useState } from "react";
import { LazyJsonEditor, useSyncedJson } from "@/components/code-editor";
import { toGrafanaPanel } from "@/lib/generate/grafana/panels";
import type { Panel } from "@/lib/model/panel";
import { useDraftIssues } from "../designer/draft-issues";
import { issuesOfPanel } from "../model/issues";
import { parseDashboardJson, parsePanelJson } from "../model/json-parse";
import { useDashboardSnapshot, useDraftActions, useDraftDashboard } from "../store/store-provider";

/** What a pasted Grafana panel or dashboard became, under the editor. */
function ConvertedNotes({ notes }: { notes: readonly string[] }): ReactNode {
  if (notes.length === 0) return null;
  const [headline, ...details] = notes;
  return (
    <div className="field-hint" data-testid="json-converted">
      <strong>{headline}</strong>
      {details.length > 0 ? (
        <ul>
          {details.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** "Copy as Grafana JSON": the panel as the exporter writes it into the dashboard's JSON. */
function CopyAsGrafana({ panel }: { panel: Exclude<Panel, { type: "row" }> }): ReactNode {
  const snapshot = useDashboardSnapshot();
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  const copy = (): void => {
    const { project, dashboard } = snapshot();
    const json = JSON.stringify(toGrafanaPanel(project, dashboard, panel), null, 2);
    navigator.clipboard.writeText(json).then(
      () => setCopied("copied"),
      () => setCopied("failed"),
    );
  };
  return (
    <span className="dash-inline">
      <button type="button" className="button button-small" onClick={copy} data-testid="panel-copy-grafana">
        Copy as Grafana JSON
      </button>{" "}
      {copied === "copied" ? <span className="muted small">Copied</span> : null}
      {copied === "failed" ? <span className="muted small">The browser refused the clipboard</span> : null}
    </span>
  );
}

export interface PanelJsonTabProps {
  panel: Panel;
}

/** The panel as JSON in the code editor; the model's issues are markers at their paths. */
export function PanelJsonTab({ panel }: PanelJsonTabProps): ReactNode {
  const dashboard = useDraftDashboard();
  const { updatePanel } = useDraftActions();
  const index = dashboard.panels.findIndex((entry) => entry.id === panel.id);
  const modelIssues = issuesOfPanel(useDraftIssues(), index);
  const snapshot = useDashboardSnapshot();
  const panelRef = useRef(panel);
  panelRef.current = panel;
  // A Grafana panel pasted here is converted in place of this one (its id and place kept).
  const parse = useCallback(
    (text: string) => {
      const { project, dashboard: draft } = snapshot();
      return parsePanelJson(text, { project, dashboard: draft, panel: panelRef.current });
    },
    [snapshot],
  );
  const json = useSyncedJson(panel, parse, (next) =>
    updatePanel(panel.id, () => next, `panel:${panel.id}:json`),
  );
  const markers = json.parseIssues.length > 0 ? json.parseIssues : modelIssues;
  return (
    <div className="dash-json-tab" data-testid="panel-json-tab" data-value={json.text}>
      <LazyJsonEditor
        value={json.text}
        onChange={json.onText}
        markers={markers}
        height={520}
        ariaLabel={`Panel "${panel.title}" as JSON`}
        testId="panel-json-editor"
      />
      <p className="field-hint">
        {json.parseIssues.length > 0
          ? "Not applied: fix the problems marked above."
          : "Edits apply as you type; paths of problems are relative to the panel. A panel's JSON from Grafana is converted."}
      </p>
      <ConvertedNotes notes={json.converted} />
      {panel.type === "row" ? null : <CopyAsGrafana panel={panel} />}
    </div>
  );
}

/** The whole dashboard as JSON; its uid is fixed (it is the page's address). */
export function DashboardJsonTab(): ReactNode {
  const dashboard = useDraftDashboard();
  const { edit } = useDraftActions();
  const issues = useDraftIssues();
  const uid = dashboard.uid;
  const snapshot = useDashboardSnapshot();
  // A Grafana dashboard pasted here is converted; it keeps this page's uid.
  const parse = useCallback(
    (text: string) => {
      const { project, dashboard: draft } = snapshot();
      return parseDashboardJson(text, uid, { project, dashboard: draft });
    },
    [snapshot, uid],
  );
  const json = useSyncedJson(dashboard, parse, (next) => edit(() => next, "dashboard:json"));
  const markers = json.parseIssues.length > 0 ? json.parseIssues : issues;
  return (
    <div className="dash-json-tab" data-testid="dashboard-json-tab" data-value={json.text}>
      <LazyJsonEditor
        value={json.text}
        onChange={json.onText}
        markers={markers}
        height={560}
        ariaLabel={`Dashboard "${dashboard.title}" as JSON`}
        testId="dashboard-json-editor"
      />
      <ConvertedNotes notes={json.converted} />
    </div>
  );
}
