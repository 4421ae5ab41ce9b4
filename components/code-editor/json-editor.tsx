"use client";

import type { ReactNode } from "react";
import { DEFAULT_JSON_HEIGHT } from "./editor-sizes";
import { jsonPathRange } from "./json-path-range";
import { PathMarkedEditor } from "./path-marked-editor";
import type { JsonEditorMarker, JsonEditorProps } from "./types";

/** One empty list, so an editor without markers does not re-apply them on every render. */
const NO_MARKERS: readonly JsonEditorMarker[] = [];

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
  return (
    <PathMarkedEditor
      value={value}
      onChange={onChange}
      language="json"
      ariaLabel={ariaLabel}
      readOnly={readOnly}
      options={{ folding: true, formatOnPaste: false, wordWrap: "off" }}
      markers={markers ?? NO_MARKERS}
      rangeOf={jsonPathRange}
      height={height}
      testId={testId}
    />
  );
}
