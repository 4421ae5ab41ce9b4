"use client";

import type { ReactNode } from "react";
import type { Variable } from "@/lib/model/variable";
import { useVariables } from "../data/variables-context";

/** How many values the preview lists before "and N more". */
const SHOWN = 40;

export interface VariablePreviewProps {
  variable: Variable;
}

/**
 * The values the variable offers, as the variable bar gets them: the same options, loaded once
 * for the page (query variables through the project's preview API, with the regex applied and the
 * earlier variables' selections), so the preview and the drop-down never disagree.
 */
export function VariablePreview({ variable }: VariablePreviewProps): ReactNode {
  const { options } = useVariables();
  const entry = options[variable.name];
  const state = !entry || entry.pending ? "loading" : entry.error ? "error" : "ready";
  const values = entry?.options ?? [];
  return (
    <section className="dash-variable-preview" data-testid="variable-preview" data-state={state}>
      <div className="dash-variable-preview-head">
        <strong>Preview of values</strong>
        {state === "ready" ? (
          <span className="muted small" data-testid="variable-preview-count">
            {values.length === 1 ? "1 value" : `${values.length} values`}
          </span>
        ) : null}
      </div>
      {state === "loading" ? <p className="muted small">Asking Prometheus…</p> : null}
      {entry?.error ? (
        <p className="dash-variable-error small" role="alert" data-testid="variable-preview-error">
          {entry.error}
        </p>
      ) : null}
      {state === "ready" && values.length === 0 ? (
        <p className="muted small" data-testid="variable-preview-empty">
          {variable.type === "datasource"
            ? `The project has no ${variable.datasourceType} datasource.`
            : "No values: the drop-down will be empty."}
        </p>
      ) : null}
      {values.length > 0 ? (
        <ul className="dash-variable-preview-values">
          {values.slice(0, SHOWN).map((value) => (
            <li key={value} className="tag" data-testid="variable-preview-value">
              {value === "" ? "(empty)" : value}
            </li>
          ))}
          {values.length > SHOWN ? <li className="muted small">and {values.length - SHOWN} more</li> : null}
        </ul>
      ) : null}
    </section>
  );
}
