"use client";

import type { ReactNode } from "react";
import { issuesWithin } from "@/components/form/field-messages";
import { CheckField, SettingsField } from "@/components/form/settings-field";
import { ChoiceSelect } from "@/components/ui/choice-select";
import type { Datasource } from "@/lib/model/datasource";
import type { ModelIssue } from "@/lib/model/issues";
import type { Variable } from "@/lib/model/variable";
import { allValueOf, intervalAutoOf, withAllValue, withIntervalAuto } from "../model/variable-ops";
import { useListText } from "./use-list-text";

type OfType<T extends Variable["type"]> = Extract<Variable, { type: T }>;

/** A change of the variable, recorded for undo under the field's name (typing in it is one step). */
export type VariableUpdate = (change: (variable: Variable) => Variable, field: string) => void;

/** A change that applies only while the variable still has `type` (undo may have changed it). */
function patchOf<T extends Variable["type"]>(
  type: T,
  change: (variable: OfType<T>) => OfType<T>,
): (variable: Variable) => Variable {
  return (variable) => (variable.type === type ? change(variable as OfType<T>) : variable);
}

interface TypeFieldsProps<T extends Variable["type"]> {
  variable: OfType<T>;
  update: VariableUpdate;
  issues: readonly ModelIssue[];
}

const QUERY_HINT =
  "label_values(up, job), label_values(job), label_names(), metrics(regex), query_result(expr)";

const REFRESH_CHOICES = [
  ["load", "On dashboard load"],
  ["timeRange", "On time range change"],
] as const;

/** Multi-value, All, and the custom all value of query and custom variables. */
function SelectionFields({ variable, update, issues }: TypeFieldsProps<"query" | "custom">): ReactNode {
  const type = variable.type;
  return (
    <div className="dash-field-row">
      <CheckField
        label="Multi-value"
        checked={variable.multi}
        onChange={(multi) =>
          update(
            patchOf(type, (v) => ({ ...v, multi })),
            "multi",
          )
        }
        testId="variable-multi"
      />
      <CheckField
        label="Include All"
        checked={variable.includeAll}
        onChange={(includeAll) =>
          update(
            patchOf(type, (v) => ({ ...v, includeAll })),
            "includeAll",
          )
        }
        testId="variable-include-all"
      />
      {variable.includeAll ? (
        <SettingsField
          label="Custom all value"
          issues={issuesWithin(issues, "allValue")}
          hint={
            type === "query" ? "Empty: every value, as a regex (.*) in the preview." : "Empty: every value."
          }
        >
          {(id) => (
            <input
              id={id}
              className="dash-code-input"
              value={allValueOf(variable)}
              placeholder=".*"
              onChange={(event) =>
                update(
                  patchOf(type, (v) => withAllValue(v, event.target.value)),
                  "allValue",
                )
              }
              data-testid="variable-all-value"
            />
          )}
        </SettingsField>
      ) : null}
    </div>
  );
}

export function QueryVariableFields({
  variable,
  update,
  issues,
  datasources,
  earlier,
}: TypeFieldsProps<"query"> & {
  datasources: readonly Datasource[];
  /** Variables before this one: a datasource variable among them may pick its datasource. */
  earlier: readonly Variable[];
}): ReactNode {
  const choices: [string, string][] = [
    ...datasources
      .filter((ds) => ds.type === "prometheus")
      .map((ds): [string, string] => [ds.uid, `${ds.name} (${ds.uid})`]),
    ...earlier
      .filter((other) => other.type === "datasource")
      .map((other): [string, string] => [`$${other.name}`, `$${other.name} (variable)`]),
  ];
  const current = variable.datasource ?? "";
  const known = current === "" || choices.some(([uid]) => uid === current);
  return (
    <>
      <SettingsField
        label="Datasource"
        issues={issuesWithin(issues, "datasource")}
        testId="variable-datasource"
      >
        {(id, invalid) => (
          <select
            id={id}
            value={current}
            aria-invalid={invalid}
            onChange={(event) =>
              update(
                patchOf("query", (v) => ({ ...v, datasource: event.target.value || undefined })),
                "datasource",
              )
            }
            data-testid="variable-datasource"
          >
            <option value="">Default Prometheus</option>
            {known ? null : <option value={current}>{current}</option>}
            {choices.map(([uid, label]) => (
              <option key={uid} value={uid}>
                {label}
              </option>
            ))}
          </select>
        )}
      </SettingsField>
      <SettingsField
        label="Query"
        issues={issuesWithin(issues, "query")}
        hint={QUERY_HINT}
        testId="variable-query"
        wide
      >
        {(id, invalid) => (
          <input
            id={id}
            className="dash-code-input"
            value={variable.query}
            aria-invalid={invalid}
            spellCheck={false}
            onChange={(event) =>
              update(
                patchOf("query", (v) => ({ ...v, query: event.target.value })),
                "query",
              )
            }
            data-testid="variable-query"
          />
        )}
      </SettingsField>
      <div className="dash-field-row">
        <SettingsField
          label="Regex"
          issues={issuesWithin(issues, "regex")}
          hint="Keeps matching values; a capture group (or one named value) becomes the value."
          testId="variable-regex"
        >
          {(id) => (
            <input
              id={id}
              className="dash-code-input"
              value={variable.regex}
              placeholder="/(.*):\d+/"
              spellCheck={false}
              onChange={(event) =>
                update(
                  patchOf("query", (v) => ({ ...v, regex: event.target.value })),
                  "regex",
                )
              }
              data-testid="variable-regex"
            />
          )}
        </SettingsField>
        <SettingsField label="Refresh" issues={issuesWithin(issues, "refresh")}>
          {(id) => (
            <ChoiceSelect
              id={id}
              value={variable.refresh}
              choices={REFRESH_CHOICES}
              onChange={(refresh) =>
                update(
                  patchOf("query", (v) => ({ ...v, refresh })),
                  "refresh",
                )
              }
              testId="variable-refresh"
            />
          )}
        </SettingsField>
      </div>
      <SelectionFields variable={variable} update={update} issues={issues} />
    </>
  );
}

export function CustomVariableFields({ variable, update, issues }: TypeFieldsProps<"custom">): ReactNode {
  const [text, onText] = useListText(variable.values, (values) =>
    update(
      patchOf("custom", (v) => ({ ...v, values })),
      "values",
    ),
  );
  return (
    <>
      <SettingsField
        label="Values separated by commas"
        issues={issuesWithin(issues, "values")}
        hint="A comma inside a value is written \,"
        testId="variable-values"
        wide
      >
        {(id, invalid) => (
          <input
            id={id}
            value={text}
            aria-invalid={invalid}
            placeholder="prod, staging, dev"
            onChange={(event) => onText(event.target.value)}
            data-testid="variable-values"
          />
        )}
      </SettingsField>
      <SelectionFields variable={variable} update={update} issues={issues} />
    </>
  );
}

export function ConstantVariableFields({ variable, update, issues }: TypeFieldsProps<"constant">): ReactNode {
  return (
    <SettingsField
      label="Value"
      issues={issuesWithin(issues, "value")}
      hint="Constants are hidden from the variable bar: a setting the queries share."
      testId="variable-value"
      wide
    >
      {(id) => (
        <input
          id={id}
          value={variable.value}
          onChange={(event) =>
            update(
              patchOf("constant", (v) => ({ ...v, value: event.target.value })),
              "value",
            )
          }
          data-testid="variable-value"
        />
      )}
    </SettingsField>
  );
}

export function IntervalVariableFields({ variable, update, issues }: TypeFieldsProps<"interval">): ReactNode {
  const [text, onText] = useListText(variable.values, (values) =>
    update(
      patchOf("interval", (v) => ({ ...v, values })),
      "values",
    ),
  );
  const auto = intervalAutoOf(variable);
  return (
    <>
      <SettingsField
        label="Intervals separated by commas"
        issues={issuesWithin(issues, "values")}
        testId="variable-values"
        wide
      >
        {(id, invalid) => (
          <input
            id={id}
            value={text}
            aria-invalid={invalid}
            placeholder="1m, 10m, 30m, 1h"
            onChange={(event) => onText(event.target.value)}
            data-testid="variable-values"
          />
        )}
      </SettingsField>
      <div className="dash-field-row">
        <CheckField
          label="Auto option"
          title="Grafana adds an “auto” choice that divides the time range into steps"
          checked={auto.enabled}
          onChange={(enabled) =>
            update(
              patchOf("interval", (v) => withIntervalAuto(v, { ...intervalAutoOf(v), enabled })),
              "auto",
            )
          }
          testId="variable-auto"
        />
        {auto.enabled ? (
          <>
            <SettingsField label="Steps" issues={issuesWithin(issues, "extra.auto_count")}>
              {(id) => (
                <input
                  id={id}
                  type="number"
                  min={1}
                  value={auto.count}
                  onChange={(event) =>
                    update(
                      patchOf("interval", (v) =>
                        withIntervalAuto(v, { ...intervalAutoOf(v), count: Number(event.target.value) }),
                      ),
                      "auto_count",
                    )
                  }
                  data-testid="variable-auto-count"
                />
              )}
            </SettingsField>
            <SettingsField label="Min interval" issues={issuesWithin(issues, "extra.auto_min")}>
              {(id) => (
                <input
                  id={id}
                  value={auto.min}
                  onChange={(event) =>
                    update(
                      patchOf("interval", (v) =>
                        withIntervalAuto(v, { ...intervalAutoOf(v), min: event.target.value }),
                      ),
                      "auto_min",
                    )
                  }
                  data-testid="variable-auto-min"
                />
              )}
            </SettingsField>
          </>
        ) : null}
      </div>
    </>
  );
}

const DATASOURCE_TYPES = [
  ["prometheus", "Prometheus"],
  ["loki", "Loki"],
  ["postgres", "PostgreSQL"],
] as const;

export function DatasourceVariableFields({
  variable,
  update,
  issues,
}: TypeFieldsProps<"datasource">): ReactNode {
  return (
    <SettingsField
      label="Datasource type"
      issues={issuesWithin(issues, "datasourceType")}
      hint="Offers the project's datasources of this type; queries use it as $name."
    >
      {(id) => (
        <ChoiceSelect
          id={id}
          value={variable.datasourceType}
          choices={DATASOURCE_TYPES}
          onChange={(datasourceType) =>
            update(
              patchOf("datasource", (v) => ({ ...v, datasourceType })),
              "datasourceType",
            )
          }
          testId="variable-datasource-type"
        />
      )}
    </SettingsField>
  );
}
