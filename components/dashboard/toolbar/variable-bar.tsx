"use client";

import { type ReactNode, useId, useState } from "react";
import type { Variable } from "@/lib/model/variable";
import type { VariableOptions } from "../data/use-variable-options";
import { useVariables } from "../data/variables-context";
import { ALL, allowsAll, allowsMany, selectionLabel } from "../model/variables";
import { useDraftVariables, useViewState } from "../store/store-provider";

interface VariablePickerProps {
  variable: Variable;
  options: VariableOptions;
  selection: string[];
  onChange: (values: string[]) => void;
}

function MultiPicker({ variable, options, selection, onChange }: VariablePickerProps): ReactNode {
  const [open, setOpen] = useState(false);
  const id = useId();
  const toggle = (value: string): void => {
    if (value === ALL) {
      onChange([ALL]);
      return;
    }
    const current = selection.filter((entry) => entry !== ALL);
    const next = current.includes(value) ? current.filter((entry) => entry !== value) : [...current, value];
    onChange(next.length === 0 ? (allowsAll(variable) ? [ALL] : []) : next);
  };
  return (
    <div className="dash-picker">
      <button
        type="button"
        className="button dash-variable-button"
        aria-expanded={open}
        aria-controls={`${id}-options`}
        onClick={() => setOpen(!open)}
        data-testid={`variable-${variable.name}`}
      >
        {selectionLabel(selection)} ▾
      </button>
      {open ? (
        <div className="dash-popover" id={`${id}-options`} data-testid={`variable-${variable.name}-options`}>
          {allowsAll(variable) ? (
            <label className="dash-check">
              <input type="checkbox" checked={selection.includes(ALL)} onChange={() => toggle(ALL)} /> All
            </label>
          ) : null}
          {options.options.map((option) => (
            <label key={option} className="dash-check">
              <input type="checkbox" checked={selection.includes(option)} onChange={() => toggle(option)} />{" "}
              {option}
            </label>
          ))}
          <button type="button" className="button button-small" onClick={() => setOpen(false)}>
            Done
          </button>
        </div>
      ) : null}
    </div>
  );
}

function SinglePicker({ variable, options, selection, onChange }: VariablePickerProps): ReactNode {
  const value = selection[0] ?? "";
  const known = value === ALL || options.options.includes(value);
  return (
    <select
      aria-label={variable.label ?? variable.name}
      value={value}
      onChange={(event) => onChange([event.target.value])}
      data-testid={`variable-${variable.name}`}
      disabled={variable.type === "constant"}
    >
      {allowsAll(variable) ? <option value={ALL}>All</option> : null}
      {known || value === "" ? null : <option value={value}>{value}</option>}
      {options.options.map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </select>
  );
}

/** The dashboard's template variables as drop-downs; query variables list values from Prometheus. */
export function VariableBar(): ReactNode {
  const variables = useDraftVariables();
  const { selectVariable } = useViewState();
  const { options, selections } = useVariables();
  const shown = variables.filter((variable) => !variable.hide && variable.type !== "constant");
  if (shown.length === 0) return null;
  return (
    <div className="dash-variables" data-testid="variable-bar">
      {shown.map((variable) => {
        const entry = options[variable.name] ?? { options: [], pending: true, error: undefined };
        const selection = selections[variable.name] ?? [];
        const Picker = allowsMany(variable) ? MultiPicker : SinglePicker;
        return (
          <div key={variable.name} className="dash-variable">
            <span className="dash-variable-label">{variable.label ?? variable.name}</span>
            <Picker
              variable={variable}
              options={entry}
              selection={selection}
              onChange={(values) => selectVariable(variable.name, values)}
            />
            {entry.error ? (
              <span className="dash-variable-error" title={entry.error} data-testid="variable-error">
                ⚠
              </span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
