"use client";

import type { ReactNode } from "react";

/**
 * Stand-ins for components/code-editor's LazyJsonEditor and LazyPromqlEditor (Monaco), with
 * the same props: while those are not there, plain text areas. Swapping is this file only:
 * `export { LazyJsonEditor, LazyPromqlEditor } from "@/components/code-editor";`
 */

export interface EditorMarker {
  path: string;
  message: string;
  severity: "error" | "warning";
}

export interface LazyJsonEditorProps {
  value: string;
  onChange: (value: string) => void;
  markers?: readonly EditorMarker[];
  height?: number | string;
  readOnly?: boolean;
  ariaLabel: string;
  testId?: string;
}

export function LazyJsonEditor({
  value,
  onChange,
  markers = [],
  height = 400,
  readOnly,
  ariaLabel,
  testId,
}: LazyJsonEditorProps): ReactNode {
  return (
    <div className="dash-code-editor">
      <textarea
        className="dash-code-textarea"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        readOnly={readOnly}
        aria-label={ariaLabel}
        data-testid={testId}
        spellCheck={false}
        style={{ height }}
      />
      {markers.length > 0 ? (
        <ul className="dash-markers" data-testid={testId ? `${testId}-markers` : undefined}>
          {markers.map((marker) => (
            <li key={`${marker.path}|${marker.message}`} className={`dash-marker-${marker.severity}`}>
              <code>{marker.path}</code> {marker.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export interface LazyPromqlEditorProps {
  value: string;
  onChange: (value: string) => void;
  projectId: string;
  datasourceUid?: string;
  height?: number | string;
  ariaLabel: string;
  testId?: string;
  onSubmit?: () => void;
  singleLine?: boolean;
}

export function LazyPromqlEditor({
  value,
  onChange,
  height,
  ariaLabel,
  testId,
  onSubmit,
  singleLine,
}: LazyPromqlEditorProps): ReactNode {
  if (singleLine) {
    return (
      <input
        className="dash-code-input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") onSubmit?.();
        }}
        aria-label={ariaLabel}
        data-testid={testId}
        spellCheck={false}
      />
    );
  }
  return (
    <textarea
      className="dash-code-textarea"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey || event.shiftKey)) onSubmit?.();
      }}
      aria-label={ariaLabel}
      data-testid={testId}
      spellCheck={false}
      style={{ height: height ?? 80 }}
    />
  );
}
