"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ReactNode, useMemo } from "react";
import { LazyPromqlEditor } from "@/components/code-editor";
import { issuesWithin } from "@/components/form/field-messages";
import { CheckField, SettingsField, SettingsInput } from "@/components/form/settings-field";
import { lintExpressions } from "@/lib/api/preview-client";
import { queryKeys } from "@/lib/api/query-keys";
import type { ModelIssue } from "@/lib/model/issues";
import type { AlertingRule, RecordingRule, Rule } from "@/lib/model/rule";
import { withEntry } from "../model/rule-ops";
import { useGroupIssues, useRuleGroupState } from "../store/store-provider";
import { RuleTestsSection } from "../tests";
import { AlertExtras } from "./alert-extras";
import { KeyValueEditor } from "./key-value-editor";
import { PanelLinkField } from "./panel-link-field";

/** Annotations the form shows as fields of their own; the rest are listed as name and value. */
export const FIRST_CLASS_ANNOTATIONS = ["summary", "description", "runbook_url"] as const;

interface FieldProps<R extends Rule> {
  rule: R;
  index: number;
  change: (next: R, field: string) => void;
  issues: readonly ModelIssue[];
}

function useRuleChange(index: number): <R extends Rule>(next: R, field: string) => void {
  const updateRule = useRuleGroupState((state) => state.updateRule);
  return (next, field) => updateRule(index, () => next, `rules[${index}].${field}`);
}

/** An optional text: empty means absent (`for` and `keep_firing_for` left out of the rule). */
function optional(text: string): string | undefined {
  return text.trim() === "" ? undefined : text.trim();
}

function withOptional<R extends Rule, K extends keyof R>(rule: R, key: K, value: R[K] | undefined): R {
  const next = { ...rule };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** The expression in Monaco (the panel editor's completion, parse errors, Format) and its lint. */
function ExpressionField({ rule, index, change, issues }: FieldProps<Rule>): ReactNode {
  const projectId = useRuleGroupState((state) => state.projectId);
  const lint = useQuery({
    queryKey: queryKeys.previewLint(projectId, [rule.expr]),
    queryFn: ({ signal }) => lintExpressions(projectId, [rule.expr], undefined, { signal, idle: true }),
    enabled: rule.expr.trim() !== "",
    staleTime: 60_000,
    retry: false,
    placeholderData: keepPreviousData,
  });
  const unknown = lint.data?.results.find((result) => result.expression === rule.expr)?.unknown ?? [];
  return (
    <SettingsField
      label="Expression (PromQL)"
      issues={issuesWithin(issues, `rules[${index}].expr`)}
      testId="rule-expr"
      wide
    >
      {() => (
        <>
          <LazyPromqlEditor
            value={rule.expr}
            onChange={(expr) => change({ ...rule, expr }, "expr")}
            projectId={projectId}
            height={90}
            ariaLabel="Rule expression"
            testId="rule-expr-editor"
          />
          {unknown.length > 0 ? (
            <ul className="field-issues alerts-lint-list" data-testid="rule-expr-lint">
              {unknown.map((metric) => (
                <li key={metric.name} className="alerts-warning">
                  Prometheus has no metric <code>{metric.name}</code>
                  {metric.suggestions.length > 0 ? (
                    <>
                      {" "}
                      — did you mean{" "}
                      {metric.suggestions.map((s) => (
                        <code key={s}>{s} </code>
                      ))}
                      ?
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </SettingsField>
  );
}

function AlertFields({ rule, index, change, issues }: FieldProps<AlertingRule>): ReactNode {
  const path = `rules[${index}]`;
  const annotation = (key: string, text: string): void =>
    change(
      { ...rule, annotations: withEntry(rule.annotations, key, text === "" ? undefined : text) },
      `annotations.${key}`,
    );
  const catalogRunbook = rule.runbook !== undefined && rule.annotations.runbook_url === undefined;
  return (
    <>
      <div className="alerts-field-row">
        <SettingsInput
          label="Alert name"
          value={rule.alert}
          onChange={(alert) => change({ ...rule, alert }, "alert")}
          issues={issuesWithin(issues, `${path}.alert`)}
          testId="rule-alert"
          wide
        />
        <SettingsInput
          label="For"
          value={rule.for ?? ""}
          placeholder="0s"
          onChange={(text) => change(withOptional(rule, "for", optional(text)), "for")}
          issues={issuesWithin(issues, `${path}.for`)}
          testId="rule-for"
          hint="Pending this long before firing."
        />
        <SettingsInput
          label="Keep firing for"
          value={rule.keepFiringFor ?? ""}
          placeholder="0s"
          onChange={(text) => change(withOptional(rule, "keepFiringFor", optional(text)), "keepFiringFor")}
          issues={issuesWithin(issues, `${path}.keepFiringFor`)}
          testId="rule-keep-firing-for"
          hint="keep_firing_for, Prometheus ≥ 2.42."
        />
      </div>
      <ExpressionField
        rule={rule}
        index={index}
        change={change as (next: Rule, field: string) => void}
        issues={issues}
      />
      <SettingsInput
        label="Summary"
        value={rule.annotations.summary ?? ""}
        onChange={(text) => annotation("summary", text)}
        issues={issuesWithin(issues, `${path}.annotations.summary`)}
        testId="rule-summary"
        wide
      />
      <SettingsField
        label="Description"
        issues={issuesWithin(issues, `${path}.annotations.description`)}
        testId="rule-description"
        wide
      >
        {(id, invalid) => (
          <textarea
            id={id}
            rows={3}
            value={rule.annotations.description ?? ""}
            aria-invalid={invalid}
            onChange={(event) => annotation("description", event.target.value)}
            data-testid="rule-description"
          />
        )}
      </SettingsField>
      <SettingsInput
        label="Runbook URL"
        value={rule.annotations.runbook_url ?? ""}
        placeholder={catalogRunbook ? "the generated runbook" : "https://…"}
        onChange={(text) => annotation("runbook_url", text)}
        issues={issuesWithin(issues, `${path}.annotations.runbook_url`)}
        testId="rule-runbook-url"
        wide
        hint={
          catalogRunbook ? (
            <span data-testid="catalog-runbook">
              Added by the catalog: the bundle links this rule's generated runbook (
              <code>runbooks/{rule.alert}.md</code>) as <code>runbook_url</code> while this field is empty.
            </span>
          ) : undefined
        }
      />
      <KeyValueEditor
        label="Labels"
        value={rule.labels}
        onChange={(labels, key) => change({ ...rule, labels }, key)}
        path={`${path}.labels`}
        issues={issues}
        testId="rule-labels"
      />
      <KeyValueEditor
        label="Other annotations"
        value={rule.annotations}
        hiddenKeys={FIRST_CLASS_ANNOTATIONS}
        onChange={(annotations, key) => change({ ...rule, annotations }, key)}
        path={`${path}.annotations`}
        issues={issues}
        testId="rule-annotations"
        multilineValues
      />
      <PanelLinkField
        rule={rule}
        onChange={(panel) => change(withOptional(rule, "panel", panel), "panel")}
        issues={issuesWithin(issues, `${path}.panel`)}
      />
    </>
  );
}

function RecordFields({ rule, index, change, issues }: FieldProps<RecordingRule>): ReactNode {
  const path = `rules[${index}]`;
  return (
    <>
      <SettingsInput
        label="Record (the series written)"
        value={rule.record}
        onChange={(record) => change({ ...rule, record }, "record")}
        issues={issuesWithin(issues, `${path}.record`)}
        testId="rule-record"
        wide
      />
      <ExpressionField
        rule={rule}
        index={index}
        change={change as (next: Rule, field: string) => void}
        issues={issues}
      />
      <KeyValueEditor
        label="Labels"
        value={rule.labels}
        onChange={(labels, key) => change({ ...rule, labels }, key)}
        path={`${path}.labels`}
        issues={issues}
        testId="rule-labels"
      />
    </>
  );
}

export interface RuleFormProps {
  index: number;
}

/** One rule of the group: its fields with the model's messages under each. */
export function RuleForm({ index }: RuleFormProps): ReactNode {
  const rule = useRuleGroupState((state) => state.group.rules[index]);
  const groupIssues = useGroupIssues();
  const renderIssues = useRuleGroupState((state) => state.renderIssues);
  // A template that does not parse is the draft's error already; one that fails to render is a warning.
  const issues = useMemo(
    () => [
      ...groupIssues,
      ...renderIssues.filter((issue) => !groupIssues.some((other) => other.path === issue.path)),
    ],
    [groupIssues, renderIssues],
  );
  const change = useRuleChange(index);
  if (!rule) return null;
  return (
    <div className="card alerts-rule-form" data-testid="rule-form" data-rule-kind={rule.kind}>
      <div className="alerts-rule-form-bar">
        <strong>{rule.kind === "alert" ? "Alerting rule" : "Recording rule"}</strong>
        <CheckField
          label="Enabled"
          checked={rule.enabled}
          onChange={(enabled) => change({ ...rule, enabled }, "enabled")}
          testId="rule-enabled"
          title="Disabled rules stay in the project and are left out of the bundle's rule file."
        />
      </div>
      {rule.kind === "alert" ? (
        <AlertFields rule={rule} index={index} change={change} issues={issues} />
      ) : (
        <RecordFields rule={rule} index={index} change={change} issues={issues} />
      )}
      {rule.kind === "alert" ? <RuleTestsSection rule={rule} index={index} issues={issues} /> : null}
      {rule.kind === "alert" ? <AlertExtras rule={rule} index={index} /> : null}
    </div>
  );
}
