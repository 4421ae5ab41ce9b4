"use client";

import { type ReactNode, useId, useState } from "react";
import { ChoiceSelect } from "@/components/ui/choice-select";
import {
  defaultVariable,
  newVariableNameProblem,
  suggestVariableName,
  VARIABLE_TYPE_CHOICES,
  type VariableType,
} from "../model/variable-ops";
import { useDraftActions, useDraftVariables } from "../store/store-provider";

export interface AddVariableFormProps {
  onAdded: (index: number) => void;
}

/**
 * Type and name first, then one edit adds the variable with working defaults (one undo step);
 * the name is asked here because it is how queries refer to the variable.
 */
export function AddVariableForm({ onAdded }: AddVariableFormProps): ReactNode {
  const variables = useDraftVariables();
  const { addVariable } = useDraftActions();
  const [type, setType] = useState<VariableType>("query");
  /** undefined while the suggested name stands. */
  const [typed, setTyped] = useState<string | undefined>(undefined);
  const id = useId();
  const name = typed ?? suggestVariableName(variables, type);
  const problem = newVariableNameProblem(variables, name);
  return (
    <form
      className="dash-add-variable"
      aria-label="Add a variable"
      onSubmit={(event) => {
        event.preventDefault();
        if (problem) return;
        setTyped(undefined);
        onAdded(addVariable(defaultVariable(type, name)));
      }}
    >
      <div className="dash-field-row">
        <div className="field dash-field">
          <label className="field-label" htmlFor={`${id}-type`}>
            New variable of type
          </label>
          <ChoiceSelect
            id={`${id}-type`}
            value={type}
            choices={VARIABLE_TYPE_CHOICES}
            onChange={setType}
            testId="new-variable-type"
          />
        </div>
        <div className="field dash-field">
          <label className="field-label" htmlFor={`${id}-name`}>
            Name
          </label>
          <input
            id={`${id}-name`}
            value={name}
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => setTyped(event.target.value)}
            data-testid="new-variable-name"
          />
        </div>
        <button
          type="submit"
          className="button button-primary"
          disabled={Boolean(problem)}
          data-testid="add-variable"
        >
          + Add variable
        </button>
      </div>
      {problem ? (
        <p className="field-issues" role="alert" data-testid="new-variable-problem">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
