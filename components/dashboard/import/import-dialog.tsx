"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useFetchLatestProject, useProject, useUpdateProject } from "@/components/projects/use-projects";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { ApiRequestError } from "@/lib/api/client";
import { PANEL_TYPE_LABELS } from "@/lib/panels/registry";
import { type ImportPreview, previewImport, withImportedDashboard } from "./import-preview";
import "../dashboard.css";

export interface ImportDialogProps {
  projectId: string;
  onClose: () => void;
}

function PreviewReport({ preview }: { preview: Extract<ImportPreview, { ok: true }> }): ReactNode {
  const { dashboard, result } = preview;
  const panels = dashboard.panels.filter((panel) => panel.type !== "row");
  return (
    <div className="dash-import-preview" data-testid="import-preview">
      <p>
        <strong data-testid="import-title">{dashboard.title}</strong> (uid <code>{dashboard.uid}</code>
        {preview.renamedFrom ? `, renamed from ${preview.renamedFrom}: the project already has that uid` : ""}
        ): <span data-testid="import-panel-count">{panels.length}</span> panels, {dashboard.variables.length}{" "}
        variables.
      </p>
      <details open>
        <summary>Panels that map ({panels.length})</summary>
        <ul className="plain-list" data-testid="import-mapped">
          {dashboard.panels.map((panel) => (
            <li key={panel.id}>
              {PANEL_TYPE_LABELS[panel.type]}: {panel.title}
            </li>
          ))}
        </ul>
      </details>
      <details open={result.unmapped.length > 0}>
        <summary>Not mapped ({result.unmapped.length}), kept as raw Grafana JSON</summary>
        <ul className="issue-list" data-testid="import-unmapped">
          {result.unmapped.map((entry) => (
            <li key={`${entry.path}|${entry.what}`}>
              <code>{entry.path}</code> {entry.what}
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>Warnings ({result.warnings.length})</summary>
        <ul className="issue-list" data-testid="import-warnings">
          {result.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}

/**
 * Paste or upload a Grafana dashboard JSON, see what maps and what does not, then add it to the
 * project as a new version. Nothing is saved before "Add to project".
 */
export function ImportDialog({ projectId, onClose }: ImportDialogProps): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const project = useProject(projectId);
  const update = useUpdateProject(projectId);
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
      await update.mutateAsync({
        version: record.version,
        project: withImportedDashboard(record.project, preview.dashboard),
        message: `Imported Grafana dashboard "${preview.dashboard.title}"`,
      });
      router.push(`/projects/${projectId}/dashboards/${encodeURIComponent(preview.dashboard.uid)}`);
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 409) {
        // Adding a dashboard changes nothing else; preview again on the newer version and let the user confirm.
        const latest = await fetchLatest();
        setPreview(previewImport(text, latest.project));
        setNotice(
          `The project was saved meanwhile (now version ${latest.version}); the preview is now against it. Add again to import.`,
        );
        update.reset();
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
          {preview.issues.length > 0 ? (
            <ul className="issue-list">
              {preview.issues.map((issue) => (
                <li key={`${issue.path}|${issue.message}`}>
                  <code>{issue.path}</code> {issue.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {preview?.ok ? <PreviewReport preview={preview} /> : null}
      <ApiErrorNotice
        error={update.error instanceof ApiRequestError && update.error.status === 409 ? null : update.error}
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
          disabled={!preview?.ok || update.isPending}
          data-testid="import-confirm"
        >
          {update.isPending ? "Adding…" : "Add to project"}
        </button>
      </div>
    </dialog>
  );
}
