"use client";

import type { ReactNode } from "react";
import { PathMarkedEditor } from "@/components/code-editor/path-marked-editor";
import type { JsonEditorMarker } from "@/components/code-editor/types";
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
  return (
    <PathMarkedEditor
      value={value}
      onChange={onChange}
      language="yaml"
      ariaLabel={ariaLabel}
      options={{ folding: true, wordWrap: "off", lineNumbers: "on" }}
      markers={markers}
      rangeOf={yamlPathRange}
      height={height}
      testId={testId}
    />
  );
}
