"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useCreateDashboard, useFetchLatestProject, useProject } from "@/components/projects/use-projects";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { IssueList } from "@/components/ui/issue-list";
import { ApiRequestError } from "@/lib/api/client";
import { PANEL_TYPE_LABELS } from "@/lib/panels/registry";
import { type ImportPreview, importRequest, previewImport } from "./import-preview";
import "../dashboard.css";

export interface ImportDialogProps {
  projectId: string;
  onClose: () => void;
}

function PreviewReport({ preview }: { preview: Extract<ImportPreview, { ok: true }> }): ReactNode {
  const { dashboard, report } = preview;
  const { total, editable, keptRaw } = report.panels;
  return (
    <div className="dash-import-preview" data-testid="import-preview">
      <p>
        <strong data-testid="import-title">{dashboard.title}</strong> (uid <code>{dashboard.uid}</code>
        {preview.renamedFrom ? `, renamed from ${preview.renamedFrom}: the project already has that uid` : ""}
        ):{" "}
        <span data-testid="import-summary">
          {total} panel{total === 1 ? "" : "s"}: <span data-testid="import-panel-count">{editable}</span>{" "}
          editable, {keptRaw} kept as raw JSON
        </span>
        ; {dashboard.variables.length} variables.
      </p>
      <details open>
        <summary>Panels that map ({editable})</summary>
        <ul className="plain-list" data-testid="import-mapped">
          {dashboard.panels.map((panel) => (
            <li key={panel.id}>
              {PANEL_TYPE_LABELS[panel.type]}: {panel.title}
            </li>
          ))}
        </ul>
      </details>
      <details open={report.unmapped.length > 0}>
        <summary>
          Not mapped ({report.unmapped.length}), kept as raw Grafana JSON unless it says otherwise
        </summary>
        <ul className="issue-list" data-testid="import-unmapped">
          {report.unmapped.map((entry) => (
            <li key={`${entry.path}|${entry.what}`}>
              <code>{entry.path}</code> {entry.what}
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>Converted or changed ({report.warnings.length})</summary>
        <ul className="issue-list" data-testid="import-warnings">
          {report.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}

/**
 * Paste or upload a Grafana dashboard JSON, see what maps and what does not, then add it to the
 * project as a new version: a section add (POST /api/projects/{id}/dashboards with the export),
 * which lands on the latest version whatever else was saved meanwhile. Nothing is saved before
 * "Add to project".
 */
export function ImportDialog({ projectId, onClose }: ImportDialogProps): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const project = useProject(projectId);
  const create = useCreateDashboard(projectId);
  const fetchLatest = useFetchLatestProject(projectId);
  const [text, setText] = useState("");
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const record = project.data;
  function runPreview(input: string): void {
    if (!record) return;
    setNotice(null);
    setPreview(input.trim() === "" ? null : previewImport(input, record.project));
  }

  async function add(): Promise<void> {
    if (!record || !preview?.ok) return;
    try {
      const created = await create.mutateAsync(importRequest(preview));
      const uid = (created.content as { uid: string }).uid;
      router.push(`/projects/${projectId}/dashboards/${encodeURIComponent(uid)}`);
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 409) {
        // Someone added a dashboard with this uid meanwhile: preview again on the latest version,
        // which picks a free uid, and let the user confirm.
        const latest = await fetchLatest();
        setPreview(previewImport(text, latest.project));
        setNotice(
          `A dashboard with uid "${preview.dashboard.uid}" was added meanwhile (the project is now at version ${latest.version}); the preview now uses a free uid. Add again to import.`,
        );
        create.reset();
      }
    }
  }

  return (
    <dialog
      ref={ref}
      className="dialog dash-import-dialog"
      aria-labelledby="import-dialog-title"
      data-testid="import-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="import-dialog-title">Import a Grafana dashboard</h2>
      <p className="muted">
        Paste the dashboard JSON (Share → Export → Save to file, or the HTTP API's answer) or upload the file.
      </p>
      <input
        type="file"
        accept="application/json,.json"
        aria-label="Grafana dashboard file"
        data-testid="import-file"
        onChange={async (event) => {
          const file = event.target.files?.[0];
          if (!file) return;
          const content = await file.text();
          setText(content);
          runPreview(content);
        }}
      />
      <textarea
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setPreview(null);
        }}
        placeholder='{"title": "…", "panels": […]}'
        aria-label="Grafana dashboard JSON"
        data-testid="import-json"
      />
      {notice ? <p className="notice notice-warning">{notice}</p> : null}
      {preview && !preview.ok ? (
        <div className="notice notice-error" role="alert" data-testid="import-error">
          {preview.message}
          <IssueList issues={preview.issues} />
        </div>
      ) : null}
      {preview?.ok ? <PreviewReport preview={preview} /> : null}
      <ApiErrorNotice
        error={create.error instanceof ApiRequestError && create.error.status === 409 ? null : create.error}
        title="Could not add the dashboard"
      />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button"
          onClick={() => runPreview(text)}
          disabled={!record || text.trim() === ""}
          data-testid="import-preview-button"
        >
          Preview
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => void add()}
          disabled={!preview?.ok || create.isPending}
          data-testid="import-confirm"
        >
          {create.isPending ? "Adding…" : "Add to project"}
        </button>
      </div>
    </dialog>
  );
}
