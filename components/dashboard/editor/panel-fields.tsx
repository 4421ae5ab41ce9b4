"use client";

import { type ComponentType, type ReactNode, useId } from "react";
import { FieldMessages, issuesWithin } from "@/components/form/field-messages";
import { ChoiceSelect, type Choices } from "@/components/ui/choice-select";
import { CALC_LABELS } from "@/lib/dashboard/series";
import type { ModelIssue } from "@/lib/model/issues";
import type { Panel, ReduceCalc, VisualPanel, VisualPanelType } from "@/lib/model/panel";
import type { PanelOf } from "@/lib/panels/types";

/** The pieces the panel form and each panel type's options are built from. */

/** Applies a change to the draft's panel; `field` names the edit, so typing in one field undoes as one step. */
export type Update = (change: (panel: Panel) => Panel, field: string) => void;

export function setPanel<P extends Panel>(panel: Panel, change: Partial<P>): Panel {
  return { ...panel, ...change } as Panel;
}

interface FieldProps {
  label: string;
  issues: readonly ModelIssue[];
  children: (id: string) => ReactNode;
  testId?: string;
}

/** A labelled form field with the model's messages under it; `children` gets the input's id. */
export function Field({ label, issues, children, testId }: FieldProps): ReactNode {
  const id = useId();
  return (
    <div className="field dash-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children(id)}
      <FieldMessages issues={issues} testId={testId ? `${testId}-issues` : undefined} />
    </div>
  );
}

/** The panel's fields whose values are strings: the ones a drop-down can edit. */
type ChoiceKey<P> = { [K in keyof P]: P[K] extends string ? K : never }[keyof P] & string;

interface PanelChoiceProps<P extends VisualPanel, K extends ChoiceKey<P>> {
  panel: P;
  field: K;
  label: string;
  choices: Choices<P[K] & string>;
  update: Update;
  issues: readonly ModelIssue[];
  testId?: string;
}

/** A labelled drop-down over a fixed set of values of one panel field, with that field's issues. */
export function PanelChoice<P extends VisualPanel, K extends ChoiceKey<P>>({
  panel,
  field,
  label,
  choices,
  update,
  issues,
  testId,
}: PanelChoiceProps<P, K>): ReactNode {
  return (
    <Field label={label} issues={issuesWithin(issues, field)}>
      {(id) => (
        <ChoiceSelect
          id={id}
          value={panel[field] as P[K] & string}
          choices={choices}
          onChange={(value) =>
            update((current) => setPanel(current, { [field]: value } as Partial<P>), field)
          }
          testId={testId}
        />
      )}
    </Field>
  );
}

/** The reducers of stat, gauge and bar gauge panels. */
export const REDUCE_CHOICES: Choices<ReduceCalc> = (
  ["lastNotNull", "last", "mean", "max", "min", "sum"] as const
).map((calc) => [calc, CALC_LABELS[calc]] as const);

export interface PanelOptionsProps<P extends VisualPanel> {
  panel: P;
  update: Update;
  /** The model's issues for the panel, paths relative to it. */
  issues: readonly ModelIssue[];
}

/** A panel type's part of the panel form: its own options, under "<label> options". */
export interface PanelTypeForm<T extends VisualPanelType> {
  Options: ComponentType<PanelOptionsProps<PanelOf<T>>>;
  /** The panel fields `Options` edits: their issues show beside them, not at the top of the form. */
  fields: readonly (keyof PanelOf<T> & string)[];
}
