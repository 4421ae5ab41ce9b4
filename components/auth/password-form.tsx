"use client";

import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

export interface PasswordFormField {
  name: string;
  label: string;
  type: "email" | "password" | "text";
  autoComplete: string;
  /** Fixed value shown read-only (the invited address). */
  fixed?: string;
}

export interface PasswordFormProps {
  title: string;
  submitLabel: string;
  fields: readonly PasswordFormField[];
  /** Resolves to an error message to show, or null when done (the form then stays busy while leaving). */
  onSubmit: (values: Record<string, string>) => Promise<string | null>;
  footer?: ReactNode;
}

/** The sign-in and sign-up form: labelled inputs, one clear error under the form, a busy state. */
export function PasswordForm({ title, submitLabel, fields, onSubmit, footer }: PasswordFormProps): ReactNode {
  const baseId = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values = Object.fromEntries(
      fields.map((field) => [field.name, String(data.get(field.name) ?? "")]),
    );
    setBusy(true);
    setError(null);
    const message = await onSubmit(values).catch((caught: unknown) => (caught as Error).message);
    if (message !== null) {
      setError(message);
      setBusy(false);
    }
  }

  return (
    // POST, and the button disabled until hydrated: a form sent before React runs must never put
    // the password in the address (a plain form's default is GET).
    <form
      className="card auth-form"
      method="post"
      onSubmit={submit}
      aria-labelledby={`${baseId}-title`}
      noValidate
    >
      <h1 id={`${baseId}-title`}>{title}</h1>
      {fields.map((field) => (
        <div className="field" key={field.name}>
          <label className="field-label" htmlFor={`${baseId}-${field.name}`}>
            {field.label}
          </label>
          <input
            id={`${baseId}-${field.name}`}
            name={field.name}
            type={field.type}
            autoComplete={field.autoComplete}
            required
            defaultValue={field.fixed}
            readOnly={field.fixed !== undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${baseId}-error` : undefined}
          />
        </div>
      ))}
      {error ? (
        <p id={`${baseId}-error`} className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy || !hydrated}>
          {busy ? "…" : submitLabel}
        </button>
      </div>
      {footer}
    </form>
  );
}
