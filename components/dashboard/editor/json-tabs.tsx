"use client";

import { type ReactNode, useRef } from "react";
import { LazyJsonEditor, useSyncedJson } from "@/components/code-editor";
import type { Panel } from "@/lib/model/panel";
import { useDraftIssues } from "../designer/draft-issues";
import { issuesOfPanel, parseDashboardJson, parsePanelJson } from "../model/issues";
import { useDraftActions, useDraftDashboard } from "../store/store-provider";

export interface PanelJsonTabProps {
  panel: Panel;
}

/** The panel as JSON in the code editor; the model's issues are markers at their paths. */
export function PanelJsonTab({ panel }: PanelJsonTabProps): ReactNode {
  const dashboard = useDraftDashboard();
  const { updatePanel } = useDraftActions();
  const index = dashboard.panels.findIndex((entry) => entry.id === panel.id);
  const modelIssues = issuesOfPanel(useDraftIssues(), index);
  const json = useSyncedJson(panel, parsePanelJson, (next) =>
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
          : "Edits apply as you type; paths of problems are relative to the panel."}
      </p>
    </div>
  );
}

/** The whole dashboard as JSON; its uid is fixed (it is the page's address). */
export function DashboardJsonTab(): ReactNode {
  const dashboard = useDraftDashboard();
  const { edit } = useDraftActions();
  const issues = useDraftIssues();
  const uid = dashboard.uid;
  const parse = useRef((text: string) => parseDashboardJson(text, uid)).current;
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
    </div>
  );
}
