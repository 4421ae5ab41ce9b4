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

export interface SettingsInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The model's issues at this field's path. */
  issues: readonly ModelIssue[];
  /** The input's test id; its messages get this id with `-issues`. */
  testId?: string;
  placeholder?: string;
  hint?: ReactNode;
  wide?: boolean;
  type?: "text" | "number";
}

/** A SettingsField holding one text input, the editors' most common field. */
export function SettingsInput({
  label,
  value,
  onChange,
  issues,
  testId,
  placeholder,
  hint,
  wide,
  type,
}: SettingsInputProps): ReactNode {
  return (
    <SettingsField label={label} issues={issues} testId={testId} hint={hint} wide={wide}>
      {(id, invalid) => (
        <input
          id={id}
          type={type}
          value={value}
          placeholder={placeholder}
          aria-invalid={invalid}
          onChange={(event) => onChange(event.target.value)}
          data-testid={testId}
        />
      )}
    </SettingsField>
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
