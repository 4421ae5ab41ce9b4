"use client";

import type { ReactNode } from "react";
import type { ModelIssue } from "@/lib/model/issues";
import type { Variable } from "@/lib/model/variable";
import { VARIABLE_TYPE_LABELS } from "../model/variable-ops";
import { issuesOfVariable } from "./use-settings-issues";

export interface VariableListProps {
  variables: readonly Variable[];
  selected: number | undefined;
  issues: readonly ModelIssue[];
  onSelect: (index: number) => void;
  onMove: (index: number, offset: number) => void;
  onDelete: (index: number) => void;
}

/** The variables in their order (later ones may use earlier ones), each with its problems' count. */
export function VariableList({
  variables,
  selected,
  issues,
  onSelect,
  onMove,
  onDelete,
}: VariableListProps): ReactNode {
  if (variables.length === 0) {
    return (
      <p className="muted" data-testid="variable-list-empty">
        No variables yet: add one below, then use it in panel queries as $name.
      </p>
    );
  }
  return (
    <ol className="dash-variable-list" data-testid="variable-list">
      {variables.map((variable, index) => {
        const own = issuesOfVariable(issues, index);
        const errors = own.filter((issue) => issue.severity === "error").length;
        const warnings = own.length - errors;
        return (
          <li
            // Order is identity here: names may repeat while being typed.
            // biome-ignore lint/suspicious/noArrayIndexKey: the index is the variable's address
            key={index}
            className={selected === index ? "dash-variable-item active" : "dash-variable-item"}
            data-testid="variable-row"
            data-variable-name={variable.name}
          >
            <button
              type="button"
              className="dash-link-button dash-variable-select"
              aria-current={selected === index || undefined}
              onClick={() => onSelect(index)}
              data-testid="variable-select"
            >
              <code>${variable.name}</code>
              {variable.label ? <span className="muted small"> {variable.label}</span> : null}{" "}
              <span className="badge">{VARIABLE_TYPE_LABELS[variable.type]}</span>
              {errors > 0 ? (
                <span className="dash-issue-count" title="problems">
                  {" "}
                  ⚠ {errors}
                </span>
              ) : warnings > 0 ? (
                <span className="dash-warning small" title="warnings">
                  {" "}
                  ⚠ {warnings}
                </span>
              ) : null}
            </button>
            <span className="dash-variable-actions">
              <button
                type="button"
                className="button button-small"
                disabled={index === 0}
                aria-label={`Move $${variable.name} up`}
                onClick={() => onMove(index, -1)}
                data-testid="variable-move-up"
              >
                ↑
              </button>
              <button
                type="button"
                className="button button-small"
                disabled={index === variables.length - 1}
                aria-label={`Move $${variable.name} down`}
                onClick={() => onMove(index, 1)}
                data-testid="variable-move-down"
              >
                ↓
              </button>
              <button
                type="button"
                className="button button-small button-danger-outline"
                aria-label={`Delete $${variable.name}`}
                onClick={() => onDelete(index)}
                data-testid="variable-delete"
              >
                ✕
              </button>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
