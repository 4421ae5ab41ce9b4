"use client";

import type { ReactNode } from "react";
import type { AlertTestCase } from "@/lib/model/rule";
import type { AlertingRule } from "@/lib/model/rule";
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
 * Under an alerting rule's form: the rendered annotations (components/alerts/annotation-preview,
 * whose slot says what will be there until it is in the tree) and the backtest of the saved rule
 * beside the one being edited, whose generated test cases join the rule's tests.
 */
export function AlertExtras({ rule, index }: AlertExtrasProps): ReactNode {
  const projectId = useRuleGroupState((state) => state.projectId);
  const groupName = useRuleGroupState((state) => state.base.draft.name);
  const stored = useRuleGroupState((state) => state.base.draft.rules);
  const updateRule = useRuleGroupState((state) => state.updateRule);
  const addTests = (cases: AlertTestCase[]): void =>
    updateRule(index, (current) =>
      current.kind === "alert" ? { ...current, tests: [...current.tests, ...cases] } : current,
    );
  return (
    <div className="alerts-extras">
      <section
        className="alerts-slot"
        data-testid="annotation-preview-slot"
        aria-label="Rendered annotations"
      >
        <h4>Rendered annotations</h4>
        <p className="muted small">
          What the notification of <code>{rule.alert}</code> will say, rendered for a series of the
          expression's current result, appears here.
        </p>
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
