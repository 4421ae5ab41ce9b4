"use client";

import { type ReactNode, useRef } from "react";
import styles from "./code-editor.module.css";
import { cssSize } from "./css-size";
import { DEFAULT_JSON_HEIGHT } from "./editor-sizes";
import { jsonPathRange } from "./json-path-range";
import { MarkerList } from "./marker-list";
import { revealPath, usePathMarkers } from "./path-markers";
import type { JsonEditorProps } from "./types";
import { useMonacoEditor } from "./use-monaco-editor";

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
  usePathMarkers(instance, markers, jsonPathRange);

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
        markers={markers ?? []}
        testId={testId}
        onSelect={(marker) => revealPath(instance, marker, jsonPathRange)}
      />
    </>
  );
}
