"use client";

import type * as Monaco from "monaco-editor/editor";
import { type ReactNode, useEffect, useRef } from "react";
import styles from "./code-editor.module.css";
import { cssSize } from "./css-size";
import { DEFAULT_JSON_HEIGHT } from "./editor-sizes";
import { jsonPathRange } from "./json-path-range";
import { MarkerList } from "./marker-list";
import type { JsonEditorMarker, JsonEditorProps } from "./types";
import { CHANGE_DEBOUNCE_MS, useMonacoEditor } from "./use-monaco-editor";

const MARKER_OWNER = "obsforge";

function toMonacoMarkers(
  monaco: typeof Monaco,
  model: Monaco.editor.ITextModel,
  markers: readonly JsonEditorMarker[],
): Monaco.editor.IMarkerData[] {
  const text = model.getValue();
  return markers.map((marker) => {
    const range = jsonPathRange(text, marker.path);
    const start = model.getPositionAt(range?.start ?? 0);
    const end = model.getPositionAt(range?.end ?? 1);
    // A path that is not in the text (yet) is shown on its nearest ancestor, naming itself.
    const message = range?.exact ? marker.message : `${marker.path}: ${marker.message}`;
    return {
      severity: marker.severity === "error" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      message,
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    };
  });
}

/** Monaco with the JSON language; loaded only through LazyJsonEditor. */
export function JsonEditor({
  value,
  onChange,
  markers,
  height = DEFAULT_JSON_HEIGHT,
  readOnly,
  ariaLabel,
  testId,
}: JsonEditorProps): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  const instance = useMonacoEditor(host, {
    value,
    onChange,
    language: "json",
    ariaLabel,
    readOnly,
    options: { folding: true, formatOnPaste: false, wordWrap: "off" },
  });

  // Markers follow the text: when it changes, each path is looked up again.
  useEffect(() => {
    if (!instance) return;
    const { monaco, model } = instance;
    const apply = (): void => {
      if (!model.isDisposed())
        monaco.editor.setModelMarkers(model, MARKER_OWNER, toMonacoMarkers(monaco, model, markers ?? []));
    };
    apply();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changes = model.onDidChangeContent(() => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(apply, CHANGE_DEBOUNCE_MS);
    });
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      changes.dispose();
    };
  }, [instance, markers]);

  const reveal = (marker: JsonEditorMarker): void => {
    if (!instance) return;
    const { editor, model } = instance;
    const range = jsonPathRange(model.getValue(), marker.path);
    const start = model.getPositionAt(range?.start ?? 0);
    const end = model.getPositionAt(range?.end ?? 0);
    const selection = {
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    };
    editor.setSelection(selection);
    editor.revealRangeInCenterIfOutsideViewport(selection);
    editor.focus();
  };

  return (
    <>
      <div
        className={styles.frame}
        style={{ height: cssSize(height) }}
        data-testid={testId}
        data-editor={instance ? "monaco" : "loading"}
      >
        <div ref={host} className={styles.host} />
      </div>
      <MarkerList markers={markers ?? []} testId={testId} onSelect={reveal} />
    </>
  );
}
