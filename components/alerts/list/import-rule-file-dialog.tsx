"use client";

import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { importRuleFile } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/query-keys";

export interface ImportRuleFileDialogProps {
  projectId: string;
  open: boolean;
  onClose: () => void;
}

/** One pasted text or uploaded file, and what importing it gave. */
type Outcome = { source: string; report: string[] } | { source: string; error: unknown };

/**
 * Pasted text and uploaded Prometheus rule files (or PrometheusRule resources), each imported on
 * its own (all its groups or none), so a problem's line number is that file's and a bad file does
 * not hold back the others.
 */
export function ImportRuleFileDialog({ projectId, open, onClose }: ImportRuleFileDialogProps): ReactNode {
  const queryClient = useQueryClient();
  const [pasted, setPasted] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [busy, setBusy] = useState(false);

  async function importAll(): Promise<void> {
    setBusy(true);
    const sources: { source: string; text: () => Promise<string> }[] = [
      ...(pasted.trim() === "" ? [] : [{ source: "pasted text", text: async () => pasted }]),
      ...files.map((file) => ({ source: file.name, text: () => file.text() })),
    ];
    const results: Outcome[] = [];
    try {
      for (const { source, text } of sources) {
        try {
          const imported = await importRuleFile(projectId, await text());
          results.push({ source, report: imported.report });
        } catch (error) {
          results.push({ source, error });
        }
      }
      setOutcomes(results);
      if (results.every((outcome) => "report" in outcome)) {
        setPasted("");
        setFiles([]);
      }
    } finally {
      await queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId) });
      setBusy(false);
    }
  }

  function close(): void {
    setOutcomes([]);
    onClose();
  }

  return (
    <ConfirmDialog
      open={open}
      title="Import rule files"
      confirmLabel="Import"
      confirmDisabled={pasted.trim() === "" && files.length === 0}
      pending={busy}
      onConfirm={() => void importAll()}
      onCancel={close}
      testId="import-rule-file"
    >
      <p className="muted small">
        Prometheus rule files (<code>groups:</code>) or PrometheusRule resources: every group becomes a new
        rule group, labels and annotations as written. A file with a group name the project has is not
        imported.
      </p>
      <label className="field">
        <span className="field-label">Paste YAML</span>
        <textarea
          value={pasted}
          onChange={(event) => setPasted(event.target.value)}
          rows={10}
          spellCheck={false}
          placeholder={"groups:\n  - name: api\n    rules: …"}
          data-testid="import-rule-file-text"
        />
      </label>
      <label className="field">
        <span className="field-label">Or upload files</span>
        <input
          type="file"
          multiple
          accept=".yml,.yaml,.json,text/yaml,application/json"
          onChange={(event) => setFiles([...(event.target.files ?? [])])}
          data-testid="import-rule-file-input"
        />
      </label>
      {outcomes.map((outcome) =>
        "report" in outcome ? (
          <div key={outcome.source} className="notice" data-testid="import-rule-file-report">
            <strong>{outcome.source}: imported</strong>
            <pre className="small">{outcome.report.join("\n")}</pre>
          </div>
        ) : (
          <ApiErrorNotice
            key={outcome.source}
            error={outcome.error}
            title={`${outcome.source}: not imported`}
          />
        ),
      )}
    </ConfirmDialog>
  );
}
