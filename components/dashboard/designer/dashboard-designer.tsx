"use client";

import Link from "next/link";
import { type ReactNode, useEffect, useMemo } from "react";
import type { ViewerClock } from "@/components/charts/viewer-clock";
import { ViewerClockProvider } from "@/components/charts/viewer-clock-context";
import { ConnectionBanner } from "@/components/preview/connection-banner";
import { PreviewConnectionProvider, usePreviewConnection } from "@/components/preview/preview-connection";
import { ProjectNav } from "@/components/projects/project-nav";
import { type ProjectRecordData, useProjectForDashboard } from "@/components/projects/use-projects";
import { SaveProblemsNotice } from "@/components/section-save/save-problems";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { PageLoading } from "@/components/ui/page-loading";
import { useEditorShortcuts } from "@/components/undo/keyboard-shortcuts";
import { refreshIntervalMs } from "@/lib/dashboard/time-range";
import type { GridSize } from "../data/first-screen";
import { type PrefetchedPreview, PrefetchedBodiesProvider } from "../data/prefetched-bodies";
import { MetricLintProvider, useMetricLintError } from "../data/metric-lint-context";
import { useViewInUrl } from "../data/use-view-in-url";
import { VariablesProvider } from "../data/variables-context";
import { DashboardGrid } from "../grid/dashboard-grid";
import { ReportedGridSizeContext } from "../grid/reported-grid-size";
import type { UrlView } from "../model/view-url";
import {
  DashboardStoreProvider,
  useDraftDashboard,
  useHistoryControls,
  useSaveState,
  useSelection,
  useViewState,
} from "../store/store-provider";
import { DashboardToolbar } from "../toolbar/dashboard-toolbar";
import { VariableBar } from "../toolbar/variable-bar";
import { useDashboardSave } from "./dashboard-save";
import { DraftIssuesProvider, useDraftIssues } from "./draft-issues";
import { DashboardConflictReview, DashboardJsonTab, DashboardSettings, PanelEditor } from "./on-demand";
import "../dashboard.css";

export interface DashboardDesignerProps {
  projectId: string;
  uid: string;
  /** The view the address asks for; the dashboard's defaults fill in the rest. */
  view?: UrlView;
  /** The view's "now" as the server planned its previews with; default the browser's clock. */
  now?: number;
  /** The first screen's previews, started by the server while it rendered the page. */
  prefetched?: readonly PrefetchedPreview[];
  /** The grid's size as the browser reported it, when the server laid the grid out with it. */
  reportedGrid?: GridSize;
  /** The viewer's time zone and locale, when the server wrote the charts' times with them. */
  clock?: ViewerClock;
}

/** Moves the view's "now" every refresh interval, so every panel refetches together. */
function useAutoRefresh(): void {
  const { refresh, refreshNow } = useViewState();
  useEffect(() => {
    const ms = refreshIntervalMs(refresh);
    if (!ms) return;
    const timer = setInterval(() => refreshNow(Date.now()), Math.max(ms, 5000));
    return () => clearInterval(timer);
  }, [refresh, refreshNow]);
}

function SaveProblems(): ReactNode {
  const { phase, saveError, failedDraft } = useSaveState();
  const dashboard = useDraftDashboard();
  const issues = useDraftIssues();
  if (phase !== "error" || failedDraft !== dashboard) return null;
  return <SaveProblemsNotice saveError={saveError} issues={issues} />;
}

function LintStatus(): ReactNode {
  const error = useMetricLintError();
  // When the Prometheus cannot be reached, the connection banner says so once.
  const unreachable = usePreviewConnection().unusable.length > 0;
  if (!error || unreachable) return null;
  return (
    <p className="muted small" data-testid="lint-unavailable">
      Metric names are not checked: {error}
    </p>
  );
}

function DesignerBody({ record }: { record: ProjectRecordData }): ReactNode {
  const dashboard = useDraftDashboard();
  const { editingPanelId } = useSelection();
  const { phase } = useSaveState();
  const { dashboardJsonOpen, setDashboardJsonOpen, settingsOpen } = useViewState();
  const history = useHistoryControls();
  const { status, blockingIssues, save } = useDashboardSave();
  const handlers = useMemo(
    () => ({ undo: history.undo, redo: history.redo, save: () => void save() }),
    [history.undo, history.redo, save],
  );
  useEditorShortcuts(handlers);
  useAutoRefresh();
  useViewInUrl();
  const editing =
    editingPanelId !== undefined && dashboard.panels.some((panel) => panel.id === editingPanelId);

  return (
    <div className="dash-designer" data-testid="dashboard-designer" data-dashboard-uid={dashboard.uid}>
      <header className="page-header">
        <div className="breadcrumbs">
          <Link href="/" prefetch={false}>
            Projects
          </Link>{" "}
          /{" "}
          <Link href={`/projects/${record.id}`} prefetch={false}>
            {record.name}
          </Link>{" "}
          /{" "}
          <Link href={`/projects/${record.id}#dashboards`} prefetch={false}>
            Dashboards
          </Link>{" "}
          /
        </div>
        <h1 data-testid="dashboard-title">{dashboard.title}</h1>
        {dashboard.description ? <p className="muted">{dashboard.description}</p> : null}
      </header>
      {/* Prefetching the other pages renders each of them on the server while the panels query. */}
      <ProjectNav id={record.id} prefetch={false} />
      <DashboardToolbar status={status} blockingIssues={blockingIssues} onSave={() => void save()} />
      {phase === "conflict" ? <DashboardConflictReview /> : null}
      <SaveProblems />
      <VariableBar />
      <LintStatus />
      {settingsOpen && !editing ? <DashboardSettings /> : null}
      {dashboardJsonOpen && !editing ? (
        <section className="card dash-json-drawer" aria-label="Dashboard JSON">
          <div className="dash-drawer-bar">
            <strong>Dashboard JSON</strong>
            <button type="button" className="button" onClick={() => setDashboardJsonOpen(false)}>
              Close
            </button>
          </div>
          <DashboardJsonTab />
        </section>
      ) : null}
      <ConnectionBanner projectId={record.id} />
      {editing && editingPanelId !== undefined ? <PanelEditor panelId={editingPanelId} /> : <DashboardGrid />}
    </div>
  );
}

/**
 * `/projects/{id}/dashboards/{uid}`: loads the project once (with this dashboard only among its
 * dashboards: projectForDashboard), then edits a draft of the dashboard in its own store; later
 * refetches of the project never replace the draft.
 */
export function DashboardDesigner({
  projectId,
  uid,
  view,
  now,
  prefetched = [],
  reportedGrid,
  clock,
}: DashboardDesignerProps): ReactNode {
  const project = useProjectForDashboard(projectId, uid);
  const record = project.data;
  if (!record) {
    if (project.error) return <ApiErrorNotice error={project.error} title="Could not load the project" />;
    return <PageLoading label="Loading the dashboard…" />;
  }
  const dashboard = record.project.dashboards.find((entry) => entry.uid === uid);
  if (!dashboard) {
    return (
      <div className="notice notice-error" role="alert" data-testid="dashboard-not-found">
        The project “{record.name}” has no dashboard “{uid}”.{" "}
        <Link href={`/projects/${projectId}#dashboards`}>Back to its dashboards</Link>
      </div>
    );
  }
  return (
    <DashboardStoreProvider
      key={`${projectId}/${uid}`}
      init={{
        projectId,
        version: record.version,
        project: record.project,
        dashboard,
        now: now ?? Date.now(),
        view,
      }}
    >
      <DraftIssuesProvider>
        <VariablesProvider>
          <MetricLintProvider>
            <PreviewConnectionProvider projectId={projectId}>
              <PrefetchedBodiesProvider projectId={projectId} prefetched={prefetched}>
                <ReportedGridSizeContext value={reportedGrid}>
                  <ViewerClockProvider clock={clock}>
                    <DesignerBody record={record} />
                  </ViewerClockProvider>
                </ReportedGridSizeContext>
              </PrefetchedBodiesProvider>
            </PreviewConnectionProvider>
          </MetricLintProvider>
        </VariablesProvider>
      </DraftIssuesProvider>
    </DashboardStoreProvider>
  );
}
