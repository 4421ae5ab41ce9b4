"use client";

import { type ReactNode, useId } from "react";
import type { SilenceCheck, SilenceDraft } from "./simulated-silences";

export interface SilencesEditorProps {
  silences: readonly SilenceDraft[];
  checks: readonly SilenceCheck[];
  onChange: (silences: SilenceDraft[]) => void;
  onAdd: () => void;
}

/**
 * Silences to replay with the alerts: matchers as amtool takes them and when each is active. A
 * silence with a problem is marked on its field and left out of the simulation.
 */
export function SilencesEditor({ silences, checks, onChange, onAdd }: SilencesEditorProps): ReactNode {
  const update = (index: number, patch: Partial<SilenceDraft>): void =>
    onChange(silences.map((silence, i) => (i === index ? { ...silence, ...patch } : silence)));
  return (
    <fieldset className="simulation-silences" data-testid="simulation-silences">
      <legend>Silences</legend>
      {silences.length === 0 ? (
        <p className="field-hint">
          None. A silence leaves the alerts it matches out of every message while it is active.
        </p>
      ) : null}
      {silences.map((silence, index) => (
        <SilenceRow
          key={silence.id}
          index={index}
          silence={silence}
          check={checks[index]}
          onChange={(patch) => update(index, patch)}
          onRemove={() => onChange(silences.filter((_, i) => i !== index))}
        />
      ))}
      <button type="button" className="button" onClick={onAdd}>
        Add silence
      </button>
    </fieldset>
  );
}

interface SilenceRowProps {
  index: number;
  silence: SilenceDraft;
  check: SilenceCheck | undefined;
  onChange: (patch: Partial<SilenceDraft>) => void;
  onRemove: () => void;
}

function SilenceRow({ index, silence, check, onChange, onRemove }: SilenceRowProps): ReactNode {
  const id = useId();
  const errorOf = (field: "matchers" | "starts" | "ends"): string | undefined =>
    check && !check.ok ? check.errors.find((error) => error.field === field)?.message : undefined;
  const fields = [
    { field: "matchers", label: `Silence ${index + 1} matchers`, type: "text" },
    { field: "starts", label: `Silence ${index + 1} starts`, type: "datetime-local" },
    { field: "ends", label: `Silence ${index + 1} ends`, type: "datetime-local" },
  ] as const;
  return (
    <div className="field-row simulation-silence" data-testid="simulation-silence">
      {fields.map(({ field, label, type }) => {
        const error = errorOf(field);
        return (
          <div className="field" key={field}>
            <label className="field-label" htmlFor={`${id}-${field}`}>
              {label}
            </label>
            <input
              id={`${id}-${field}`}
              type={type}
              value={silence[field]}
              onChange={(event) => onChange({ [field]: event.target.value })}
              placeholder={field === "matchers" ? 'severity="warning", service=~"api|web"' : undefined}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-${field}-error` : undefined}
            />
            {error ? (
              <p className="field-issues" id={`${id}-${field}-error`}>
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <button type="button" className="button" onClick={onRemove} aria-label={`Remove silence ${index + 1}`}>
        Remove
      </button>
    </div>
  );
}
