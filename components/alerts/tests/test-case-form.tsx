"use client";

import type { ReactNode } from "react";
import { issuesWithin } from "@/components/form/field-messages";
import { CheckField, SettingsField, SettingsInput } from "@/components/form/settings-field";
import type { RuleTestCaseResultBody } from "@/lib/alerting/rule-tests/api-schemas";
import type { AlertingRule, AlertTestCase, Project } from "@/lib/model";
import type { ModelIssue } from "@/lib/model/issues";
import { KeyValueEditor } from "../editor/key-value-editor";
import { expectedAlertView } from "./case-view";

export interface TestCaseFormProps {
  project: Project;
  rule: AlertingRule;
  test: AlertTestCase;
  /** 1-based, as promtool's verdicts number the cases. */
  number: number;
  /** The model path of the case (`rules[0].tests[1]`), for its messages. */
  path: string;
  issues: readonly ModelIssue[];
  result: RuleTestCaseResultBody | undefined;
  onChange: (next: AlertTestCase, field: string) => void;
  onRemove: () => void;
}

/** The alert the case expects, as the bundle's test file writes it, or why it cannot be written. */
function ExpectedAlert({
  project,
  rule,
  test,
}: Pick<TestCaseFormProps, "project" | "rule" | "test">): ReactNode {
  const view = expectedAlertView(project, rule, test);
  if (!view.ok)
    return (
      <p className="field-issues" role="alert">
        {view.message}
      </p>
    );
  return (
    <dl className="alerts-test-expected" data-testid="rule-test-expected">
      <dt>exp_labels</dt>
      <dd>
        <code>{JSON.stringify(view.alert.exp_labels)}</code>
      </dd>
      <dt>exp_annotations</dt>
      <dd>
        {Object.entries(view.alert.exp_annotations).map(([name, text]) => (
          <div key={name}>
            <code>{name}</code>: {text}
          </div>
        ))}
      </dd>
    </dl>
  );
}

/**
 * One promtool test case of a rule: input series in promtool's notation (`0+10x30`, `_x5`,
 * `stale`), when to evaluate, and whether the alert fires then; for a firing case the result's
 * labels and value, from which the expected alert's labels and annotations are rendered.
 */
export function TestCaseForm({
  project,
  rule,
  test,
  number,
  path,
  issues,
  result,
  onChange,
  onRemove,
}: TestCaseFormProps): ReactNode {
  const set = <K extends keyof AlertTestCase>(key: K, value: AlertTestCase[K]): void =>
    onChange({ ...test, [key]: value }, String(key));
  const setSeries = (index: number, part: "series" | "values", text: string): void =>
    onChange(
      {
        ...test,
        inputSeries: test.inputSeries.map((entry, i) => (i === index ? { ...entry, [part]: text } : entry)),
      },
      `inputSeries.${index}.${part}`,
    );
  return (
    <fieldset
      className="alerts-test-case"
      data-testid="rule-test-case"
      data-result={result ? (result.ok ? "passed" : "failed") : undefined}
      aria-label={`Test case ${number}`}
    >
      <legend>
        Case {number} ({test.fires ? "fires" : "stays quiet"})
        {test.description ? `: ${test.description}` : ""}
      </legend>
      <div className="alerts-field-row">
        <SettingsInput
          label="Description"
          value={test.description ?? ""}
          onChange={(text) => set("description", text === "" ? undefined : text)}
          issues={issuesWithin(issues, `${path}.description`)}
          wide
        />
        <SettingsInput
          label="Interval"
          value={test.interval}
          onChange={(text) => set("interval", text)}
          issues={issuesWithin(issues, `${path}.interval`)}
          hint="Between the input samples."
        />
        <SettingsInput
          label="Evaluation time"
          value={test.evalTime}
          onChange={(text) => set("evalTime", text)}
          issues={issuesWithin(issues, `${path}.evalTime`)}
          hint="From the first sample (promtool's eval_time)."
        />
      </div>
      <fieldset className="alerts-kv">
        <legend>Input series</legend>
        {test.inputSeries.map((entry, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <div key={index} className="alerts-kv-row">
            <SettingsInput
              label={`Series ${index + 1}`}
              value={entry.series}
              placeholder='up{job="api"}'
              onChange={(text) => setSeries(index, "series", text)}
              issues={issuesWithin(issues, `${path}.inputSeries[${index}].series`)}
            />
            <SettingsInput
              label={`Values ${index + 1}`}
              value={entry.values}
              placeholder="0+10x30 _x5 stale"
              onChange={(text) => setSeries(index, "values", text)}
              issues={issuesWithin(issues, `${path}.inputSeries[${index}].values`)}
            />
            <button
              type="button"
              className="button button-small"
              aria-label={`Remove series ${index + 1}`}
              disabled={test.inputSeries.length === 1}
              onClick={() =>
                onChange(
                  { ...test, inputSeries: test.inputSeries.filter((_, i) => i !== index) },
                  "inputSeries",
                )
              }
            >
              Remove
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button-small"
          onClick={() => set("inputSeries", [...test.inputSeries, { series: "", values: "" }])}
        >
          Add series
        </button>
      </fieldset>
      <CheckField
        label="The alert fires at the evaluation time"
        checked={test.fires}
        onChange={(fires) => set("fires", fires)}
      />
      {test.fires ? (
        <>
          <KeyValueEditor
            label="Result labels"
            value={test.labels}
            onChange={(labels, key) => onChange({ ...test, labels }, key)}
            path={`${path}.labels`}
            issues={issues}
            testId="rule-test-labels"
          />
          <SettingsField
            label="Value at the evaluation time"
            issues={issuesWithin(issues, `${path}.value`)}
            hint="$value in the annotations."
          >
            {(id, invalid) => (
              <input
                id={id}
                type="number"
                step="any"
                value={test.value ?? ""}
                aria-invalid={invalid}
                onChange={(event) =>
                  set("value", event.target.value === "" ? undefined : Number(event.target.value))
                }
              />
            )}
          </SettingsField>
          <ExpectedAlert project={project} rule={rule} test={test} />
        </>
      ) : null}
      {result ? (
        <div data-testid="rule-test-result" role="status">
          <strong className={result.ok ? "alerts-test-passed" : "alerts-test-failed"}>
            {result.ok ? "Passed" : "Failed"}
          </strong>
          {result.ok ? null : <pre className="alerts-test-output">{result.output}</pre>}
        </div>
      ) : null}
      <button type="button" className="button button-small button-danger-outline" onClick={onRemove}>
        Remove case {number}
      </button>
    </fieldset>
  );
}
