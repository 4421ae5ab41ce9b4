"use client";

import { type ReactNode, useRef } from "react";
import styles from "@/components/code-editor/code-editor.module.css";
import { cssSize } from "@/components/code-editor/css-size";
import { MarkerList } from "@/components/code-editor/marker-list";
import { revealPath, usePathMarkers } from "@/components/code-editor/path-markers";
import type { JsonEditorMarker } from "@/components/code-editor/types";
import { useMonacoEditor } from "@/components/code-editor/use-monaco-editor";
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
  usePathMarkers(instance, markers, yamlPathRange);

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
        onSelect={(marker) => revealPath(instance, marker, yamlPathRange)}
      />
    </>
  );
}
