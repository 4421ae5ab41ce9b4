"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { type AlertingImport, previewAlertingImport } from "@/lib/api/alerting-import-client";
import { useAlertingState } from "../store/store-provider";
import { ImportReport } from "./import-report";
import "./import.css";

export interface ImportAlertingDialogProps {
  open: boolean;
  onClose: () => void;
}

/** What reading the text gave: the section and its report, or why it cannot be imported. */
type Outcome = { text: string; imported: AlertingImport } | { text: string; error: unknown };

/**
 * "Import alertmanager.yml": paste the file or choose it, read it on the server (the importer the
 * CLI uses; nothing is saved, and literal secrets never come back to the page), see what it
 * becomes, then replace the draft with it as one undoable edit. The usual Save stores it, with the
 * usual conflict review; its secrets are stored encrypted then.
 */
export function ImportAlertingDialog({ open, onClose }: ImportAlertingDialogProps): ReactNode {
  const projectId = useAlertingState((state) => state.projectId);
  const edit = useAlertingState((state) => state.edit);
  const selectReceiver = useAlertingState((state) => state.selectReceiver);
  const selectRoute = useAlertingState((state) => state.selectRoute);
  const [text, setText] = useState("");
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState<string | undefined>();
  const pending = useRef<AbortController | undefined>(undefined);

  useEffect(() => () => pending.current?.abort(), []);

  // A report describes the text it was made from: once the text changes it is read again.
  const current = outcome?.text === text ? outcome : undefined;
  const imported = current && "imported" in current ? current.imported : undefined;

  async function read(): Promise<void> {
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setBusy(true);
    try {
      setOutcome({ text, imported: await previewAlertingImport(projectId, text, controller.signal) });
    } catch (error) {
      if (!controller.signal.aborted) setOutcome({ text, error });
    } finally {
      if (pending.current === controller) setBusy(false);
    }
  }

  function reset(): void {
    pending.current?.abort();
    setBusy(false);
    setText("");
    setOutcome(undefined);
    setFileError(undefined);
  }

  function replace(section: AlertingImport["content"]): void {
    edit(() => section);
    selectReceiver(section.receivers.length > 0 ? 0 : undefined);
    selectRoute([]);
    reset();
    onClose();
  }

  async function choose(file: File | undefined): Promise<void> {
    if (!file) return;
    try {
      setText(await file.text());
      setFileError(undefined);
    } catch (error) {
      setFileError(`${file.name} cannot be read: ${(error as Error).message}`);
    }
  }

  return (
    <ConfirmDialog
      open={open}
      title="Import alertmanager.yml"
      confirmLabel={imported ? "Replace alerting configuration" : "Read the file"}
      confirmDisabled={text.trim() === ""}
      pending={busy}
      onConfirm={() => (imported ? replace(imported.content) : void read())}
      onCancel={() => {
        reset();
        onClose();
      }}
      testId="alerting-import"
    >
      <p className="muted small">
        An Alertmanager configuration (global settings, route tree, receivers, inhibit rules, time intervals,
        templates) replaces this project's alerting configuration in the editor. Nothing changes until you
        replace it; it is stored when you save, and Undo takes it back before that.
      </p>
      <label className="field">
        <span className="field-label">alertmanager.yml</span>
        <textarea
          className="alerting-import-text"
          value={text}
          onChange={(event) => setText(event.target.value)}
          spellCheck={false}
          placeholder={"route:\n  receiver: ops\nreceivers:\n  - name: ops\n    slack_configs: …"}
          data-testid="alerting-import-text"
        />
      </label>
      <label className="field">
        <span className="field-label">Or choose a file</span>
        <input
          type="file"
          accept=".yml,.yaml,text/yaml,application/yaml"
          onChange={(event) => void choose(event.target.files?.[0])}
          data-testid="alerting-import-file"
        />
      </label>
      {fileError ? (
        <p className="notice notice-error" role="alert">
          {fileError}
        </p>
      ) : null}
      {current && "error" in current ? <ApiErrorNotice error={current.error} title="Not imported" /> : null}
      {imported ? <ImportReport report={imported.report} /> : null}
    </ConfirmDialog>
  );
}
