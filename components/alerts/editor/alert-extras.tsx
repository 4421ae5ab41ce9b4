"use client";

import type { ReactNode } from "react";
import type { AlertingRule } from "@/lib/model/rule";

export interface AlertExtrasProps {
  rule: AlertingRule;
  index: number;
}

/**
 * Under an alerting rule's form: the rendered annotations (components/alerts/annotation-preview)
 * and the backtest (components/alerts/backtest), built beside this editor. Until they are in the
 * tree their slots say what will be there.
 */
export function AlertExtras({ rule }: AlertExtrasProps): ReactNode {
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
      <section className="alerts-slot" data-testid="backtest-slot" aria-label="Backtest">
        <h4>Backtest</h4>
        <p className="muted small">
          How often this rule would have fired over the last hours or days appears here.
        </p>
      </section>
    </div>
  );
}
