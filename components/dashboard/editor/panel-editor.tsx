"use client";

import { type ReactNode, useEffect, useState } from "react";
import { TabList } from "@/components/ui/tab-list";
import { PANEL_TYPE_LABELS } from "@/lib/panels/registry";
import { useDraftIssues } from "../designer/draft-issues";
import { PanelContent } from "../grid/panel-content";
import { issuesOfPanel } from "../model/issues";
import type { EditorTab } from "../store/dashboard-store";
import { useDraftDashboard, useSelection, useViewState } from "../store/store-provider";
import { DashboardJsonTab, PanelJsonTab } from "./json-tabs";
import { PanelForm } from "./panel-form";
import { QueryInspector } from "./query-inspector";
import { useElementWidth } from "./use-element-width";

const PREVIEW_HEIGHT = 340;

const TABS: { id: EditorTab; label: string }[] = [
  { id: "form", label: "Panel" },
  { id: "panel-json", label: "Panel JSON" },
  { id: "dashboard-json", label: "Dashboard JSON" },
];

export interface PanelEditorProps {
  panelId: number;
}

/**
 * One panel being edited: its live preview and query inspector on the left, the form or the
 * panel's (or dashboard's) JSON on the right. Both views edit the same draft.
 */
export function PanelEditor({ panelId }: PanelEditorProps): ReactNode {
  const dashboard = useDraftDashboard();
  const index = dashboard.panels.findIndex((panel) => panel.id === panelId);
  const panel = dashboard.panels[index];
  const { closeEditor } = useSelection();
  const { editorTab, setEditorTab } = useViewState();
  const issues = issuesOfPanel(useDraftIssues(), index);
  const { ref, width } = useElementWidth<HTMLDivElement>(600);
  const [visited, setVisited] = useState<ReadonlySet<EditorTab>>(() => new Set([editorTab]));
  useEffect(() => {
    setVisited((current) => (current.has(editorTab) ? current : new Set([...current, editorTab])));
  }, [editorTab]);
  if (!panel) return null;
  const errors = issues.filter((issue) => issue.severity === "error").length;
  return (
    <div className="dash-editor" data-testid="panel-editor" data-panel-id={panel.id}>
      <div className="dash-editor-bar">
        <button type="button" className="button" onClick={closeEditor} data-testid="editor-close">
          ← Back to dashboard
        </button>
        <strong>
          Editing {PANEL_TYPE_LABELS[panel.type].toLowerCase()} “{panel.title}”
        </strong>
        {errors > 0 ? (
          <span className="dash-issue-count" data-testid="editor-issue-count">
            {errors} problem{errors === 1 ? "" : "s"}
          </span>
        ) : null}
      </div>
      <div className="dash-editor-columns">
        <div className="dash-editor-preview" ref={ref}>
          {panel.type === "row" ? (
            <p className="muted">A row has no preview: it groups the panels below it.</p>
          ) : (
            <>
              <section
                className="dash-panel"
                data-testid="editor-preview"
                data-panel-type={panel.type}
                aria-label={`Preview of ${panel.title}`}
              >
                <header className="dash-panel-header">
                  <h3 className="dash-panel-title">{panel.title}</h3>
                </header>
                <PanelContent panel={panel} width={Math.max(100, width - 2)} height={PREVIEW_HEIGHT} />
              </section>
              <details className="dash-editor-inspector" open>
                <summary>Query inspector</summary>
                <QueryInspector panel={panel} width={Math.max(100, width - 2)} />
              </details>
            </>
          )}
        </div>
        <div className="dash-editor-side">
          <TabList
            label="Edit as"
            tabs={TABS}
            selected={editorTab}
            onSelect={setEditorTab}
            testIdPrefix="editor-tab-"
          />
          {/* A tab is mounted when first shown and then kept: JSON typed there that does not parse
              yet (so is not in the draft) survives a look at another tab, and its editors keep
              their cursor and undo. */}
          {visited.has("form") ? (
            <div role="tabpanel" hidden={editorTab !== "form"}>
              <PanelForm panel={panel} issues={issues} />
            </div>
          ) : null}
          {visited.has("panel-json") ? (
            <div role="tabpanel" hidden={editorTab !== "panel-json"}>
              <PanelJsonTab panel={panel} />
            </div>
          ) : null}
          {visited.has("dashboard-json") ? (
            <div role="tabpanel" hidden={editorTab !== "dashboard-json"}>
              <DashboardJsonTab />
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}
