"use client";

import Link from "next/link";
import { type ReactNode, useId } from "react";
import { FieldMessages } from "@/components/form/field-messages";
import type { ModelIssue } from "@/lib/model/issues";
import type { AlertingRule, PanelLink } from "@/lib/model/rule";
import { useRuleGroupState } from "../store/store-provider";

export interface PanelLinkFieldProps {
  rule: AlertingRule;
  onChange: (panel: PanelLink | undefined) => void;
  issues: readonly ModelIssue[];
}

/** The dashboard panel that graphs the rule: kept in the project, shown on the panel; never exported. */
export function PanelLinkField({ rule, onChange, issues }: PanelLinkFieldProps): ReactNode {
  const projectId = useRuleGroupState((state) => state.projectId);
  const dashboards = useRuleGroupState((state) => state.project.dashboards);
  const id = useId();
  const link = rule.panel;
  const dashboard = dashboards.find((candidate) => candidate.uid === link?.dashboardUid);
  const panels = (dashboard?.panels ?? []).filter((panel) => panel.type !== "row");
  return (
    <fieldset className="alerts-panel-link" data-testid="rule-panel-link">
      <legend>Dashboard panel</legend>
      <div className="alerts-field-row">
        <label htmlFor={`${id}-dashboard`} className="field-label">
          Dashboard
        </label>
        <select
          id={`${id}-dashboard`}
          value={link?.dashboardUid ?? ""}
          onChange={(event) => {
            const uid = event.target.value;
            const first = dashboards.find((d) => d.uid === uid)?.panels.find((panel) => panel.type !== "row");
            onChange(uid === "" || !first ? undefined : { dashboardUid: uid, panelId: first.id });
          }}
          data-testid="rule-panel-dashboard"
        >
          <option value="">No panel</option>
          {dashboards.map((candidate) => (
            <option key={candidate.uid} value={candidate.uid}>
              {candidate.title}
            </option>
          ))}
        </select>
        {link ? (
          <>
            <label htmlFor={`${id}-panel`} className="field-label">
              Panel
            </label>
            <select
              id={`${id}-panel`}
              value={String(link.panelId)}
              onChange={(event) =>
                onChange({ dashboardUid: link.dashboardUid, panelId: Number(event.target.value) })
              }
              data-testid="rule-panel-id"
            >
              {panels.some((panel) => panel.id === link.panelId) ? null : (
                <option value={String(link.panelId)}>panel {link.panelId} (missing)</option>
              )}
              {panels.map((panel) => (
                <option key={panel.id} value={String(panel.id)}>
                  {panel.title}
                </option>
              ))}
            </select>
            {dashboard ? (
              <Link
                href={`/projects/${projectId}/dashboards/${encodeURIComponent(link.dashboardUid)}`}
                data-testid="rule-panel-open"
              >
                Open the dashboard
              </Link>
            ) : null}
          </>
        ) : null}
      </div>
      <p className="field-hint">
        The panel shows this rule and its state; the exported rule file is unchanged.
      </p>
      <FieldMessages issues={issues} testId="rule-panel-issues" />
    </fieldset>
  );
}
