"use client";

import type { ReactNode } from "react";
import { FieldMessages, issuesWithin } from "@/components/form/field-messages";
import { CheckField, SettingsField } from "@/components/form/settings-field";
import { ChoiceSelect } from "@/components/ui/choice-select";
import type { ModelIssue } from "@/lib/model/issues";
import type { Variable } from "@/lib/model/variable";
import { changeVariableType, VARIABLE_TYPE_CHOICES } from "../model/variable-ops";
import { useDraftActions, useDraftVariables, useProjectDatasources } from "../store/store-provider";
import { VariablePreview } from "./variable-preview";
import {
  ConstantVariableFields,
  CustomVariableFields,
  DatasourceVariableFields,
  IntervalVariableFields,
  QueryVariableFields,
  type VariableUpdate,
} from "./variable-type-fields";

/** Paths the editor has a field for: the variable's other issues are listed at its top. */
const FIELDS = [
  "type",
  "name",
  "label",
  "hide",
  "datasource",
  "query",
  "regex",
  "refresh",
  "multi",
  "includeAll",
  "allValue",
  "values",
  "value",
  "extra.auto_count",
  "extra.auto_min",
  "datasourceType",
];

function TypeFields({
  variable,
  index,
  update,
  issues,
}: {
  variable: Variable;
  index: number;
  update: VariableUpdate;
  issues: readonly ModelIssue[];
}): ReactNode {
  const datasources = useProjectDatasources();
  const variables = useDraftVariables();
  switch (variable.type) {
    case "query":
      return (
        <QueryVariableFields
          variable={variable}
          update={update}
          issues={issues}
          datasources={datasources}
          earlier={variables.slice(0, index)}
        />
      );
    case "custom":
      return <CustomVariableFields variable={variable} update={update} issues={issues} />;
    case "constant":
      return <ConstantVariableFields variable={variable} update={update} issues={issues} />;
    case "interval":
      return <IntervalVariableFields variable={variable} update={update} issues={issues} />;
    case "datasource":
      return <DatasourceVariableFields variable={variable} update={update} issues={issues} />;
    default: {
      const never: never = variable;
      throw new Error(`unknown variable ${JSON.stringify(never)}`);
    }
  }
}

export interface VariableEditorProps {
  index: number;
  variable: Variable;
  /** Issues of this variable, paths relative to it (`query`, `name`). */
  issues: readonly ModelIssue[];
}

/** One variable's form: what every type has, then its type's own fields, then its values. */
export function VariableEditor({ index, variable, issues }: VariableEditorProps): ReactNode {
  const { updateVariable } = useDraftActions();
  const update: VariableUpdate = (change, field) =>
    updateVariable(index, change, `variable:${index}:${field}`);
  const elsewhere = issues.filter(
    (issue) => !FIELDS.some((field) => issuesWithin([issue], field).length > 0),
  );
  return (
    <div
      className="dash-form dash-variable-editor"
      data-testid="variable-editor"
      data-variable-name={variable.name}
    >
      <FieldMessages issues={elsewhere} testId="variable-issues" />
      <div className="dash-field-row">
        <SettingsField label="Type" issues={issuesWithin(issues, "type")}>
          {(id) => (
            <ChoiceSelect
              id={id}
              value={variable.type}
              choices={VARIABLE_TYPE_CHOICES}
              onChange={(type) => update((v) => changeVariableType(v, type), "type")}
              testId="variable-type"
            />
          )}
        </SettingsField>
        <SettingsField
          label="Name"
          issues={issuesWithin(issues, "name")}
          hint={`Queries use it as $${variable.name || "name"}.`}
          testId="variable-name"
        >
          {(id, invalid) => (
            <input
              id={id}
              value={variable.name}
              aria-invalid={invalid}
              spellCheck={false}
              onChange={(event) => update((v) => ({ ...v, name: event.target.value }), "name")}
              data-testid="variable-name"
            />
          )}
        </SettingsField>
        <SettingsField label="Label" issues={issuesWithin(issues, "label")} hint="Shown in the variable bar.">
          {(id) => (
            <input
              id={id}
              value={variable.label ?? ""}
              placeholder={variable.name}
              onChange={(event) => update((v) => ({ ...v, label: event.target.value || undefined }), "label")}
              data-testid="variable-label"
            />
          )}
        </SettingsField>
      </div>
      {variable.type === "constant" ? null : (
        <CheckField
          label="Hide from the variable bar"
          checked={variable.hide}
          onChange={(hide) => update((v) => ({ ...v, hide }), "hide")}
          testId="variable-hide"
        />
      )}
      <TypeFields variable={variable} index={index} update={update} issues={issues} />
      <VariablePreview variable={variable} />
    </div>
  );
}
