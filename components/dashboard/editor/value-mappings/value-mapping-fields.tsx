"use client";

import type { ReactNode } from "react";
import { FieldMessages, issuesWithin } from "@/components/form/field-messages";
import { COLOR_CHOICES, cssColor } from "@/lib/dashboard/thresholds";
import type { SpecialValueMatch, ValueMapping, ValueMappingResult } from "@/lib/model/field-config";
import type { ModelIssue } from "@/lib/model/issues";
import {
  type MappingType,
  newMapping,
  replaced,
  resultOf,
  SPECIAL_LABELS,
  setValueEntry,
  valueEntries,
  withResult,
  without,
} from "./mapping-edit";

const TYPE_LABELS: ReadonlyArray<[MappingType, string]> = [
  ["value", "Value"],
  ["range", "Range"],
  ["regex", "Regex"],
  ["special", "Special"],
];

function optionalNumber(text: string): number | null {
  if (text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

interface ResultFieldsProps {
  result: ValueMappingResult;
  label: string;
  onChange: (result: ValueMappingResult) => void;
}

/** What a matched value shows: a text, a colour, or both. */
function ResultFields({ result, label, onChange }: ResultFieldsProps): ReactNode {
  const color = result.color ?? "";
  return (
    <>
      <input
        aria-label={`Display text of ${label}`}
        placeholder="display text"
        value={result.text ?? ""}
        onChange={(event) => onChange(withResult(result, { text: event.target.value }))}
        data-testid="mapping-text"
      />
      {color ? <span className="dash-swatch" style={{ background: cssColor(color) }} /> : null}
      <select
        aria-label={`Colour of ${label}`}
        value={color}
        onChange={(event) => onChange(withResult(result, { color: event.target.value }))}
        data-testid="mapping-color"
      >
        <option value="">(no colour)</option>
        {color && !COLOR_CHOICES.includes(color) ? <option value={color}>{color}</option> : null}
        {COLOR_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    </>
  );
}

interface MappingRowProps {
  mapping: ValueMapping;
  index: number;
  onChange: (mapping: ValueMapping) => void;
}

/** One mapping's condition (its type's own inputs) and result. */
function MappingRow({ mapping, index, onChange }: MappingRowProps): ReactNode {
  const label = `mapping ${index + 1}`;
  switch (mapping.type) {
    case "value":
      return (
        <>
          {valueEntries(mapping).map(([key, result], entry) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: entries are positional; their keys are being edited
            <span key={entry} className="dash-inline">
              <input
                aria-label={`Value of ${label}`}
                placeholder="value"
                value={key}
                onChange={(event) => onChange(setValueEntry(mapping, entry, event.target.value, result))}
                data-testid="mapping-value"
              />
              <ResultFields
                result={result}
                label={label}
                onChange={(next) => onChange(setValueEntry(mapping, entry, key, next))}
              />
            </span>
          ))}
        </>
      );
    case "range":
      return (
        <>
          <input
            type="number"
            step="any"
            aria-label={`From of ${label}`}
            placeholder="from"
            value={mapping.options.from ?? ""}
            onChange={(event) =>
              onChange({
                ...mapping,
                options: { ...mapping.options, from: optionalNumber(event.target.value) },
              })
            }
          />
          <input
            type="number"
            step="any"
            aria-label={`To of ${label}`}
            placeholder="to"
            value={mapping.options.to ?? ""}
            onChange={(event) =>
              onChange({
                ...mapping,
                options: { ...mapping.options, to: optionalNumber(event.target.value) },
              })
            }
          />
          <ResultFields
            result={mapping.options.result}
            label={label}
            onChange={(result) => onChange({ ...mapping, options: { ...mapping.options, result } })}
          />
        </>
      );
    case "regex":
      return (
        <>
          <input
            aria-label={`Pattern of ${label}`}
            placeholder="/regex/"
            value={mapping.options.pattern}
            onChange={(event) =>
              onChange({ ...mapping, options: { ...mapping.options, pattern: event.target.value } })
            }
          />
          <ResultFields
            result={mapping.options.result}
            label={label}
            onChange={(result) => onChange({ ...mapping, options: { ...mapping.options, result } })}
          />
        </>
      );
    case "special":
      return (
        <>
          <select
            aria-label={`Special value of ${label}`}
            value={mapping.options.match}
            onChange={(event) =>
              onChange({
                ...mapping,
                options: { ...mapping.options, match: event.target.value as SpecialValueMatch },
              })
            }
          >
            {SPECIAL_LABELS.map(([match, text]) => (
              <option key={match} value={match}>
                {text}
              </option>
            ))}
          </select>
          <ResultFields
            result={mapping.options.result}
            label={label}
            onChange={(result) => onChange({ ...mapping, options: { ...mapping.options, result } })}
          />
        </>
      );
    default: {
      const never: never = mapping;
      throw new Error(`unknown mapping ${JSON.stringify(never)}`);
    }
  }
}

export interface ValueMappingFieldsProps {
  value: readonly ValueMapping[] | undefined;
  onChange: (value: ValueMapping[] | undefined) => void;
  /** The model's issues for the panel; those under `mappings` show here. */
  issues: readonly ModelIssue[];
}

/**
 * Value mappings: each value (exact, in a range, matching a regex, or special: null, NaN, true …)
 * and the text or colour it shows instead, first match first, as in Grafana's mapping editor.
 */
export function ValueMappingFields({ value, onChange, issues }: ValueMappingFieldsProps): ReactNode {
  const mappings = value ?? [];
  return (
    <fieldset className="dash-fieldset" data-testid="value-mappings">
      <legend>Value mappings</legend>
      {mappings.length === 0 ? (
        <p className="muted small">No value mappings: values show as they are.</p>
      ) : null}
      {mappings.map((mapping, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: mappings are positional (first match wins)
        <div key={index} className="dash-threshold-row" data-testid="value-mapping">
          <select
            aria-label={`Type of mapping ${index + 1}`}
            value={mapping.type}
            onChange={(event) => {
              const type = event.target.value as MappingType;
              const next = newMapping(type);
              const result = resultOf(mapping);
              onChange(
                replaced(
                  mappings,
                  index,
                  next.type === "value"
                    ? { type: "value", options: { "": result } }
                    : ({ ...next, options: { ...next.options, result } } as ValueMapping),
                ),
              );
            }}
          >
            {TYPE_LABELS.map(([type, label]) => (
              <option key={type} value={type}>
                {label}
              </option>
            ))}
          </select>
          <MappingRow
            mapping={mapping}
            index={index}
            onChange={(next) => onChange(replaced(mappings, index, next))}
          />
          <button
            type="button"
            className="button button-small"
            onClick={() => onChange(without(mappings, index))}
            aria-label={`Remove mapping ${index + 1}`}
          >
            ✕
          </button>
          <FieldMessages issues={issuesWithin(issues, `mappings[${index}]`)} />
        </div>
      ))}
      <div className="actions">
        {TYPE_LABELS.map(([type, label]) => (
          <button
            key={type}
            type="button"
            className="button button-small"
            onClick={() => onChange([...mappings, newMapping(type)])}
            data-testid={`mapping-add-${type}`}
          >
            Add {label.toLowerCase()} mapping
          </button>
        ))}
      </div>
    </fieldset>
  );
}
