"use client";

import { type ReactNode, useMemo } from "react";
import { VariablesProvider } from "@/components/dashboard/data/variables-context";
import { useElementWidth } from "@/components/dashboard/editor/use-element-width";
import { PanelContent } from "@/components/dashboard/grid/panel-content";
import { PANEL_HEADER_HEIGHT } from "@/components/dashboard/grid/panel-frame";
import { displayLayout, GRID_COLUMNS, isRow } from "@/components/dashboard/model/layout";
import { DashboardStoreProvider, useViewPanels } from "@/components/dashboard/store/store-provider";
import { PreviewConnectionProvider } from "@/components/preview/preview-connection";
import type { Dashboard } from "@/lib/model/dashboard";
import type { Project } from "@/lib/model/project";
import "@/components/dashboard/dashboard.css";

const ROW_HEIGHT = 30;
const MARGIN = 8;

/** Pixels of `units` grid cells, margins between them included (as the designer's grid lays them out). */
function span(units: number, cell: number): number {
  return Math.round(units * cell + (units - 1) * MARGIN);
}

/**
 * The dashboard laid out as the designer shows it (24 columns, 30 px rows) but fixed: no drag, no
 * resize, no panel menu. Each panel is the designer's own PanelContent, querying the project's
 * Prometheus live through the preview API (the page's calls carry the share link).
 */
function ReadOnlyGrid(): ReactNode {
  const panels = useViewPanels();
  const { ref, width } = useElementWidth<HTMLDivElement>(1200);
  const items = useMemo(() => displayLayout(panels), [panels]);
  const byId = useMemo(() => new Map(panels.map((panel) => [String(panel.id), panel])), [panels]);
  const cell = (width - (GRID_COLUMNS - 1) * MARGIN) / GRID_COLUMNS;
  const bottom = Math.max(0, ...items.map((item) => item.y + item.h));
  return (
    <div
      ref={ref}
      className="share-grid"
      style={{ position: "relative", height: span(bottom, ROW_HEIGHT) + MARGIN }}
      data-testid="shared-dashboard-grid"
    >
      {items.map((item) => {
        const panel = byId.get(item.i);
        if (!panel) return null;
        const style = {
          position: "absolute" as const,
          left: Math.round(item.x * (cell + MARGIN)),
          top: item.y * (ROW_HEIGHT + MARGIN),
          width: span(item.w, cell),
          height: span(item.h, ROW_HEIGHT),
        };
        if (isRow(panel)) {
          return (
            <h3 key={item.i} className="share-row-title" style={style}>
              {panel.title}
            </h3>
          );
        }
        return (
          <section
            key={item.i}
            className="dash-panel"
            style={style}
            aria-label={panel.title}
            data-testid="dashboard-panel"
            data-panel-title={panel.title}
          >
            <header className="dash-panel-header" style={{ height: PANEL_HEADER_HEIGHT }}>
              <h3 className="dash-panel-title" title={panel.title}>
                {panel.title}
              </h3>
              {panel.description ? (
                <span className="dash-panel-info" title={panel.description}>
                  i<span className="visually-hidden">{panel.description}</span>
                </span>
              ) : null}
            </header>
            <PanelContent
              panel={panel}
              width={style.width}
              height={Math.max(30, style.height - PANEL_HEADER_HEIGHT)}
            />
          </section>
        );
      })}
      {panels.length === 0 ? <p className="empty">This dashboard has no panels.</p> : null}
    </div>
  );
}

export interface SharedDashboardProps {
  projectId: string;
  version: number;
  project: Project;
  dashboard: Dashboard;
}

/** One dashboard of a shared project, read-only, with live panels over the dashboard's default range. */
export function SharedDashboard({ projectId, version, project, dashboard }: SharedDashboardProps): ReactNode {
  return (
    <DashboardStoreProvider
      key={dashboard.uid}
      init={{ projectId, version, project, dashboard, now: Date.now() }}
    >
      <VariablesProvider>
        <PreviewConnectionProvider projectId={projectId}>
          <section aria-label={`Dashboard ${dashboard.title}`} data-testid="shared-dashboard">
            <h2>{dashboard.title}</h2>
            {dashboard.description ? <p className="muted">{dashboard.description}</p> : null}
            <ReadOnlyGrid />
          </section>
        </PreviewConnectionProvider>
      </VariablesProvider>
    </DashboardStoreProvider>
  );
}
