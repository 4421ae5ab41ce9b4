"use client";

import Link from "next/link";
import { type ReactNode, useMemo, useState } from "react";
import { ProjectNav } from "@/components/projects/project-nav";
import { type ProjectRecordData, useProject } from "@/components/projects/use-projects";
import { ConflictReview } from "@/components/section-save/conflict-review";
import { SaveProblemsNotice } from "@/components/section-save/save-problems";
import { SaveStatusBadge } from "@/components/section-save/save-status";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { PageLoading } from "@/components/ui/page-loading";
import { TabList } from "@/components/ui/tab-list";
import { useEditorShortcuts } from "@/components/undo/keyboard-shortcuts";
import { UndoRedoButtons } from "@/components/undo/undo-redo-buttons";
import { type AlertingSection, alertingOf } from "@/lib/model/sections";
import { ImportAlertingDialog } from "../import/import-alerting-dialog";
import { mergeAlerting } from "../model/merge-alerting";
import { type AlertingTab, selectDraft } from "../store/alerting-store";
import {
  AlertingStoreProvider,
  useAlertingIssues,
  useAlertingState,
  useAlertingStoreApi,
} from "../store/store-provider";
import { InhibitTab } from "./inhibit-tab";
import { ReceiversTab } from "./receivers-tab";
import { RouteTreeTab } from "./route-tree-tab";
import { TimeIntervalsTab } from "./time-intervals-tab";
import { useAlertingSave } from "./use-alerting-save";
import "@/components/alerts/alerts.css";
import "../alerting.css";

export interface AlertingEditorProps {
  projectId: string;
  /** `?tab=routes`: the tab to open. */
  tab?: AlertingTab;
}

const TABS: readonly { id: AlertingTab; label: string }[] = [
  { id: "receivers", label: "Receivers" },
  { id: "routes", label: "Route tree" },
  { id: "inhibit", label: "Inhibit rules" },
  { id: "intervals", label: "Time intervals" },
];

/** The section as a 409 sent it, when it is one (the model's schema is checked by the server). */
function sectionFrom(content: unknown): AlertingSection | undefined {
  if (typeof content !== "object" || content === null) return undefined;
  const candidate = content as Partial<AlertingSection>;
  if (!Array.isArray(candidate.receivers) || !candidate.route || !Array.isArray(candidate.inhibitRules))
    return undefined;
  return {
    receivers: candidate.receivers,
    route: candidate.route,
    inhibitRules: candidate.inhibitRules,
    alertmanager: candidate.alertmanager ?? { templates: [], timeIntervals: [] },
  };
}

function SaveProblems(): ReactNode {
  const phase = useAlertingState((state) => state.phase);
  const saveError = useAlertingState((state) => state.saveError);
  const failedDraft = useAlertingState((state) => state.failedDraft);
  const draft = useAlertingState((state) => state.draft);
  const issues = useAlertingIssues();
  if (phase !== "error" || failedDraft !== draft) return null;
  return <SaveProblemsNotice saveError={saveError} issues={issues} />;
}

function EditorBody({ record }: { record: ProjectRecordData }): ReactNode {
  const store = useAlertingStoreApi();
  const tab = useAlertingState((state) => state.tab);
  const setTab = useAlertingState((state) => state.setTab);
  const base = useAlertingState((state) => state.base);
  const canUndo = useAlertingState((state) => state.history.past.length > 0);
  const canRedo = useAlertingState((state) => state.history.future.length > 0);
  const undo = useAlertingState((state) => state.undo);
  const redo = useAlertingState((state) => state.redo);
  const error = useAlertingState((state) => state.saveError);
  const { status, blockingIssues, save } = useAlertingSave();
  const handlers = useMemo(() => ({ undo, redo, save: () => void save() }), [undo, redo, save]);
  useEditorShortcuts(handlers);
  const editor = useMemo(() => ({ store, selectDraft }), [store]);
  const [importing, setImporting] = useState(false);
  const alertingHref = `/projects/${record.id}/alerting`;
  return (
    <div
      className="alerts-editor alerting-editor"
      data-testid="alerting-editor"
      data-base-version={base.version}
    >
      <header className="page-header">
        <div className="breadcrumbs">
          <Link href="/">Projects</Link> / <Link href={`/projects/${record.id}`}>{record.name}</Link> /
        </div>
        <h1>Alerting</h1>
        {/* Not prefetched: those pages ask the project's live Alertmanager. */}
        <nav className="alerting-links" aria-label="Alerting pages">
          <Link href={`${alertingHref}/live`} prefetch={false}>
            Live alerts and silences
          </Link>
          <Link href={`${alertingHref}/simulate`} prefetch={false}>
            Simulate the alert path
          </Link>
        </nav>
      </header>
      <ProjectNav id={record.id} />
      <div className="alerts-toolbar" role="toolbar" aria-label="Alerting configuration">
        <TabList
          label="Alerting view"
          tabs={TABS}
          selected={tab}
          onSelect={setTab}
          testIdPrefix="alerting-tab-"
        />
        <UndoRedoButtons canUndo={canUndo} canRedo={canRedo} undo={undo} redo={redo} />
        <button
          type="button"
          className="button"
          onClick={() => setImporting(true)}
          data-testid="alerting-import-open"
        >
          Import alertmanager.yml
        </button>
        <SaveStatusBadge status={status} blockingIssues={0} version={base.version} error={error} />
        {blockingIssues > 0 ? (
          <span className="badge alerts-error-count" data-testid="alerting-blocking">
            fix {blockingIssues} problem{blockingIssues === 1 ? "" : "s"} to save
          </span>
        ) : null}
        <button
          type="button"
          className="button button-primary"
          onClick={() => void save()}
          disabled={blockingIssues > 0 || status === "saved" || status === "saving"}
          data-testid="save-alerting"
          title="Save (Ctrl+S)"
        >
          Save
        </button>
      </div>
      <ConflictReview
        editor={editor}
        subject="the alerting configuration"
        fromContent={sectionFrom}
        merge={mergeAlerting}
      />
      <ImportAlertingDialog open={importing} onClose={() => setImporting(false)} />
      <SaveProblems />
      {tab === "receivers" ? <ReceiversTab /> : null}
      {tab === "routes" ? <RouteTreeTab /> : null}
      {tab === "inhibit" ? <InhibitTab /> : null}
      {tab === "intervals" ? <TimeIntervalsTab /> : null}
    </div>
  );
}

/**
 * `/projects/{id}/alerting`: loads the project once, then edits a draft of its alerting section
 * (receivers, route tree, inhibit rules, time intervals) in its own store, saved as its own
 * section; later refetches never replace the draft. Viewing writes nothing.
 */
export function AlertingEditor({ projectId, tab }: AlertingEditorProps): ReactNode {
  const project = useProject(projectId);
  const record = project.data;
  if (!record) {
    if (project.error) return <ApiErrorNotice error={project.error} title="Could not load the project" />;
    return <PageLoading label="Loading the alerting configuration…" />;
  }
  return (
    <AlertingStoreProvider
      key={projectId}
      init={{
        projectId,
        project: record.project,
        version: record.version,
        base: alertingOf(record.project),
        tab,
      }}
    >
      <EditorBody record={record} />
    </AlertingStoreProvider>
  );
}
