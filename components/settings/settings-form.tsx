"use client";

import { type FormEvent, type ReactNode, useMemo, useRef, useState } from "react";
import { useStore } from "zustand";
import { type FieldIssue, issuesAt, unclaimedIssues } from "@/components/form/field-issues";
import { TextField } from "@/components/form/text-field";
import type { ProjectRecordData } from "@/components/projects/use-projects";
import { ConflictReview } from "@/components/section-save/conflict-review";
import { useSectionSave } from "@/components/section-save/use-section-save";
import { ChoiceSelect, type Choices } from "@/components/ui/choice-select";
import { useEditorShortcuts } from "@/components/undo/keyboard-shortcuts";
import { DatasourceFields } from "./datasource-fields";
import { ReviewLatest } from "./review-latest";
import {
  applyDraft,
  DATASOURCE_FIELDS,
  type DatasourceDraft,
  emptyScrapeTargetDraft,
  type LogShipper,
  rebaseDraft,
  type ScrapeTargetDraft,
  type SettingsDraft,
  saveMessage,
} from "./settings-draft";
import {
  createSettingsStore,
  mergeSettings,
  sameSettings,
  selectSettingsEdit,
  settingsContent,
  settingsEditFrom,
  settingsEditOf,
} from "./settings-store";

export interface SettingsFormProps {
  /** The stored project the form was opened on; later refetches do not reset the draft. */
  initial: ProjectRecordData;
}

const LOG_SHIPPERS: Choices<LogShipper> = [
  ["alloy", "Grafana Alloy"],
  ["promtail", "Promtail (end of life)"],
];

/** Every path the form has a field for, so other issues are listed above it. */
function fieldPaths(draft: SettingsDraft): string[] {
  return [
    "name",
    "environment",
    ...draft.datasources.flatMap((datasource, i) =>
      DATASOURCE_FIELDS[datasource.type].map((field) => `datasources[${i}].${field}`),
    ),
    "alertmanagerUrl",
    ...draft.scrapeTargets.map((_t, i) => `scrapeTargets[${i}]`),
    "scrapeTargets",
    "retention.metrics",
    "retention.logs",
    "logs.shipper",
  ];
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function SettingsForm({ initial }: SettingsFormProps): ReactNode {
  const id = initial.id;
  const [store] = useState(() => createSettingsStore(initial.version, initial.project));
  const editor = useMemo(() => ({ store, selectDraft: selectSettingsEdit }), [store]);
  const section = useMemo(() => ({ kind: "settings" }) as const, []);
  const { form: draft, project } = useStore(store, selectSettingsEdit);
  const base = useStore(store, (state) => state.base);
  const phase = useStore(store, (state) => state.phase);
  const saveError = useStore(store, (state) => state.saveError);
  const serverIssues = useStore(store, (state) => state.serverIssues);
  const [notice, setNotice] = useState<string | null>(null);
  const nextRowKey = useRef(0);
  // Warns before leaving with unsaved edits, too.
  const { save: saveSection } = useSectionSave({
    projectId: id,
    section,
    editor,
    toContent: settingsContent,
    same: sameSettings,
  });
  const issues: FieldIssue[] = phase === "error" ? serverIssues : [];
  const dirty = !sameSettings({ form: draft, project }, base.draft);

  function edit(change: Partial<SettingsDraft>): void {
    store.getState().setForm((current) => ({ ...current, ...change }));
    setNotice(null);
  }

  function editDatasource(uid: string, change: Partial<DatasourceDraft>): void {
    store.getState().setForm((current) => ({
      ...current,
      datasources: current.datasources.map((d) => (d.uid === uid ? { ...d, ...change } : d)),
    }));
    setNotice(null);
  }

  function editTarget(key: string, change: Partial<ScrapeTargetDraft>): void {
    store.getState().setForm((current) => ({
      ...current,
      scrapeTargets: current.scrapeTargets.map((row) => (row.key === key ? { ...row, ...change } : row)),
    }));
    setNotice(null);
  }

  function addTarget(): void {
    nextRowKey.current += 1;
    edit({ scrapeTargets: [...draft.scrapeTargets, emptyScrapeTargetDraft(`new-${nextRowKey.current}`)] });
  }

  function removeTarget(key: string): void {
    edit({ scrapeTargets: draft.scrapeTargets.filter((row) => row.key !== key) });
  }

  async function save(event?: FormEvent): Promise<void> {
    event?.preventDefault();
    setNotice(null);
    const outcome = await saveSection(saveMessage(base.draft.form, draft));
    if (outcome.kind === "saved") {
      // The form shows what is stored now: trimmed, split and defaulted as the model keeps it.
      const stored = settingsEditOf(applyDraft(project, draft));
      store.getState().saved({ version: outcome.version, draft: stored });
      store.getState().setForm(() => stored.form);
      setNotice(`Saved as version ${outcome.version}.`);
    }
  }
  // Ctrl+S saves the form as it is when pressed.
  const saveNow = useRef(save);
  saveNow.current = save;
  useEditorShortcuts(useMemo(() => ({ save: () => void saveNow.current() }), []));

  const at = (path: string): FieldIssue[] => issuesAt(issues, path);
  const otherIssues = unclaimedIssues(issues, fieldPaths(draft));
  const otherError = phase === "error" && issues.length === 0 ? saveError : null;

  return (
    <form
      className="settings-form"
      onSubmit={(event) => void save(event)}
      noValidate
      data-testid="settings-form"
      data-base-version={base.version}
    >
      <ConflictReview
        editor={editor}
        subject="the settings"
        fromContent={(content) => settingsEditFrom(project, content)}
        merge={mergeSettings}
        renderDetails={(review) =>
          review.theirs && review.merge ? (
            <ReviewLatest
              startedFrom={review.startedFrom}
              latestVersion={review.latestVersion}
              original={review.base.form}
              latest={review.theirs.form}
              mine={review.mine.form}
              rebase={rebaseDraft(review.base.form, review.mine.form, review.theirs.form)}
            />
          ) : null
        }
      />
      {notice ? (
        <p className="notice notice-success" role="status" data-testid="settings-notice">
          {notice}
        </p>
      ) : null}
      {issues.length > 0 ? (
        <div className="notice notice-error" role="alert" data-testid="settings-issues">
          <strong>{sentence(saveError ?? "the project was not saved")}.</strong> Fix the marked fields and
          save again.
          {otherIssues.length > 0 ? (
            <ul className="issue-list">
              {otherIssues.map((issue, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity; the list is replaced whole
                <li key={index}>
                  <code>{issue.path}</code> {issue.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {otherError ? (
        <p className="notice notice-error" role="alert">
          <strong>Could not save: </strong>
          {otherError}
        </p>
      ) : null}

      <fieldset className="card">
        <legend>Project</legend>
        <div className="field-row">
          <TextField
            label="Name"
            value={draft.name}
            onChange={(name) => edit({ name })}
            issues={at("name")}
            testId="settings-name"
          />
          <TextField
            label="Environment"
            value={draft.environment}
            onChange={(environment) => edit({ environment })}
            issues={at("environment")}
            hint="Added as the env label, e.g. production or staging."
            testId="settings-environment"
          />
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>Datasources</legend>
        {draft.datasources.length === 0 ? <p className="empty">This project has no datasources.</p> : null}
        {draft.datasources.map((datasource, index) => (
          <DatasourceFields
            key={datasource.uid}
            projectId={id}
            datasource={datasource}
            issuesAt={(field) => at(`datasources[${index}].${field}`)}
            onChange={(change) => editDatasource(datasource.uid, change)}
          />
        ))}
        <TextField
          label="Alertmanager URL"
          value={draft.alertmanagerUrl}
          onChange={(alertmanagerUrl) => edit({ alertmanagerUrl })}
          issues={at("alertmanagerUrl")}
          placeholder="http://127.0.0.1:9093"
          hint="Where Obsforge's server reaches a running Alertmanager for live alerts and silences. Empty for none."
          testId="settings-alertmanager-url"
        />
      </fieldset>

      <fieldset className="card">
        <legend>Scrape targets</legend>
        <p className="field-hint">
          Targets are <code>host:port</code>, separated by commas. An empty interval uses the global scrape
          interval.
        </p>
        {issuesAt(issues, "scrapeTargets")
          .filter((issue) => issue.path === "scrapeTargets")
          .map((issue) => (
            <p key={issue.message} className="field-issues">
              {issue.message}
            </p>
          ))}
        {draft.scrapeTargets.length === 0 ? <p className="empty">No scrape targets.</p> : null}
        {draft.scrapeTargets.map((row, index) => {
          const path = `scrapeTargets[${index}]`;
          const rowLevel = issues.filter(
            (issue) =>
              issuesAt([issue], path).length > 0 &&
              !["job", "targets", "metricsPath", "interval"].some(
                (f) => issuesAt([issue], `${path}.${f}`).length > 0,
              ),
          );
          return (
            <div key={row.key} className="scrape-row" data-testid="scrape-target-row">
              <TextField
                label="Job"
                value={row.job}
                onChange={(job) => editTarget(row.key, { job })}
                issues={at(`${path}.job`)}
                testId={`scrape-${index}-job`}
              />
              <TextField
                label="Targets"
                value={row.targets}
                onChange={(targets) => editTarget(row.key, { targets })}
                issues={at(`${path}.targets`)}
                testId={`scrape-${index}-targets`}
                className="wide"
              />
              <TextField
                label="Metrics path"
                value={row.metricsPath}
                onChange={(metricsPath) => editTarget(row.key, { metricsPath })}
                issues={at(`${path}.metricsPath`)}
                testId={`scrape-${index}-path`}
              />
              <TextField
                label="Interval"
                value={row.interval}
                onChange={(interval) => editTarget(row.key, { interval })}
                issues={at(`${path}.interval`)}
                placeholder="global"
                testId={`scrape-${index}-interval`}
              />
              <button
                type="button"
                className="button button-small"
                onClick={() => removeTarget(row.key)}
                aria-label={`Remove scrape target ${row.job || index + 1}`}
              >
                Remove
              </button>
              {rowLevel.length > 0 ? (
                <ul className="field-issues row-issues">
                  {rowLevel.map((issue, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity; the list is replaced whole
                    <li key={i}>{issue.message}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          );
        })}
        <button
          type="button"
          className="button button-small"
          onClick={addTarget}
          data-testid="add-scrape-target"
        >
          Add scrape target
        </button>
      </fieldset>

      <fieldset className="card">
        <legend>Retention and logs</legend>
        <div className="field-row">
          <TextField
            label="Metrics retention"
            value={draft.metricsRetention}
            onChange={(metricsRetention) => edit({ metricsRetention })}
            issues={at("retention.metrics")}
            hint="A Prometheus duration, e.g. 30d"
            testId="settings-metrics-retention"
          />
          <TextField
            label="Logs retention"
            value={draft.logsRetention}
            onChange={(logsRetention) => edit({ logsRetention })}
            issues={at("retention.logs")}
            hint="e.g. 30d"
            testId="settings-logs-retention"
          />
          <div className="field">
            <label className="field-label" htmlFor="settings-log-shipper">
              Log shipper
            </label>
            <ChoiceSelect
              id="settings-log-shipper"
              value={draft.logShipper}
              choices={LOG_SHIPPERS}
              onChange={(logShipper) => edit({ logShipper })}
              testId="settings-log-shipper"
            />
            {at("logs.shipper").map((issue) => (
              <span key={issue.message} className="field-issues">
                {issue.message}
              </span>
            ))}
          </div>
        </div>
      </fieldset>

      <div className="actions sticky-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={phase === "saving" || !dirty || phase === "conflict"}
          title={phase === "conflict" ? "Review the latest version first" : undefined}
          data-testid="save-settings"
        >
          {phase === "saving" ? "Saving…" : "Save"}
        </button>
        <button
          type="button"
          className="button"
          disabled={!dirty || phase === "saving"}
          onClick={() => store.getState().rebase(base, base.draft)}
        >
          Undo changes
        </button>
        <span className="muted small" data-testid="dirty-state">
          {dirty ? "Unsaved changes" : "No unsaved changes"}
        </span>
      </div>
    </form>
  );
}
