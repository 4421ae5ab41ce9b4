"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useMemo, useState } from "react";
import type { ProjectRecordData } from "@/components/projects/use-projects";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { createRuleGroup, saveSection } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/query-keys";
import { ruleFromPanel } from "../model/panel-rule";
import { freeRuleName, withRule } from "../model/rule-ops";
import { editorHref } from "./hrefs";

export interface PanelRuleCardProps {
  record: ProjectRecordData;
  dashboardUid: string;
  panelId: number;
}

const NEW_GROUP = "\u0000new";

/**
 * A new rule made from a dashboard panel, shown before it is added: its expression (the panel's
 * query, variables resolved, with the panel's threshold), and the group it goes to. Adding saves
 * the group as a section and opens the rule in the editor.
 */
export function PanelRuleCard({ record, dashboardUid, panelId }: PanelRuleCardProps): ReactNode {
  const router = useRouter();
  const queryClient = useQueryClient();
  const draft = useMemo(
    () => ruleFromPanel(record.project, dashboardUid, panelId),
    [record.project, dashboardUid, panelId],
  );
  const groups = record.project.ruleGroups;
  const [target, setTarget] = useState(groups[0]?.name ?? NEW_GROUP);
  const [newName, setNewName] = useState(`${dashboardUid} alerts`);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (!draft) {
    return (
      <p className="notice notice-warning" role="status" data-testid="panel-rule-missing">
        The dashboard “{dashboardUid}” has no panel {panelId} to make a rule from.
      </p>
    );
  }

  async function add(): Promise<void> {
    if (!draft) return;
    setBusy(true);
    setError(undefined);
    try {
      const existing = groups.find((group) => group.name === target);
      if (existing) {
        const rule = { ...draft.rule, alert: freeRuleName(existing, draft.rule.alert) };
        const next = withRule(existing, rule);
        await saveSection(
          record.id,
          { kind: "rule-group", name: existing.name },
          { version: record.version, content: next, message: `added rule ${rule.alert} from a panel` },
        );
        await queryClient.invalidateQueries({ queryKey: queryKeys.project(record.id) });
        router.push(editorHref(record.id, existing.name, { rule: next.rules.length - 1 }));
      } else {
        const name = newName.trim();
        await createRuleGroup(record.id, { group: { name, rules: [draft.rule] } });
        await queryClient.invalidateQueries({ queryKey: queryKeys.project(record.id) });
        router.push(editorHref(record.id, name, { rule: 0 }));
      }
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-label="New rule from a panel" data-testid="panel-rule-card">
      <h2>New alert rule from a panel</h2>
      <p>
        From{" "}
        <Link href={`/projects/${record.id}/dashboards/${encodeURIComponent(dashboardUid)}`}>
          {draft.dashboard.title} › {draft.panelTitle}
        </Link>
        : <code>{draft.rule.alert}</code>
      </p>
      <pre className="alerts-expr" data-testid="panel-rule-expr">
        {draft.rule.expr || "(no expression)"}
      </pre>
      <ul className="muted small">
        {draft.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
        <li>linked to the panel: the panel shows this rule and its state</li>
      </ul>
      <div className="alerts-field-row">
        <label className="field">
          <span className="field-label">Group</span>
          <select
            value={target}
            onChange={(event) => setTarget(event.target.value)}
            data-testid="panel-rule-group"
          >
            {groups.map((group) => (
              <option key={group.name} value={group.name}>
                {group.name}
              </option>
            ))}
            <option value={NEW_GROUP}>a new group…</option>
          </select>
        </label>
        {target === NEW_GROUP ? (
          <label className="field">
            <span className="field-label">New group name</span>
            <input
              value={newName}
              onChange={(event) => setNewName(event.target.value)}
              data-testid="panel-rule-new-group"
            />
          </label>
        ) : null}
        <button
          type="button"
          className="button button-primary"
          disabled={busy || (target === NEW_GROUP && newName.trim() === "")}
          onClick={() => void add()}
          data-testid="panel-rule-add"
        >
          Add the rule
        </button>
      </div>
      {error ? <ApiErrorNotice error={error} title="The rule was not added" /> : null}
    </section>
  );
}
