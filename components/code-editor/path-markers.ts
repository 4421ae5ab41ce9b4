"use client";

import type * as Monaco from "monaco-editor/editor";
import { useEffect } from "react";
import type { JsonPathRange } from "./json-path-range";
import type { JsonEditorMarker } from "./types";
import { CHANGE_DEBOUNCE_MS, type MonacoEditorInstance } from "./use-monaco-editor";

/**
 * Markers at model paths (`panels[3].gridPos`, `rules[0].for`) on a Monaco editor whose text is a
 * document of that model, for any format that can say where a path is (JSON, YAML): the format
 * supplies `rangeOf`, this puts the squiggles there and keeps them there as the text changes.
 */

/** Where a path is in a text; undefined when the text has no structure to look in. */
export type PathRangeOf = (text: string, path: string) => JsonPathRange | undefined;

const MARKER_OWNER = "obsforge";

function toMonacoMarkers(
  monaco: typeof Monaco,
  model: Monaco.editor.ITextModel,
  markers: readonly JsonEditorMarker[],
  rangeOf: PathRangeOf,
): Monaco.editor.IMarkerData[] {
  const text = model.getValue();
  return markers.map((marker) => {
    const range = rangeOf(text, marker.path);
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

/** Markers follow the text: when it changes, each path is looked up again. */
export function usePathMarkers(
  instance: MonacoEditorInstance | undefined,
  markers: readonly JsonEditorMarker[] | undefined,
  rangeOf: PathRangeOf,
): void {
  useEffect(() => {
    if (!instance) return;
    const { monaco, model } = instance;
    const apply = (): void => {
      if (!model.isDisposed())
        monaco.editor.setModelMarkers(
          model,
          MARKER_OWNER,
          toMonacoMarkers(monaco, model, markers ?? [], rangeOf),
        );
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
  }, [instance, markers, rangeOf]);
}

/** Selects a marker's characters, scrolls them into view and focuses the editor. */
export function revealPath(
  instance: MonacoEditorInstance | undefined,
  marker: JsonEditorMarker,
  rangeOf: PathRangeOf,
): void {
  if (!instance) return;
  const { editor, model } = instance;
  const range = rangeOf(model.getValue(), marker.path);
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
}
