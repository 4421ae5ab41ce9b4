"use client";

import { type ReactNode, useMemo } from "react";
import { FieldMessages, issuesWithin } from "@/components/form/field-messages";
import type { InhibitRule } from "@/lib/model/alertmanager";
import { inhibitPreview } from "../model/inhibit-preview";
import type { ProjectAlert } from "../model/project-alerts";
import { useAlertingIssues, useAlertingState, useProjectAlerts } from "../store/store-provider";
import { ListInput } from "./fields";
import { MatchersEditor } from "./matchers-editor";

function Preview({ rule, alerts }: { rule: InhibitRule; alerts: readonly ProjectAlert[] }): ReactNode {
  const preview = useMemo(() => inhibitPreview(rule, alerts), [rule, alerts]);
  if (!preview.ok)
    return (
      <p className="muted" data-testid="inhibit-preview">
        Fix the matchers to see what this rule silences.
      </p>
    );
  if (preview.silenced.length === 0)
    return (
      <p className="muted" data-testid="inhibit-preview">
        Silences none of the project's {alerts.length} alerts.
      </p>
    );
  return (
    <div data-testid="inhibit-preview">
      <p>
        Silences {preview.silenced.length} of the project's {alerts.length} alerts:
      </p>
      <ul className="plain-list">
        {preview.silenced.map(({ target, sources }) => (
          <li key={target.key} data-testid="inhibit-silenced" data-alert={target.alert}>
            <code>{target.alert}</code> <span className="muted small">({target.group})</span> while{" "}
            {sources.slice(0, 6).map((source, index) => (
              <span key={source.key}>
                {index > 0 ? " or " : ""}
                <code>{source.alert}</code>
              </span>
            ))}
            {sources.length > 6 ? ` or ${sources.length - 6} more` : ""} fires
          </li>
        ))}
      </ul>
      {rule.equal.length > 0 ? (
        <p className="muted small">
          Labels in <code>equal</code> that the rules do not set come from the series: they must also agree
          when the alerts fire.
        </p>
      ) : null}
    </div>
  );
}

/** Inhibit rules: source and target matchers, `equal`, and what each would silence among the project's alerts. */
export function InhibitTab(): ReactNode {
  const rules = useAlertingState((state) => state.draft.inhibitRules);
  const edit = useAlertingState((state) => state.edit);
  const issues = useAlertingIssues();
  const alerts = useProjectAlerts();
  const update = (index: number, rule: InhibitRule, field: string): void =>
    edit(
      (draft) => ({
        ...draft,
        inhibitRules: draft.inhibitRules.map((entry, i) => (i === index ? rule : entry)),
      }),
      `inhibitRules[${index}].${field}`,
    );
  return (
    <div data-testid="inhibit-tab">
      <p className="muted">
        While an alert matching the source matchers fires, alerts matching the target matchers with the same
        values of the <code>equal</code> labels are not sent (a label missing on both sides counts as equal;
        an alert matching both sides does not silence itself).
      </p>
      {rules.length === 0 ? <p className="empty">No inhibit rules.</p> : null}
      {rules.map((rule, index) => {
        const at = `inhibitRules[${index}]`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: inhibit rules have no identity but their place
          <fieldset key={index} className="alerting-integration" data-testid="inhibit-rule">
            <legend>Inhibit rule {index + 1}</legend>
            <div className="alerting-inhibit-sides">
              <MatchersEditor
                label="Source"
                matchers={rule.sourceMatchers}
                onChange={(sourceMatchers) => update(index, { ...rule, sourceMatchers }, "sourceMatchers")}
                issues={issues}
                path={`${at}.sourceMatchers`}
                testId={`inhibit-${index}-source`}
                emptyText="No source matchers: every firing alert is a source."
              />
              <MatchersEditor
                label="Target"
                matchers={rule.targetMatchers}
                onChange={(targetMatchers) => update(index, { ...rule, targetMatchers }, "targetMatchers")}
                issues={issues}
                path={`${at}.targetMatchers`}
                testId={`inhibit-${index}-target`}
                emptyText="No target matchers: every alert can be silenced."
              />
            </div>
            <ListInput
              label={`Equal labels (rule ${index + 1})`}
              value={rule.equal}
              onChange={(equal) => update(index, { ...rule, equal: equal ?? [] }, "equal")}
              issues={issues}
              path={`${at}.equal`}
              testId={`inhibit-${index}-equal`}
              placeholder="alertname, service"
            />
            <Preview rule={rule} alerts={alerts} />
            <button
              type="button"
              className="button button-small button-danger-outline"
              onClick={() =>
                edit((draft) => ({
                  ...draft,
                  inhibitRules: draft.inhibitRules.filter((_, i) => i !== index),
                }))
              }
            >
              Delete inhibit rule {index + 1}
            </button>
            <FieldMessages issues={issuesWithin(issues, at).filter((issue) => issue.path === at)} />
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button"
        onClick={() =>
          edit((draft) => ({
            ...draft,
            inhibitRules: [...draft.inhibitRules, { sourceMatchers: [], targetMatchers: [], equal: [] }],
          }))
        }
        data-testid="add-inhibit-rule"
      >
        Add inhibit rule
      </button>
    </div>
  );
}
