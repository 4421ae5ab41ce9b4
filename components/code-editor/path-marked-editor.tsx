"use client";

import { type ReactNode, useRef } from "react";
import styles from "./code-editor.module.css";
import { cssSize } from "./css-size";
import { MarkerList } from "./marker-list";
import { type PathRangeOf, revealPath, usePathMarkers } from "./path-markers";
import type { JsonEditorMarker } from "./types";
import { type UseMonacoEditorOptions, useMonacoEditor } from "./use-monaco-editor";

export interface PathMarkedEditorProps extends UseMonacoEditorOptions {
  /** Problems at model paths, shown where rangeOf finds each path in the text, and listed below. */
  markers: readonly JsonEditorMarker[];
  /** Where a model path is in the text; a stable (module-level) function. */
  rangeOf: PathRangeOf;
  height: number | string;
  testId?: string;
}

/** A Monaco editor for a document whose problems are given at model paths (the JSON and YAML editors). */
export function PathMarkedEditor({
  markers,
  rangeOf,
  height,
  testId,
  ...editor
}: PathMarkedEditorProps): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  const instance = useMonacoEditor(host, editor);
  usePathMarkers(instance, markers, rangeOf);

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
      <MarkerList
        markers={markers}
        testId={testId}
        onSelect={(marker) => revealPath(instance, marker, rangeOf)}
      />
    </>
  );
}
