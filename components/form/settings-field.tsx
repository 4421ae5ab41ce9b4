import { type ReactNode, useId } from "react";
import type { ModelIssue } from "@/lib/model/issues";
import { FieldMessages } from "./field-messages";

export interface SettingsFieldProps {
  label: string;
  /** The model's issues (and the settings' warnings) at this field's path. */
  issues: readonly ModelIssue[];
  hint?: ReactNode;
  testId?: string;
  wide?: boolean;
  children: (id: string, invalid: boolean | undefined) => ReactNode;
}

/** A labelled settings field with its messages under it; `children` gets the input's id. */
export function SettingsField({
  label,
  issues,
  hint,
  testId,
  wide,
  children,
}: SettingsFieldProps): ReactNode {
  const id = useId();
  const invalid = issues.some((issue) => issue.severity === "error") || undefined;
  return (
    <div className={wide ? "field dash-field wide" : "field dash-field"}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children(id, invalid)}
      {hint ? <span className="field-hint">{hint}</span> : null}
      <FieldMessages issues={issues} testId={testId ? `${testId}-issues` : undefined} />
    </div>
  );
}

export interface CheckFieldProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
  title?: string;
}

export function CheckField({ label, checked, onChange, testId, title }: CheckFieldProps): ReactNode {
  return (
    <label className="dash-check" title={title}>
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        data-testid={testId}
      />{" "}
      {label}
    </label>
  );
}
