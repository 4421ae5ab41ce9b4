import { describe, expect, it } from "vitest";
import type { RuleTestsRunBody } from "@/lib/alerting/rule-tests/api-schemas";
import { type AlertingRule, AlertTestCaseSchema, ProjectShapeSchema } from "@/lib/model";
import { expectedAlertView, newTestCase, resultsForRule } from "./case-view";

const project = ProjectShapeSchema.parse({ name: "Tests" });
const rule = {
  kind: "alert",
  alert: "Down",
  expr: 'up{job="api"} == 0',
  labels: { severity: "page" },
  annotations: { summary: "{{ $labels.instance | toUpper }} at {{ $value }}" },
  enabled: true,
  tests: [],
} as AlertingRule;

describe("the Tests part's page logic", () => {
  it("starts a case the model accepts, reading the expression's first series", () => {
    const test = newTestCase(rule, "30s");
    expect(AlertTestCaseSchema.safeParse(test).success).toBe(true);
    expect(test.inputSeries).toEqual([{ series: 'up{job="api"}', values: "1x10" }]);
    expect(test.interval).toBe("30s");
    expect(newTestCase({ expr: "vector(1)" }, "1m").inputSeries[0]?.series).toBe("up");
  });

  it("shows the expected alert as the bundle writes it, or why it cannot", () => {
    const test = {
      ...newTestCase(rule, "1m"),
      fires: true,
      labels: { __name__: "up", instance: "a:1" },
      value: 0,
    };
    expect(expectedAlertView(project, rule, test)).toEqual({
      ok: true,
      alert: { exp_labels: { instance: "a:1", severity: "page" }, exp_annotations: { summary: "A:1 at 0" } },
    });
    const broken = { ...rule, annotations: { summary: "{{ $labels.instance " } };
    const view = expectedAlertView(project, broken, test);
    expect(view.ok).toBe(false);
    expect(view.ok ? "" : view.message).toMatch(/alert Down: cannot render annotation summary/);
  });

  it("picks this rule's verdicts by its place and name, by case number", () => {
    const run: RuleTestsRunBody = {
      promtool: true,
      results: [
        { group: "g", alert: "Down", rule: 0, case: 1, ok: true, output: "SUCCESS" },
        { group: "g", alert: "Other", rule: 1, case: 1, ok: false, output: "FAILED" },
        { group: "g", alert: "Down", rule: 0, case: 2, ok: false, output: "FAILED: exp … got …" },
        // Another rule of the same name (an SLO's ticket alert beside its page alert).
        { group: "g", alert: "Down", rule: 2, case: 1, ok: false, output: "FAILED" },
      ],
    };
    const byCase = resultsForRule(run, { index: 0, alert: "Down" });
    expect([...byCase.keys()]).toEqual([1, 2]);
    expect(byCase.get(1)?.ok).toBe(true);
    expect(byCase.get(2)?.ok).toBe(false);
    expect(resultsForRule(run, { index: 2, alert: "Down" }).get(1)?.ok).toBe(false);
    expect(resultsForRule(undefined, { index: 0, alert: "Down" }).size).toBe(0);
  });
});
