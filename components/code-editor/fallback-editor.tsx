"use client";

import type { KeyboardEvent, ReactNode } from "react";
import styles from "./code-editor.module.css";
import { cssSize } from "./css-size";

export interface FallbackEditorProps {
  value: string;
  onChange(value: string): void;
  height: number | string;
  ariaLabel: string;
  testId?: string;
  readOnly?: boolean;
  onSubmit?(): void;
  singleLine?: boolean;
}

/**
 * A plain textarea with the editor's value and testId, shown until Monaco has loaded (or when it
 * cannot): the form works, and tests can fill it, on a slow or script-starved client.
 */
export function FallbackEditor({
  value,
  onChange,
  height,
  ariaLabel,
  testId,
  readOnly,
  onSubmit,
  singleLine,
}: FallbackEditorProps): ReactNode {
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key !== "Enter") return;
    if (event.ctrlKey || event.metaKey || singleLine) {
      event.preventDefault();
      onSubmit?.();
    }
  };
  return (
    <textarea
      className={`${styles.fallback} ${singleLine ? styles.fallbackSingleLine : ""}`}
      style={{ height: cssSize(height) }}
      value={value}
      onChange={(event) =>
        onChange(singleLine ? event.target.value.replace(/\r?\n/g, " ") : event.target.value)
      }
      onKeyDown={onKeyDown}
      aria-label={ariaLabel}
      data-testid={testId}
      data-editor="fallback"
      readOnly={readOnly}
      rows={singleLine ? 1 : undefined}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      autoCorrect="off"
    />
  );
}
