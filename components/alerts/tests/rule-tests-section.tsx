"use client";

import { useMutation } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ApiErrorNotice } from "@/components/ui/api-error-notice";
import { sameValue } from "@/lib/json/same-value";
import type { AlertingRule, AlertTestCase } from "@/lib/model";
import type { ModelIssue } from "@/lib/model/issues";
import { useRuleGroupState } from "../store/store-provider";
import { newTestCase, resultsForRule } from "./case-view";
import { runGroupTests } from "./rule-tests-client";
import { TestCaseForm } from "./test-case-form";

export interface RuleTestsSectionProps {
  rule: AlertingRule;
  index: number;
  issues: readonly ModelIssue[];
}

/**
 * A rule's promtool unit tests: its cases in a form (written by hand or added from a backtest
 * window), and "Run tests", which runs the saved group's tests with the server's promtool and
 * shows each case's verdict with promtool's own message on failure. Tests run on what is saved,
 * so the button waits for the autosave of the latest edit.
 */
export function RuleTestsSection({ rule, index, issues }: RuleTestsSectionProps): ReactNode {
  const projectId = useRuleGroupState((state) => state.projectId);
  const project = useRuleGroupState((state) => state.project);
  const savedName = useRuleGroupState((state) => state.base.draft.name);
  const interval = useRuleGroupState((state) => state.group.interval ?? state.project.evaluationInterval);
  const saved = useRuleGroupState((state) => sameValue(state.group, state.base.draft));
  const updateRule = useRuleGroupState((state) => state.updateRule);
  const run = useMutation({ mutationFn: () => runGroupTests(projectId, savedName) });
  const results = resultsForRule(run.data, { index, alert: rule.alert });
  const path = `rules[${index}].tests`;

  const setTests = (tests: AlertTestCase[], field: string): void =>
    updateRule(
      index,
      (current) => (current.kind === "alert" ? { ...current, tests } : current),
      `${path}.${field}`,
    );

  return (
    <section className="alerts-tests" aria-label="Tests" data-testid="rule-tests">
      <h4>Tests</h4>
      <p className="muted small">
        promtool unit tests, exported in the bundle under <code>prometheus/tests/</code>. Write a case here,
        or generate cases from a backtest window below.
      </p>
      {rule.tests.length === 0 ? <p className="empty">No test cases yet.</p> : null}
      {rule.tests.map((test, i) => (
        <TestCaseForm
          // biome-ignore lint/suspicious/noArrayIndexKey: cases are numbered by their place, as promtool's verdicts are
          key={i}
          project={project}
          rule={rule}
          test={test}
          number={i + 1}
          path={`${path}[${i}]`}
          issues={issues}
          result={results.get(i + 1)}
          onChange={(next, field) =>
            setTests(
              rule.tests.map((entry, j) => (j === i ? next : entry)),
              `${i}.${field}`,
            )
          }
          onRemove={() =>
            setTests(
              rule.tests.filter((_, j) => j !== i),
              "remove",
            )
          }
        />
      ))}
      <div className="alerts-toolbar">
        <button
          type="button"
          className="button"
          onClick={() => setTests([...rule.tests, newTestCase(rule, interval)], "add")}
        >
          Add test case
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => run.mutate()}
          disabled={!saved || run.isPending || rule.tests.length === 0}
          aria-busy={run.isPending}
        >
          {run.isPending ? "Running…" : "Run tests"}
        </button>
        {saved ? null : (
          <span className="muted small" data-testid="rule-tests-unsaved">
            Tests run on the saved group: waiting for the save of your last edit (fix the group's problems
            first).
          </span>
        )}
      </div>
      {run.error ? <ApiErrorNotice error={run.error} title="The tests could not be run" /> : null}
      {run.data && !run.data.promtool ? (
        <p className="notice" role="status">
          promtool is not on the server: the tests were not run. They are in the bundle for{" "}
          <code>promtool test rules</code>.
        </p>
      ) : null}
      {run.data?.promtool ? (
        <p role="status" data-testid="rule-tests-summary">
          {summary([...results.values()].map((result) => result.ok))}
        </p>
      ) : null}
    </section>
  );
}

function summary(verdicts: readonly boolean[]): string {
  const passed = verdicts.filter(Boolean).length;
  if (verdicts.length === 0) return "promtool ran no case of this rule.";
  return passed === verdicts.length
    ? `All ${verdicts.length} case${verdicts.length === 1 ? "" : "s"} pass.`
    : `${verdicts.length - passed} of ${verdicts.length} cases fail.`;
}
