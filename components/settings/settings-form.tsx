"use client";

import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { type FieldIssue, issuesAt, toProjectPath, unclaimedIssues } from "@/components/form/field-issues";
import { TextField } from "@/components/form/text-field";
import {
  type ProjectRecordData,
  useFetchLatestProject,
  useUpdateProject,
} from "@/components/projects/use-projects";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { ChoiceSelect, type Choices } from "@/components/ui/choice-select";
import { ApiRequestError } from "@/lib/api/client";
import { ConflictBanner } from "./conflict-banner";
import { DatasourceFields } from "./datasource-fields";
import { ReviewLatest } from "./review-latest";
import {
  applyDraft,
  changedFields,
  DATASOURCE_FIELDS,
  type DatasourceDraft,
  draftFromProject,
  emptyScrapeTargetDraft,
  type LogShipper,
  type RebaseResult,
  rebaseDraft,
  type ScrapeTargetDraft,
  type SettingsDraft,
  saveMessage,
} from "./settings-draft";

export interface SettingsFormProps {
  /** The stored project the form was opened on; later refetches do not reset the draft. */
  initial: ProjectRecordData;
}

/** The version a draft was started from: its number is what the PUT sends. */
interface DraftBase {
  version: number;
  record: ProjectRecordData;
  draft: SettingsDraft;
}

interface Review {
  latest: ProjectRecordData;
  latestDraft: SettingsDraft;
  rebase: RebaseResult;
}

const LOG_SHIPPERS: Choices<LogShipper> = [
  ["alloy", "Grafana Alloy"],
  ["promtail", "Promtail (end of life)"],
];

function baseOf(record: ProjectRecordData): DraftBase {
  return { version: record.version, record, draft: draftFromProject(record.project) };
}

/** Every path the form has a field for, so other issues are listed above it. */
function fieldPaths(draft: SettingsDraft): string[] {
  return [
    "name",
    "environment",
    ...draft.datasources.flatMap((datasource, i) =>
      DATASOURCE_FIELDS[datasource.type].map((field) => `datasources[${i}].${field}`),
    ),
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

/** Warns before leaving the page with unsaved edits. */
function useUnsavedChangesGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent): void => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
}

export function SettingsForm({ initial }: SettingsFormProps): ReactNode {
  const id = initial.id;
  const update = useUpdateProject(id);
  const fetchLatest = useFetchLatestProject(id);
  const [base, setBase] = useState<DraftBase>(() => baseOf(initial));
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFromProject(initial.project));
  const [conflict, setConflict] = useState<{ currentVersion: number | undefined } | null>(null);
  const [review, setReview] = useState<Review | null>(null);
  const [reviewError, setReviewError] = useState<unknown>(null);
  const [reviewLoading, setReviewLoading] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const nextRowKey = useRef(0);

  const dirty = changedFields(base.draft, draft).length > 0;
  useUnsavedChangesGuard(dirty);

  function edit(change: Partial<SettingsDraft>): void {
    setDraft((current) => ({ ...current, ...change }));
    setNotice(null);
  }

  function editDatasource(uid: string, change: Partial<DatasourceDraft>): void {
    setDraft((current) => ({
      ...current,
      datasources: current.datasources.map((d) => (d.uid === uid ? { ...d, ...change } : d)),
    }));
    setNotice(null);
  }

  function editTarget(key: string, change: Partial<ScrapeTargetDraft>): void {
    setDraft((current) => ({
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

  function save(event: FormEvent): void {
    event.preventDefault();
    setNotice(null);
    setIssues([]);
    update.mutate(
      {
        version: base.version,
        project: applyDraft(base.record.project, draft),
        message: saveMessage(base.draft, draft),
      },
      {
        onSuccess: (record) => {
          const saved = baseOf(record);
          setBase(saved);
          setDraft(saved.draft);
          setConflict(null);
          setReview(null);
          setNotice(`Saved as version ${record.version}.`);
        },
        onError: (error) => {
          if (error instanceof ApiRequestError && error.status === 409) {
            setConflict({ currentVersion: error.body.currentVersion });
            setReview(null);
            return;
          }
          if (error instanceof ApiRequestError) {
            setIssues(error.body.issues.map((issue) => ({ ...issue, path: toProjectPath(issue.path) })));
          }
        },
      },
    );
  }

  async function reviewLatest(): Promise<void> {
    setReviewLoading(true);
    setReviewError(null);
    try {
      const latest = await fetchLatest();
      const latestDraft = draftFromProject(latest.project);
      setReview({ latest, latestDraft, rebase: rebaseDraft(base.draft, draft, latestDraft) });
    } catch (error) {
      setReviewError(error);
    } finally {
      setReviewLoading(false);
    }
  }

  function reapply(): void {
    if (!review) return;
    const { latest, rebase } = review;
    setBase(baseOf(latest));
    setDraft(rebase.draft);
    setConflict(null);
    setReview(null);
    setIssues([]);
    update.reset();
    setNotice(`Your changes are now on top of version ${latest.version}. Check them and save.`);
  }

  function discard(): void {
    if (!review) return;
    const latest = baseOf(review.latest);
    setBase(latest);
    setDraft(latest.draft);
    setConflict(null);
    setReview(null);
    setIssues([]);
    update.reset();
    setNotice(`Showing version ${review.latest.version}; your changes were discarded.`);
  }

  const at = (path: string): FieldIssue[] => issuesAt(issues, path);
  const otherIssues = unclaimedIssues(issues, fieldPaths(draft));
  const otherError =
    update.error &&
    !(update.error instanceof ApiRequestError && [400, 409, 422].includes(update.error.status))
      ? update.error
      : null;

  return (
    <form
      className="settings-form"
      onSubmit={save}
      noValidate
      data-testid="settings-form"
      data-base-version={base.version}
    >
      {conflict ? (
        <ConflictBanner
          currentVersion={conflict.currentVersion}
          loading={reviewLoading}
          onReview={() => void reviewLatest()}
        />
      ) : null}
      <ApiErrorNotice error={reviewError} title="Could not load the latest version" />
      {review ? (
        <ReviewLatest
          startedFrom={base.version}
          latestVersion={review.latest.version}
          original={base.draft}
          latest={review.latestDraft}
          mine={draft}
          rebase={review.rebase}
          onReapply={reapply}
          onDiscard={discard}
        />
      ) : null}
      {notice ? (
        <p className="notice notice-success" role="status" data-testid="settings-notice">
          {notice}
        </p>
      ) : null}
      {issues.length > 0 ? (
        <div className="notice notice-error" role="alert" data-testid="settings-issues">
          <strong>{sentence(update.error?.message ?? "the project was not saved")}.</strong> Fix the marked
          fields and save again.
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
      <ApiErrorNotice error={otherError} title="Could not save" />

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
            datasource={datasource}
            issuesAt={(field) => at(`datasources[${index}].${field}`)}
            onChange={(change) => editDatasource(datasource.uid, change)}
          />
        ))}
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
          disabled={update.isPending || !dirty || conflict !== null}
          title={conflict ? "Review the latest version first" : undefined}
          data-testid="save-settings"
        >
          {update.isPending ? "Saving…" : "Save"}
        </button>
        <button
          type="button"
          className="button"
          disabled={!dirty || update.isPending}
          onClick={() => {
            setDraft(base.draft);
            setIssues([]);
            update.reset();
          }}
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
