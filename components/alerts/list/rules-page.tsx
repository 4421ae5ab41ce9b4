"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useMemo, useState } from "react";
import { ConnectionBanner } from "@/components/preview/connection-banner";
import { PreviewConnectionProvider } from "@/components/preview/preview-connection";
import { ProjectSubpageHeader } from "@/components/projects/project-subpage-header";
import { type ProjectRecordData, useProject } from "@/components/projects/use-projects";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageLoading } from "@/components/ui/page-loading";
import { createRuleGroup, deleteSection, saveSection } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/query-keys";
import type { RuleGroup } from "@/lib/model/rule";
import { LiveStateBadge } from "../live/live-state-badge";
import { useLiveRules } from "../live/use-live-rules";
import { liveRuleState } from "../model/live-state";
import { filterRules, labelChoices, NO_FILTER, type RuleFilter, type RuleRow } from "../model/rule-filter";
import { ruleName, withoutRule } from "../model/rule-ops";
import { editorHref } from "./hrefs";
import { ImportRuleFileDialog } from "./import-rule-file-dialog";
import { PanelRuleCard } from "./panel-rule-card";
import "../alerts.css";

export interface RulesPageProps {
  projectId: string;
  /** `?panel=<dashboard uid>:<panel id>`: offer a new rule made from that panel. */
  fromPanel?: { dashboardUid: string; panelId: number };
}

const STATES: readonly [string, string][] = [
  ["", "any state"],
  ["firing", "firing"],
  ["pending", "pending"],
  ["inactive", "inactive"],
  ["recording", "recording"],
  ["not-loaded", "not loaded in Prometheus"],
  ["changed", "another version loaded"],
  ["unavailable", "state unknown"],
];

function Filters({
  filter,
  onChange,
  groups,
}: {
  filter: RuleFilter;
  onChange: (next: RuleFilter) => void;
  groups: readonly RuleGroup[];
}): ReactNode {
  const severities = labelChoices(groups, "severity");
  const categories = labelChoices(groups, "category");
  return (
    <search className="alerts-filters" data-testid="rule-filters">
      <label className="field">
        <span className="field-label">Name</span>
        <input
          value={filter.text}
          onChange={(event) => onChange({ ...filter, text: event.target.value })}
          placeholder="filter by name"
          data-testid="filter-name"
        />
      </label>
      <label className="field">
        <span className="field-label">Severity</span>
        <select
          value={filter.severity}
          onChange={(event) => onChange({ ...filter, severity: event.target.value })}
          data-testid="filter-severity"
        >
          <option value="">any</option>
          {severities.map((value) => (
            <option key={value}>{value}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Category</span>
        <select
          value={filter.category}
          onChange={(event) => onChange({ ...filter, category: event.target.value })}
          data-testid="filter-category"
        >
          <option value="">any</option>
          {categories.map((value) => (
            <option key={value}>{value}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">State</span>
        <select
          value={filter.state}
          onChange={(event) => onChange({ ...filter, state: event.target.value })}
          data-testid="filter-state"
        >
          {STATES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </search>
  );
}

function nameAt(group: RuleGroup, index: number): string {
  const rule = group.rules[index];
  return rule ? ruleName(rule) : `rule ${index + 1}`;
}

type PendingDelete = { kind: "group"; name: string } | { kind: "rule"; group: RuleGroup; index: number };

function RulesBody({
  record,
  fromPanel,
}: {
  record: ProjectRecordData;
  fromPanel: RulesPageProps["fromPanel"];
}): ReactNode {
  const projectId = record.id;
  const router = useRouter();
  const queryClient = useQueryClient();
  const groups = record.project.ruleGroups;
  const live = useLiveRules(projectId);
  const [filter, setFilter] = useState<RuleFilter>(NO_FILTER);
  const [newGroup, setNewGroup] = useState("");
  const [actionError, setActionError] = useState<unknown>(undefined);
  const [pending, setPending] = useState<PendingDelete | undefined>();
  const [busy, setBusy] = useState(false);
  const [importing, setImporting] = useState(false);

  const rows = useMemo<RuleRow[]>(
    () =>
      groups.flatMap((group) =>
        group.rules.map((rule, index) => ({
          groupName: group.name,
          index,
          rule,
          live: liveRuleState(group.name, rule, live.data),
        })),
      ),
    [groups, live.data],
  );
  const shown = useMemo(() => filterRules(rows, filter), [rows, filter]);
  const filtering =
    filter.text !== "" || filter.severity !== "" || filter.category !== "" || filter.state !== "";

  const refresh = (): Promise<void> =>
    queryClient.invalidateQueries({ queryKey: queryKeys.project(projectId) });

  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setActionError(undefined);
    try {
      await action();
      await refresh();
      return true;
    } catch (error) {
      setActionError(error);
      await refresh();
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function createGroup(event: FormEvent): Promise<void> {
    event.preventDefault();
    const name = newGroup.trim();
    if (name === "") return;
    if (await run(() => createRuleGroup(projectId, { name }))) {
      setNewGroup("");
      router.push(editorHref(projectId, name));
    }
  }

  async function confirmDelete(): Promise<void> {
    if (!pending) return;
    const target = pending;
    const ok = await run(() =>
      target.kind === "group"
        ? deleteSection(projectId, { kind: "rule-group", name: target.name }, record.version)
        : saveSection(
            projectId,
            { kind: "rule-group", name: target.group.name },
            {
              version: record.version,
              content: withoutRule(target.group, target.index),
              message: `deleted rule ${nameAt(target.group, target.index)} from ${target.group.name}`,
            },
          ),
    );
    if (ok) setPending(undefined);
  }

  return (
    <PreviewConnectionProvider projectId={projectId}>
      <div className="alerts-page" data-testid="alerts-page">
        <ProjectSubpageHeader record={record} title="Alerts" />
        <ConnectionBanner projectId={projectId} />
        {actionError ? <ApiErrorNotice error={actionError} title="Not done" /> : null}
        {fromPanel ? (
          <PanelRuleCard record={record} dashboardUid={fromPanel.dashboardUid} panelId={fromPanel.panelId} />
        ) : null}
        <form
          className="alerts-new-group card"
          onSubmit={(event) => void createGroup(event)}
          data-testid="new-group-form"
        >
          <label className="field">
            <span className="field-label">New rule group</span>
            <input
              value={newGroup}
              onChange={(event) => setNewGroup(event.target.value)}
              placeholder="e.g. api availability"
              data-testid="new-group-name"
            />
          </label>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || newGroup.trim() === ""}
            data-testid="create-group"
          >
            Create group
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setImporting(true)}
            data-testid="import-rule-file-open"
          >
            Import rule file
          </button>
        </form>
        <ImportRuleFileDialog projectId={projectId} open={importing} onClose={() => setImporting(false)} />
        <Filters filter={filter} onChange={setFilter} groups={groups} />
        {live.error ? (
          <p className="muted small" data-testid="live-state-error">
            Live state unavailable: {live.error}
          </p>
        ) : null}
        {groups.length === 0 ? (
          <p className="empty">
            No rule groups yet: create one, then add rules from the catalog or a dashboard panel.
          </p>
        ) : null}
        {groups.map((group) => {
          const groupRows = shown.filter((row) => row.groupName === group.name);
          if (filtering && groupRows.length === 0) return null;
          return (
            <section
              key={group.name}
              className="alerts-group card"
              data-testid="rule-group"
              data-group={group.name}
              aria-label={`Rule group ${group.name}`}
            >
              <div className="alerts-group-header">
                <h2>
                  <Link href={editorHref(projectId, group.name)} data-testid="edit-group">
                    {group.name}
                  </Link>
                </h2>
                <span className="muted small">
                  {group.rules.length} rule{group.rules.length === 1 ? "" : "s"}
                  {group.interval ? ` · every ${group.interval}` : ""}
                </span>
                <Link
                  className="button button-small"
                  href={editorHref(projectId, group.name, { add: "alert" })}
                  data-testid="group-add-alert"
                >
                  New alert rule
                </Link>
                <Link
                  className="button button-small"
                  href={editorHref(projectId, group.name, { add: "record" })}
                  data-testid="group-add-record"
                >
                  New recording rule
                </Link>
                <button
                  type="button"
                  className="button button-small button-danger-outline"
                  onClick={() => setPending({ kind: "group", name: group.name })}
                  data-testid="delete-group"
                >
                  Delete group
                </button>
              </div>
              {groupRows.length === 0 ? (
                <p className="empty">No rules in this group.</p>
              ) : (
                <table className="alerts-table">
                  <thead>
                    <tr>
                      <th>Rule</th>
                      <th>Severity</th>
                      <th>Category</th>
                      <th>For</th>
                      <th>State</th>
                      <th>
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {groupRows.map((row) => (
                      <tr key={row.index} data-testid="rule-row" data-rule-name={ruleName(row.rule)}>
                        <td>
                          <Link href={editorHref(projectId, group.name, { rule: row.index })}>
                            <code>{ruleName(row.rule)}</code>
                          </Link>
                          {row.rule.kind === "record" ? <span className="badge">recording</span> : null}
                          {row.rule.enabled ? null : <span className="badge">disabled</span>}
                        </td>
                        <td>
                          {row.rule.labels.severity ? (
                            <span className={`severity severity-${row.rule.labels.severity}`}>
                              {row.rule.labels.severity}
                            </span>
                          ) : (
                            <span className="muted">—</span>
                          )}
                        </td>
                        <td>{row.rule.labels.category ?? <span className="muted">—</span>}</td>
                        <td>
                          {row.rule.kind === "alert" ? (
                            (row.rule.for ?? "0s")
                          ) : (
                            <span className="muted">—</span>
                          )}
                        </td>
                        <td>
                          <LiveStateBadge state={row.live} />
                        </td>
                        <td>
                          <button
                            type="button"
                            className="button button-small button-danger-outline"
                            onClick={() => setPending({ kind: "rule", group, index: row.index })}
                            aria-label={`Delete rule ${ruleName(row.rule)}`}
                            data-testid="delete-rule"
                          >
                            Delete
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          );
        })}
        <ConfirmDialog
          open={pending !== undefined}
          title={pending?.kind === "group" ? `Delete the group “${pending.name}”?` : "Delete this rule?"}
          confirmLabel="Delete"
          danger
          pending={busy}
          onConfirm={() => void confirmDelete()}
          onCancel={() => setPending(undefined)}
          testId="confirm-delete"
        >
          {pending?.kind === "group"
            ? "The group and all its rules leave the project (the history keeps them)."
            : pending
              ? `The rule ${nameAt(pending.group, pending.index)} leaves the group ${pending.group.name}.`
              : null}
        </ConfirmDialog>
      </div>
    </PreviewConnectionProvider>
  );
}

/** `/projects/{id}/alerts`: every rule group and rule, filtered, with its live state. */
export function RulesPage({ projectId, fromPanel }: RulesPageProps): ReactNode {
  const project = useProject(projectId);
  if (project.data) return <RulesBody record={project.data} fromPanel={fromPanel} />;
  if (project.error) return <ApiErrorNotice error={project.error} title="Could not load the project" />;
  return <PageLoading label="Loading the alert rules…" />;
}
