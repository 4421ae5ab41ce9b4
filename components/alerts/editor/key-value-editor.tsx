"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";
import { FieldMessages, issuesWithin } from "@/components/form/field-messages";
import { sameValue } from "@/lib/json/same-value";
import type { ModelIssue } from "@/lib/model/issues";

export interface KeyValueEditorProps {
  /** "Labels", "Other annotations": names the rows for screen readers and tests. */
  label: string;
  value: Readonly<Record<string, string>>;
  onChange: (next: Record<string, string>, coalesceKey: string) => void;
  /** Keys edited elsewhere (summary, description, runbook_url): not listed, kept as they are. */
  hiddenKeys?: readonly string[];
  /** The model path of the map (`rules[0].labels`), for issue messages. */
  path: string;
  issues: readonly ModelIssue[];
  testId: string;
  multilineValues?: boolean;
}

interface Row {
  id: number;
  key: string;
  value: string;
}

/** A row's issues: at `labels.team`, and for names with dots either `labels.team.name` or `labels["team.name"]`. */
function rowIssues(issues: readonly ModelIssue[], path: string, key: string): ModelIssue[] {
  const plain = issuesWithin(issues, `${path}.${key}`).filter(
    (issue) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) || issue.path === `${path}.${key}`,
  );
  return [...plain, ...issuesWithin(issues, `${path}[${JSON.stringify(key)}]`)];
}

/**
 * Names and values as rows. Rows are local while typing (a row with no name yet, two rows with one
 * name) and reach the model as a map in row order; a change from elsewhere (the YAML tab, undo)
 * that the rows do not already say replaces them.
 */
export function KeyValueEditor({
  label,
  value,
  onChange,
  hiddenKeys = [],
  path,
  issues,
  testId,
  multilineValues = false,
}: KeyValueEditorProps): ReactNode {
  const nextId = useRef(0);
  const toRows = (record: Readonly<Record<string, string>>): Row[] =>
    Object.entries(record)
      .filter(([key]) => !hiddenKeys.includes(key))
      .map(([key, entry]) => ({ id: nextId.current++, key, value: entry }));
  const [rows, setRows] = useState<Row[]>(() => toRows(value));
  const hidden = Object.fromEntries(Object.entries(value).filter(([key]) => hiddenKeys.includes(key)));

  const recordOf = (list: readonly Row[]): Record<string, string> => {
    const out: Record<string, string> = { ...hidden };
    for (const row of list) if (row.key !== "") out[row.key] = row.value;
    return out;
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: only an outside change of the map resets the rows
  useEffect(() => {
    if (!sameValue(recordOf(rows), value)) setRows(toRows(value));
  }, [value]);

  const change = (next: Row[], field: string): void => {
    setRows(next);
    onChange(recordOf(next), `${path}.${field}`);
  };
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.key, (counts.get(row.key) ?? 0) + 1);

  return (
    <fieldset className="alerts-kv" data-testid={testId}>
      <legend>{label}</legend>
      {rows.length === 0 ? <p className="muted small">None.</p> : null}
      {rows.map((row, index) => {
        const shown = row.key === "" ? [] : rowIssues(issues, path, row.key);
        return (
          <div key={row.id} className="alerts-kv-row" data-testid={`${testId}-row`}>
            <input
              aria-label={`${label} name ${index + 1}`}
              value={row.key}
              placeholder="name"
              onChange={(event) =>
                change(
                  rows.map((r) => (r.id === row.id ? { ...r, key: event.target.value } : r)),
                  `key${row.id}`,
                )
              }
              aria-invalid={shown.length > 0 || undefined}
              data-testid={`${testId}-key`}
            />
            {multilineValues ? (
              <textarea
                aria-label={`${label} value ${index + 1}`}
                value={row.value}
                rows={2}
                onChange={(event) =>
                  change(
                    rows.map((r) => (r.id === row.id ? { ...r, value: event.target.value } : r)),
                    `value${row.id}`,
                  )
                }
                data-testid={`${testId}-value`}
              />
            ) : (
              <input
                aria-label={`${label} value ${index + 1}`}
                value={row.value}
                placeholder="value"
                onChange={(event) =>
                  change(
                    rows.map((r) => (r.id === row.id ? { ...r, value: event.target.value } : r)),
                    `value${row.id}`,
                  )
                }
                data-testid={`${testId}-value`}
              />
            )}
            <button
              type="button"
              className="button button-small"
              aria-label={`Remove ${label.toLowerCase()} ${row.key || index + 1}`}
              onClick={() =>
                change(
                  rows.filter((r) => r.id !== row.id),
                  "remove",
                )
              }
            >
              Remove
            </button>
            {(counts.get(row.key) ?? 0) > 1 && row.key !== "" ? (
              <span className="field-issues">"{row.key}" is repeated: the last one counts</span>
            ) : null}
            <FieldMessages issues={shown} />
          </div>
        );
      })}
      <button
        type="button"
        className="button button-small"
        onClick={() => setRows([...rows, { id: nextId.current++, key: "", value: "" }])}
        data-testid={`${testId}-add`}
      >
        Add
      </button>
    </fieldset>
  );
}
