"use client";

import type { ReactNode } from "react";
import styles from "./code-editor.module.css";
import { DEFAULT_DIFF_HEIGHT } from "./editor-sizes";
import { FallbackEditor } from "./fallback-editor";
import type { JsonDiffEditorProps } from "./types";
import { useLazyModule } from "./use-lazy-module";

// A module-level function keeps the import() stable across renders; Monaco is in that chunk only.
const loadJsonDiffEditor = (): Promise<typeof import("./json-diff-editor")> => import("./json-diff-editor");

const ignore = (): void => {};

/**
 * Two JSON documents side by side with their differences marked (Monaco's diff editor, read-only),
 * fetched after the page is interactive; two read-only textareas stand in until then.
 */
export function LazyJsonDiffEditor(props: JsonDiffEditorProps): ReactNode {
  const loaded = useLazyModule("json-diff-editor", loadJsonDiffEditor);
  if (loaded) return <loaded.JsonDiffEditor {...props} />;
  const height = props.height ?? DEFAULT_DIFF_HEIGHT;
  return (
    <div className={styles.fallbackPair} data-testid={props.testId} data-editor="fallback">
      <FallbackEditor
        value={props.original}
        onChange={ignore}
        height={height}
        ariaLabel={`${props.ariaLabel}, before`}
        readOnly
      />
      <FallbackEditor
        value={props.modified}
        onChange={ignore}
        height={height}
        ariaLabel={`${props.ariaLabel}, after`}
        readOnly
      />
    </div>
  );
}
