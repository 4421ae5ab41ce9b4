import type { RuleTestCaseResultBody, RuleTestsRunBody } from "@/lib/alerting/rule-tests/api-schemas";
import { vectorSelectors } from "@/lib/alerting/rule-tests/selectors";
import { type ExpectedAlert, expectedAlert } from "@/lib/generate/prometheus/unit-tests";
import type { AlertingRule, AlertTestCase, Project } from "@/lib/model";

/** Pure page logic of a rule's Tests part: new cases, what a case expects, its verdict. */

/**
 * A new case that validates as it is: the first series the expression reads, steady at 1 for ten
 * intervals, evaluated at 5 m, expected quiet. The user edits values and expectation from there.
 */
export function newTestCase(rule: Pick<AlertingRule, "expr">, interval: string): AlertTestCase {
  const [selector] = vectorSelectors(rule.expr);
  return {
    interval,
    inputSeries: [{ series: selector ?? "up", values: "1x10" }],
    evalTime: "5m",
    fires: false,
    labels: {},
  };
}

export type ExpectedAlertView = { ok: true; alert: ExpectedAlert } | { ok: false; message: string };

/**
 * The alert a firing case expects, exactly as the bundle's test file writes it (labels and
 * annotations rendered by Prometheus's template engine for the case's labels and value).
 */
export function expectedAlertView(
  project: Project,
  rule: AlertingRule,
  test: AlertTestCase,
): ExpectedAlertView {
  try {
    return { ok: true, alert: expectedAlert(project, rule, test) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * This rule's verdicts by case number (1-based), from a run of its group's tests: by its place in
 * the group and its name (an SLO's alerts share a name; a rule moved since the run matches nothing).
 */
export function resultsForRule(
  run: RuleTestsRunBody | undefined,
  rule: { index: number; alert: string },
): Map<number, RuleTestCaseResultBody> {
  const byCase = new Map<number, RuleTestCaseResultBody>();
  for (const result of run?.results ?? [])
    if (result.rule === rule.index && result.alert === rule.alert) byCase.set(result.case, result);
  return byCase;
}
