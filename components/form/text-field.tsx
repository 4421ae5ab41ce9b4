import { type ReactNode, useId } from "react";
import type { FieldIssue } from "./field-issues";

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Server issues for this field (already filtered by path). */
  issues: readonly FieldIssue[];
  hint?: string;
  placeholder?: string;
  testId?: string;
  className?: string;
  /** The input's id, for links to this field (`#id`); default: a generated one. */
  id?: string;
}

/** A labelled input with the server's issues for its path shown under it. */
export function TextField({
  label,
  value,
  onChange,
  issues,
  hint,
  placeholder,
  testId,
  className,
  id: fixedId,
}: TextFieldProps): ReactNode {
  const generatedId = useId();
  const id = fixedId ?? generatedId;
  const invalid = issues.length > 0;
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        value={value}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-issues` : undefined}
        data-testid={testId}
      />
      {hint && !invalid ? <span className="field-hint">{hint}</span> : null}
      {invalid ? (
        <ul
          id={`${id}-issues`}
          className="field-issues"
          data-testid={testId ? `${testId}-issues` : undefined}
        >
          {issues.map((issue, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity; the list is replaced whole
            <li key={index}>{issue.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
