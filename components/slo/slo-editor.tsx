"use client";

import Link from "next/link";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { useStore } from "zustand";
import type { FieldIssue } from "@/components/form/field-issues";
import { TextField } from "@/components/form/text-field";
import type { ProjectRecordData } from "@/components/projects/use-projects";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { applySloToGroup, generateSloRules } from "@/lib/alerting/slo";
import { prometheusRuleGroup } from "@/lib/generate/prometheus/rule-groups";
import { toYaml } from "@/lib/generate/yaml";
import type { ModelIssue } from "@/lib/model/issues";
import { defaultSloSpec } from "@/lib/model/slo";
import { SloBudget } from "./slo-budget";
import { draftToSpec, specToDraft } from "./slo-draft";
import { SloForm } from "./slo-form";
import { SloExplanations, SloYaml } from "./slo-preview";
import { createSloStore } from "./slo-store";
import { useSaveSlo } from "./use-save-slo";

/** The value once it has stopped changing for a moment: the live budget is not asked per keystroke. */
function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/** Queries Prometheus would refuse, on the form's fields (`slo.indicator.errors` → `indicator.events`). */
function queryIssues(issues: readonly ModelIssue[]): FieldIssue[] {
  return issues
    .filter((issue) => issue.severity === "error")
    .map((issue) => ({
      path: issue.path.replace(/^slo\./, "").replace(/^indicator\.(errors|good)$/, "indicator.events"),
      message: issue.message,
    }));
}

export interface SloEditorProps {
  record: ProjectRecordData;
  /** The rule group the SLO is saved in, when editing a saved one. */
  groupName?: string;
}

/** The SLO form beside what it generates: alerts explained, warnings, budget left, rule YAML. */
export function SloEditor({ record, groupName }: SloEditorProps): ReactNode {
  const saved = groupName ? record.project.ruleGroups.find((group) => group.name === groupName) : undefined;
  const [store] = useState(() => createSloStore(specToDraft(saved?.slo ?? defaultSloSpec()), saved?.name));
  const draft = useStore(store, (state) => state.draft);
  const targetGroup = useStore(store, (state) => state.groupName);
  const setGroupName = useStore(store, (state) => state.setGroupName);
  const save = useSaveSlo(record.id);

  const parsed = useMemo(() => draftToSpec(draft), [draft]);
  const generation = useMemo(() => (parsed.ok ? generateSloRules(parsed.spec) : undefined), [parsed]);
  const yaml = useMemo(() => {
    if (!parsed.ok) return "";
    const base = record.project.ruleGroups.find((group) => group.name === targetGroup) ?? {
      name: targetGroup,
      rules: [],
    };
    return toYaml({ groups: [prometheusRuleGroup(record.project, applySloToGroup(base, parsed.spec))] });
  }, [parsed, record.project, targetGroup]);
  const broken = generation?.warnings.some((w) => w.severity === "error") ?? true;
  // A query Prometheus would refuse is not sent: the field already says what is wrong with it.
  const budgetQuery = useSettled(broken ? undefined : generation?.budgetRemainingQuery, 600);
  const blocked = !parsed.ok || broken || targetGroup.trim() === "";

  return (
    <div className="slo-layout">
      <div>
        <SloForm store={store} issues={parsed.ok ? queryIssues(generation?.warnings ?? []) : parsed.issues} />
        <div className="card">
          <div className="alerts-field-row">
            <TextField
              label="Rule group"
              value={targetGroup}
              onChange={setGroupName}
              issues={[]}
              testId="slo-group-name"
              hint="Created, or regenerated in place: only the rules this SLO generated are replaced"
            />
          </div>
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              disabled={blocked || save.isPending}
              onClick={() => {
                if (!parsed.ok) return;
                const name = targetGroup.trim();
                const exists = record.project.ruleGroups.some((group) => group.name === name);
                save.mutate({ groupName: name, spec: parsed.spec, exists });
              }}
              data-testid="slo-save"
            >
              {save.isPending ? "Saving…" : "Save as rule group"}
            </button>
            {save.data ? (
              <span className="notice notice-success" role="status" data-testid="slo-saved">
                Saved as version {save.data.version}.{" "}
                <Link href={`/projects/${record.id}/alerts/${encodeURIComponent(targetGroup.trim())}`}>
                  Open the group
                </Link>{" "}
                to backtest or test its rules.
              </span>
            ) : null}
          </div>
          {save.error ? <ApiErrorNotice error={save.error} title="Could not save the SLO" /> : null}
        </div>
      </div>
      <div>
        {parsed.ok && generation ? (
          <>
            {budgetQuery ? <SloBudget projectId={record.id} spec={parsed.spec} query={budgetQuery} /> : null}
            <SloExplanations generation={generation} />
            <SloYaml yaml={yaml} />
          </>
        ) : (
          <p className="notice notice-error" data-testid="slo-invalid">
            Fix the fields marked on the left to see the rules.
          </p>
        )}
      </div>
    </div>
  );
}
