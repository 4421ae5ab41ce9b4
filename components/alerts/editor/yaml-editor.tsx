"use client";

import type * as Monaco from "monaco-editor/editor";
import { type ReactNode, useEffect, useRef } from "react";
import styles from "@/components/code-editor/code-editor.module.css";
import { cssSize } from "@/components/code-editor/css-size";
import { MarkerList } from "@/components/code-editor/marker-list";
import type { JsonEditorMarker } from "@/components/code-editor/types";
import { CHANGE_DEBOUNCE_MS, useMonacoEditor } from "@/components/code-editor/use-monaco-editor";
import { yamlPathRange } from "../model/yaml-path-range";

export interface YamlEditorProps {
  value: string;
  onChange(value: string): void;
  /** Problems at the group's model paths (`rules[0].for`); shown where that key is in the text. */
  markers: readonly JsonEditorMarker[];
  height?: number | string;
  ariaLabel: string;
  testId?: string;
}

const MARKER_OWNER = "obsforge-rules";

function toMonacoMarkers(
  monaco: typeof Monaco,
  model: Monaco.editor.ITextModel,
  markers: readonly JsonEditorMarker[],
): Monaco.editor.IMarkerData[] {
  const text = model.getValue();
  return markers.map((marker) => {
    const range = yamlPathRange(text, marker.path);
    const start = model.getPositionAt(range.start);
    const end = model.getPositionAt(range.end);
    return {
      severity: marker.severity === "error" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      // A path the text does not show is marked on its nearest ancestor, naming itself.
      message: range.exact ? marker.message : `${marker.path}: ${marker.message}`,
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    };
  });
}

/** Monaco with YAML highlighting and markers at model paths; loaded only through LazyYamlEditor. */
export function YamlEditor({
  value,
  onChange,
  markers,
  height = 420,
  ariaLabel,
  testId,
}: YamlEditorProps): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  const instance = useMonacoEditor(host, {
    value,
    onChange,
    language: "yaml",
    ariaLabel,
    options: { folding: true, wordWrap: "off", lineNumbers: "on" },
  });

  // Markers follow the text: when it changes, each path is looked up again.
  useEffect(() => {
    if (!instance) return;
    const { monaco, model } = instance;
    const apply = (): void => {
      if (!model.isDisposed())
        monaco.editor.setModelMarkers(model, MARKER_OWNER, toMonacoMarkers(monaco, model, markers));
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
    const range = yamlPathRange(model.getValue(), marker.path);
    const start = model.getPositionAt(range.start);
    const end = model.getPositionAt(range.end);
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
      <MarkerList markers={markers} testId={testId} onSelect={reveal} />
    </>
  );
}
