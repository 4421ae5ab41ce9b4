"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { ConnectionBanner } from "@/components/preview/connection-banner";
import { PreviewConnectionProvider } from "@/components/preview/preview-connection";
import { ProjectNav } from "@/components/projects/project-nav";
import { type ProjectRecordData, useProject } from "@/components/projects/use-projects";
import { ConflictReview } from "@/components/section-save/conflict-review";
import { SaveProblemsNotice } from "@/components/section-save/save-problems";
import { SaveStatusBadge } from "@/components/section-save/save-status";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { PageLoading } from "@/components/ui/page-loading";
import { ProblemCountBadge } from "@/components/ui/problem-count-badge";
import { TabList } from "@/components/ui/tab-list";
import { useEditorShortcuts } from "@/components/undo/keyboard-shortcuts";
import { UndoRedoButtons } from "@/components/undo/undo-redo-buttons";
import { type Rule, type RuleGroup, RuleGroupSchema } from "@/lib/model/rule";
import { LiveStateBadge } from "../live/live-state-badge";
import { useLiveRules } from "../live/use-live-rules";
import { liveRuleState } from "../model/live-state";
import { mergeGroups } from "../model/merge-groups";
import { newAlertRule, newRecordingRule, ruleName, withRule } from "../model/rule-ops";
import type { GroupEditorTab, RuleGroupState } from "../store/rule-group-store";
import {
  RuleGroupStoreProvider,
  useGroupIssues,
  useRuleGroupState,
  useRuleGroupStoreApi,
} from "../store/store-provider";
import { CatalogPicker } from "./catalog-picker";
import { GroupSettings } from "./group-settings";
import { RuleForm } from "./rule-form";
import { useGroupSave } from "./use-group-save";
import { YamlTab } from "./yaml-tab";
import "../alerts.css";

export interface RuleGroupEditorProps {
  projectId: string;
  groupName: string;
  /** The rule to open (`?rule=2`). */
  selectedRule?: number;
  /** `?add=alert|record`: a new rule added to the draft when the editor opens. */
  add?: "alert" | "record";
}

const TABS: readonly { id: GroupEditorTab; label: string }[] = [
  { id: "form", label: "Form" },
  { id: "yaml", label: "YAML" },
];

function groupFrom(content: unknown): RuleGroup | undefined {
  const parsed = RuleGroupSchema.safeParse(content);
  return parsed.success ? parsed.data : undefined;
}

function SaveProblems(): ReactNode {
  const phase = useRuleGroupState((state) => state.phase);
  const saveError = useRuleGroupState((state) => state.saveError);
  const failedDraft = useRuleGroupState((state) => state.failedDraft);
  const group = useRuleGroupState((state) => state.group);
  const issues = useGroupIssues();
  if (phase !== "error" || failedDraft !== group) return null;
  return <SaveProblemsNotice saveError={saveError} issues={issues} />;
}

function RuleList(): ReactNode {
  const projectId = useRuleGroupState((state) => state.projectId);
  const group = useRuleGroupState((state) => state.group);
  const selected = useRuleGroupState((state) => state.selectedRule);
  const selectRule = useRuleGroupState((state) => state.selectRule);
  const deleteRule = useRuleGroupState((state) => state.deleteRule);
  const issues = useGroupIssues();
  const live = useLiveRules(projectId);
  return (
    <nav className="alerts-rule-list" aria-label="Rules of the group" data-testid="group-rule-list">
      {group.rules.length === 0 ? <p className="empty">No rules yet.</p> : null}
      <ul>
        {group.rules.map((rule, index) => {
          const errors = issues.filter(
            (issue) => issue.severity === "error" && issue.path.startsWith(`rules[${index}]`),
          ).length;
          return (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: two rules may share a name while being typed
              key={index}
              className={index === selected ? "active" : undefined}
              data-testid="group-rule"
              data-rule-name={ruleName(rule)}
            >
              <button
                type="button"
                className="alerts-rule-pick"
                onClick={() => selectRule(index)}
                aria-current={index === selected || undefined}
              >
                <code>{ruleName(rule) || "(unnamed)"}</code>
                {rule.kind === "record" ? <span className="badge">recording</span> : null}
                {rule.enabled ? null : <span className="badge">disabled</span>}
                <ProblemCountBadge count={errors} />
              </button>
              <LiveStateBadge state={liveRuleState(group.name, rule, live.data)} />
              <button
                type="button"
                className="button button-small button-danger-outline"
                onClick={() => deleteRule(index)}
                aria-label={`Delete rule ${ruleName(rule)}`}
                data-testid="group-rule-delete"
              >
                Delete
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function EditorBody({ record }: { record: ProjectRecordData }): ReactNode {
  const store = useRuleGroupStoreApi();
  const group = useRuleGroupState((state) => state.group);
  const tab = useRuleGroupState((state) => state.tab);
  const setTab = useRuleGroupState((state) => state.setTab);
  const selected = useRuleGroupState((state) => state.selectedRule);
  const addRule = useRuleGroupState((state) => state.addRule);
  const base = useRuleGroupState((state) => state.base);
  const canUndo = useRuleGroupState((state) => state.history.past.length > 0);
  const canRedo = useRuleGroupState((state) => state.history.future.length > 0);
  const undo = useRuleGroupState((state) => state.undo);
  const redo = useRuleGroupState((state) => state.redo);
  const [catalogOpen, setCatalogOpen] = useState(false);
  const { status, blockingIssues, save } = useGroupSave();
  const error = useRuleGroupState((state) => state.saveError);
  const handlers = useMemo(() => ({ undo, redo, save: () => void save() }), [undo, redo, save]);
  useEditorShortcuts(handlers);
  const editor = useMemo(
    () => ({ store, selectDraft: (state: RuleGroupState): RuleGroup => state.group }),
    [store],
  );
  const alertsHref = `/projects/${record.id}/alerts`;

  return (
    <div
      className="alerts-editor"
      data-testid="rule-group-editor"
      data-group={group.name}
      data-base-version={base.version}
    >
      <header className="page-header">
        <div className="breadcrumbs">
          <Link href="/">Projects</Link> / <Link href={`/projects/${record.id}`}>{record.name}</Link> /{" "}
          <Link href={alertsHref}>Alerts</Link> /
        </div>
        <h1 data-testid="group-title">{group.name}</h1>
      </header>
      <ProjectNav id={record.id} />
      <div className="alerts-toolbar" role="toolbar" aria-label="Rule group">
        <TabList label="Editor view" tabs={TABS} selected={tab} onSelect={setTab} testIdPrefix="group-tab-" />
        <button
          type="button"
          className="button"
          onClick={() => addRule(newAlertRule(group))}
          data-testid="add-alert-rule"
        >
          Add alert rule
        </button>
        <button
          type="button"
          className="button"
          onClick={() => addRule(newRecordingRule(group))}
          data-testid="add-recording-rule"
        >
          Add recording rule
        </button>
        <button
          type="button"
          className="button"
          onClick={() => setCatalogOpen(!catalogOpen)}
          aria-expanded={catalogOpen}
          data-testid="open-catalog"
        >
          Add from the catalog
        </button>
        <UndoRedoButtons canUndo={canUndo} canRedo={canRedo} undo={undo} redo={redo} />
        <SaveStatusBadge
          status={status}
          blockingIssues={blockingIssues}
          version={base.version}
          error={error}
        />
        <button
          type="button"
          className="button button-primary"
          onClick={() => void save()}
          data-testid="save-group"
          title="Save (Ctrl+S)"
        >
          Save
        </button>
      </div>
      <ConflictReview
        editor={editor}
        subject="this rule group"
        fromContent={groupFrom}
        merge={mergeGroups}
        removedAction={
          <Link className="button" href={alertsHref}>
            Leave (the group was removed)
          </Link>
        }
      />
      <SaveProblems />
      <ConnectionBanner projectId={record.id} />
      {catalogOpen ? (
        <CatalogPicker
          onAdd={(rule) => {
            addRule(rule);
            setTab("form");
          }}
          onClose={() => setCatalogOpen(false)}
        />
      ) : null}
      {tab === "form" ? (
        <>
          <GroupSettings />
          <div className="alerts-editor-body">
            <RuleList />
            {selected !== undefined && group.rules[selected] ? (
              <RuleForm key={selected} index={selected} />
            ) : (
              <p className="muted alerts-pick-hint">Pick a rule to edit it, or add one.</p>
            )}
          </div>
        </>
      ) : (
        <YamlTab />
      )}
    </div>
  );
}

/** Drops `?add=` once its rule is in the draft, so a reload does not add another. */
function useDropAddParam(add: RuleGroupEditorProps["add"]): void {
  const router = useRouter();
  const pathname = usePathname();
  useEffect(() => {
    if (add) router.replace(pathname, { scroll: false });
  }, [add, router, pathname]);
}

/**
 * `/projects/{id}/alerts/{group}`: loads the project once, then edits a draft of the group in its
 * own store, saved as its own section; later refetches never replace the draft.
 */
export function RuleGroupEditor({
  projectId,
  groupName,
  selectedRule,
  add,
}: RuleGroupEditorProps): ReactNode {
  const project = useProject(projectId);
  useDropAddParam(add);
  // The store copies the record once (keyed by group): a background refetch never replaces the draft.
  const record = project.data;
  if (!record) {
    if (project.error) return <ApiErrorNotice error={project.error} title="Could not load the project" />;
    return <PageLoading label="Loading the rule group…" />;
  }
  const stored = record.project.ruleGroups.find((candidate) => candidate.name === groupName);
  if (!stored) {
    return (
      <div className="notice notice-error" role="alert" data-testid="group-not-found">
        The project “{record.name}” has no rule group “{groupName}”.{" "}
        <Link href={`/projects/${projectId}/alerts`}>Back to its alerts</Link>
      </div>
    );
  }
  const adding: Rule | undefined =
    add === "alert" ? newAlertRule(stored) : add === "record" ? newRecordingRule(stored) : undefined;
  const group = adding ? withRule(stored, adding) : stored;
  return (
    <RuleGroupStoreProvider
      key={`${projectId}/${groupName}`}
      init={{
        projectId,
        project: record.project,
        version: record.version,
        base: stored,
        group,
        selectedRule: adding ? group.rules.length - 1 : selectedRule,
      }}
    >
      <PreviewConnectionProvider projectId={projectId}>
        <EditorBody record={record} />
      </PreviewConnectionProvider>
    </RuleGroupStoreProvider>
  );
}
