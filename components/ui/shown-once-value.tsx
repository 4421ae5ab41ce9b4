"use client";

import { type ReactNode, useId, useState } from "react";

export interface ShownOnceValueProps {
  /** What it is, e.g. "New API token". */
  label: string;
  value: string;
  /** The copy button's words, e.g. "Copy token". */
  copyLabel: string;
  testId?: string;
}

/**
 * A secret the server answers once (a new API token, a new share link): shown read-only with a copy
 * button and the warning that it will not be shown again. It lives in component state only: leaving
 * the page forgets it.
 */
export function ShownOnceValue({ label, value, copyLabel, testId }: ShownOnceValueProps): ReactNode {
  const inputId = useId();
  const [copied, setCopied] = useState(false);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin, a refused permission): the field is there to copy by hand.
      setCopied(false);
    }
  };
  return (
    <div className="notice" data-testid={testId}>
      <label className="field" htmlFor={inputId}>
        <span className="field-label">{label} (copy it now: you will not see it again)</span>
        <input id={inputId} readOnly value={value} onFocus={(event) => event.currentTarget.select()} />
      </label>
      <button type="button" className="button" onClick={() => void copy()}>
        {copied ? "Copied" : copyLabel}
      </button>
    </div>
  );
}
