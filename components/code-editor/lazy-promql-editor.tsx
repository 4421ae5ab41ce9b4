"use client";

import type { ReactNode } from "react";
import { DEFAULT_PROMQL_HEIGHT, SINGLE_LINE_HEIGHT } from "./editor-sizes";
import { FallbackEditor } from "./fallback-editor";
import type { PromqlEditorProps } from "./types";
import { useLazyModule } from "./use-lazy-module";

// A module-level function keeps the import() stable across renders; Monaco is in that chunk only.
const loadPromqlEditor = (): Promise<typeof import("./promql-editor")> => import("./promql-editor");

/**
 * A PromQL editor (Monaco: highlighting, completion from the project's Prometheus, parse errors,
 * Format), fetched after the page is interactive; a plain textarea stands in until then.
 */
export function LazyPromqlEditor(props: PromqlEditorProps): ReactNode {
  const loaded = useLazyModule("promql-editor", loadPromqlEditor);
  if (loaded) return <loaded.PromqlEditor {...props} />;
  return (
    <FallbackEditor
      value={props.value}
      onChange={props.onChange}
      height={props.height ?? (props.singleLine ? SINGLE_LINE_HEIGHT : DEFAULT_PROMQL_HEIGHT)}
      ariaLabel={props.ariaLabel}
      testId={props.testId}
      readOnly={props.readOnly}
      onSubmit={props.onSubmit}
      singleLine={props.singleLine}
    />
  );
}
