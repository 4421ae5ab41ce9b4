"use client";

import { type ReactNode, useMemo } from "react";
import { labelValuesVariable, newVariableNameProblem } from "../model/variable-ops";
import { listTitles, undefinedVariables } from "../model/variable-usage";
import { useDraftActions, useDraftDashboard } from "../store/store-provider";

export interface UndefinedVariablesProps {
  onDefined: (index: number) => void;
}

/**
 * Names panel queries (or other variables) use that no variable defines, with who uses them; one
 * click defines one as a query variable listing the values of the label of that name.
 */
export function UndefinedVariables({ onDefined }: UndefinedVariablesProps): ReactNode {
  const dashboard = useDraftDashboard();
  const { addVariable } = useDraftActions();
  const missing = useMemo(() => undefinedVariables(dashboard), [dashboard]);
  if (missing.length === 0) return null;
  return (
    <div className="notice notice-warning dash-undefined-variables" data-testid="undefined-variables">
      <strong>Used but not defined</strong>
      <ul>
        {missing.map((entry) => {
          const users = [
            entry.panels.length > 0
              ? `${entry.panels.length === 1 ? "panel" : "panels"} ${listTitles(entry.panels.map((panel) => panel.title))}`
              : undefined,
            entry.variables.length > 0
              ? `${entry.variables.length === 1 ? "variable" : "variables"} ${entry.variables.map((name) => `$${name}`).join(", ")}`
              : undefined,
          ].filter(Boolean);
          const definable = newVariableNameProblem(dashboard.variables, entry.name) === undefined;
          return (
            <li key={entry.name} data-testid="undefined-variable" data-variable-name={entry.name}>
              <code>${entry.name}</code> is used by {users.join(" and ")}.{" "}
              {definable ? (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => onDefined(addVariable(labelValuesVariable(entry.name)))}
                  title={`Add a query variable $${entry.name} = label_values(${entry.name})`}
                  data-testid={`define-variable-${entry.name}`}
                >
                  Define ${entry.name}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
