import type { RuleGroup } from "@/lib/model/rule";
import { generateSloRules } from "./generate";

/**
 * The expression a backtest (and a test from its window) evaluates for an alert: for an alert an
 * SLO generated, as generated, its `rawExpr` (the same condition over the raw counters), because
 * the Prometheus it runs against usually does not record the SLO's ratios yet (or did not over
 * the window), and the recorded expression would find nothing; otherwise the rule's own
 * expression. An SLO alert edited by hand is backtested as written.
 */
export function backtestExpr(group: Pick<RuleGroup, "slo">, rule: { alert: string; expr: string }): string {
  if (!group.slo) return rule.expr;
  const generated = generateSloRules(group.slo);
  const alerts = generated.rules.filter((candidate) => candidate.kind === "alert");
  const index = alerts.findIndex(
    (candidate) => candidate.alert === rule.alert && candidate.expr === rule.expr,
  );
  return generated.alerts[index]?.rawExpr ?? rule.expr;
}
