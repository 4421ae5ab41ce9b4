"use client";

import { type ReactNode, useCallback, useEffect, useMemo } from "react";
import type { AlertingRule, AlertTestCase } from "@/lib/model/rule";
import { AnnotationPreview, type TemplateField } from "../annotation-preview";
import { BacktestPanel } from "../backtest";
import { useRuleGroupState } from "../store/store-provider";

export interface AlertExtrasProps {
  rule: AlertingRule;
  index: number;
}

/** The saved rule a draft rule is: by name in the stored group (it may have moved), else none yet. */
function savedRule(stored: readonly { kind: string; alert?: string }[], alert: string): string | undefined {
  return stored.some((rule) => rule.kind === "alert" && rule.alert === alert) ? alert : undefined;
}

/**
 * Under an alerting rule's form: its labels and annotations rendered for a series of its current
 * result (render failures go to their fields; parse failures the draft's checks report already),
 * and the backtest of the saved rule beside the one being edited, whose generated test cases join
 * the rule's tests.
 */
export function AlertExtras({ rule, index }: AlertExtrasProps): ReactNode {
  const projectId = useRuleGroupState((state) => state.projectId);
  const groupName = useRuleGroupState((state) => state.base.draft.name);
  const stored = useRuleGroupState((state) => state.base.draft.rules);
  const updateRule = useRuleGroupState((state) => state.updateRule);
  const setRenderIssues = useRuleGroupState((state) => state.setRenderIssues);
  const onFieldErrors = useCallback(
    (errors: Partial<Record<TemplateField, string>>): void =>
      setRenderIssues(
        index,
        Object.entries(errors).flatMap(([field, message]) =>
          message ? [{ path: `rules[${index}].${field}`, message, severity: "warning" as const }] : [],
        ),
      ),
    [index, setRenderIssues],
  );
  useEffect(() => () => setRenderIssues(index, []), [index, setRenderIssues]);
  const previewed = useMemo(
    () => ({ alert: rule.alert, expr: rule.expr, labels: rule.labels, annotations: rule.annotations }),
    [rule.alert, rule.expr, rule.labels, rule.annotations],
  );
  const addTests = (cases: AlertTestCase[]): void =>
    updateRule(index, (current) =>
      current.kind === "alert" ? { ...current, tests: [...current.tests, ...cases] } : current,
    );
  return (
    <div className="alerts-extras">
      <section className="alerts-rendered" aria-label="Rendered labels and annotations">
        <h4>What the notification will say</h4>
        <AnnotationPreview projectId={projectId} rule={previewed} onFieldErrors={onFieldErrors} />
      </section>
      <section className="alerts-backtest" aria-label="Backtest">
        <h4>Backtest</h4>
        <BacktestPanel
          projectId={projectId}
          groupName={groupName}
          rule={savedRule(stored, rule.alert)}
          draft={{
            alert: rule.alert,
            expr: rule.expr,
            for: rule.for,
            keepFiringFor: rule.keepFiringFor,
            labels: rule.labels,
            annotations: rule.annotations,
          }}
          onTestCases={addTests}
        />
      </section>
    </div>
  );
}
