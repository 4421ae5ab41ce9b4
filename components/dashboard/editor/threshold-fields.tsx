"use client";

import { type ReactNode, useId } from "react";
import { FieldMessages, issuesWithin } from "@/components/form/field-messages";
import { ChoiceSelect, type Choices } from "@/components/ui/choice-select";
import { COLOR_CHOICES, cssColor, DEFAULT_THRESHOLDS } from "@/lib/dashboard/thresholds";
import type { ModelIssue } from "@/lib/model/issues";
import type { Thresholds } from "@/lib/model/panel";

const THRESHOLD_MODES: Choices<Thresholds["mode"]> = [
  ["absolute", "Absolute"],
  ["percentage", "Percentage"],
];

export interface ThresholdFieldsProps {
  value: Thresholds | undefined;
  onChange: (value: Thresholds | undefined) => void;
  issues: readonly ModelIssue[];
}

/** Threshold steps: a base colour, then a value and colour per step, lowest first. */
export function ThresholdFields({ value, onChange, issues }: ThresholdFieldsProps): ReactNode {
  const modeId = useId();
  if (!value) {
    return (
      <fieldset className="dash-fieldset">
        <legend>Thresholds</legend>
        <button
          type="button"
          className="button button-small"
          onClick={() => onChange(DEFAULT_THRESHOLDS)}
          data-testid="thresholds-add"
        >
          Add thresholds
        </button>
      </fieldset>
    );
  }
  const steps = value.steps;
  const setStep = (index: number, change: Partial<Thresholds["steps"][number]>): void =>
    onChange({ ...value, steps: steps.map((step, i) => (i === index ? { ...step, ...change } : step)) });
  const last = steps[steps.length - 1]?.value ?? 0;
  return (
    <fieldset className="dash-fieldset" data-testid="thresholds">
      <legend>Thresholds</legend>
      <span className="dash-inline">
        <label htmlFor={modeId}>Mode</label>{" "}
        <ChoiceSelect
          id={modeId}
          value={value.mode}
          choices={THRESHOLD_MODES}
          onChange={(mode) => onChange({ ...value, mode })}
        />
      </span>
      {steps.map((step, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: steps are positional; their values are being edited
        <div key={index} className="dash-threshold-row" data-testid="threshold-step">
          <span className="dash-swatch" style={{ background: cssColor(step.color) }} />
          <select
            aria-label={`Colour of step ${index + 1}`}
            value={step.color}
            onChange={(event) => setStep(index, { color: event.target.value })}
          >
            {COLOR_CHOICES.includes(step.color) ? null : <option value={step.color}>{step.color}</option>}
            {COLOR_CHOICES.map((color) => (
              <option key={color} value={color}>
                {color}
              </option>
            ))}
          </select>
          {step.value === null ? (
            <span className="muted small">Base</span>
          ) : (
            <input
              type="number"
              aria-label={`Value of step ${index + 1}`}
              value={step.value}
              step="any"
              onChange={(event) =>
                setStep(index, { value: event.target.value === "" ? 0 : Number(event.target.value) })
              }
            />
          )}
          {index > 0 ? (
            <button
              type="button"
              className="button button-small"
              onClick={() => onChange({ ...value, steps: steps.filter((_step, i) => i !== index) })}
              aria-label={`Remove step ${index + 1}`}
            >
              ✕
            </button>
          ) : null}
          <FieldMessages issues={issuesWithin(issues, `thresholds.steps[${index}]`)} />
        </div>
      ))}
      <div className="actions">
        <button
          type="button"
          className="button button-small"
          onClick={() => onChange({ ...value, steps: [...steps, { value: last + 10, color: "red" }] })}
          data-testid="threshold-add-step"
        >
          Add step
        </button>
        <button type="button" className="button button-small" onClick={() => onChange(undefined)}>
          Remove thresholds
        </button>
      </div>
    </fieldset>
  );
}
