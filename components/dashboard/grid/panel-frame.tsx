"use client";

import { useRouter } from "next/navigation";
import { memo, type ReactNode, Suspense, useMemo, useState } from "react";
import { panelRuleHref } from "@/components/alerts/list/hrefs";
import { PanelRulesBadge } from "@/components/alerts/panel/panel-rules-badge";
import type { Panel } from "@/lib/model/panel";
import { PANEL_TYPE_LABELS } from "@/lib/panels/registry";
import { useDashboardStoreApi, useDraftActions, useSelection } from "../store/store-provider";
import { IdlePanelContent, LoadingPanelContent, PanelContent } from "./panel-content";
import { usePanelViewport } from "./use-panel-viewport";

export const PANEL_HEADER_HEIGHT = 28;

export interface PanelFrameProps {
  panel: Exclude<Panel, { type: "row" }>;
  width: number;
  height: number;
  /** The layout puts it in the first screen: it queries without waiting to be observed. */
  initiallyNear?: boolean;
}

/**
 * A panel on the grid: a header to drag it by, with its menu, over its content. Memoised: the grid
 * renders again for every layout, selection or inspector change, and a panel whose props are the
 * same (the store keeps an unedited panel's object) has nothing new to draw.
 */
export const PanelFrame = memo(function PanelFrame({
  panel,
  width,
  height,
  initiallyNear = false,
}: PanelFrameProps): ReactNode {
  const { selectedPanelId, select, openEditor, openInspector } = useSelection();
  const { duplicatePanel, deletePanel } = useDraftActions();
  const router = useRouter();
  // The project as the page loaded it: its rules linked to this panel, and where to make a new one.
  const { projectId, project, dashboard } = useDashboardStoreApi().getState();
  const { ref, near, priority } = usePanelViewport<HTMLElement>(initiallyNear);
  const viewport = useMemo(() => ({ near, priority }), [near, priority]);
  // Mounted once the panel first comes near, and kept: scrolled away, it keeps its data.
  const [seen, setSeen] = useState(near);
  if (near && !seen) setSeen(true);
  const contentHeight = Math.max(30, height - PANEL_HEADER_HEIGHT);
  const selected = selectedPanelId === panel.id;
  const menu: ReadonlyArray<
    readonly [label: string, title: string, testId: string, run: (id: number) => void]
  > = [
    ["Edit", "Edit", "panel-edit", openEditor],
    ["Inspect", "Query inspector", "panel-inspect", openInspector],
    [
      "Alert",
      "Create alert rule",
      "panel-create-alert",
      (id) => router.push(panelRuleHref(projectId, dashboard.uid, id)),
    ],
    ["Duplicate", "Duplicate", "panel-duplicate", duplicatePanel],
    ["Delete", "Delete", "panel-delete", deletePanel],
  ];
  return (
    <section
      ref={ref}
      className={selected ? "dash-panel dash-panel-selected" : "dash-panel"}
      data-testid="dashboard-panel"
      data-panel-id={panel.id}
      data-panel-type={panel.type}
      data-panel-title={panel.title}
      aria-label={panel.title}
      onPointerDown={() => {
        if (!selected) select(panel.id);
      }}
    >
      <header className="dash-panel-header panel-drag-handle" style={{ height: PANEL_HEADER_HEIGHT }}>
        <h3 className="dash-panel-title" title={panel.title}>
          {panel.title}
        </h3>
        {panel.description ? (
          <span className="dash-panel-info" title={panel.description} data-testid="panel-description">
            i<span className="visually-hidden">{panel.description}</span>
          </span>
        ) : null}
        <PanelRulesBadge
          projectId={projectId}
          dashboardUid={dashboard.uid}
          panelId={panel.id}
          ruleGroups={project.ruleGroups}
        />
        <span className="dash-panel-type muted small">{PANEL_TYPE_LABELS[panel.type]}</span>
        <div className="dash-panel-menu">
          {menu.map(([label, title, testId, run]) => (
            <button
              key={testId}
              type="button"
              onClick={() => run(panel.id)}
              title={title}
              aria-label={`${label} ${panel.title}`}
              data-testid={testId}
            >
              {label}
            </button>
          ))}
        </div>
      </header>
      {seen ? (
        // A first-screen panel waits here for the server's answer (prefetched-bodies.tsx).
        <Suspense fallback={<LoadingPanelContent height={contentHeight} />}>
          <PanelContent panel={panel} width={width} height={contentHeight} viewport={viewport} />
        </Suspense>
      ) : (
        <IdlePanelContent height={contentHeight} />
      )}
    </section>
  );
});
