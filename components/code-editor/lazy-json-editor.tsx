"use client";

import type { ReactNode } from "react";
import { DEFAULT_JSON_HEIGHT } from "./editor-sizes";
import { FallbackEditor } from "./fallback-editor";
import { MarkerList } from "./marker-list";
import type { JsonEditorProps } from "./types";
import { useLazyModule } from "./use-lazy-module";

// A module-level function keeps the import() stable across renders; Monaco is in that chunk only.
const loadJsonEditor = (): Promise<typeof import("./json-editor")> => import("./json-editor");

/**
 * A JSON editor (Monaco, JSON language, markers at model paths), fetched after the page is
 * interactive; a plain textarea stands in until then.
 */
export function LazyJsonEditor(props: JsonEditorProps): ReactNode {
  const loaded = useLazyModule("json-editor", loadJsonEditor);
  if (loaded) return <loaded.JsonEditor {...props} />;
  return (
    <>
      <FallbackEditor
        value={props.value}
        onChange={props.onChange}
        height={props.height ?? DEFAULT_JSON_HEIGHT}
        ariaLabel={props.ariaLabel}
        testId={props.testId}
        readOnly={props.readOnly}
      />
      <MarkerList markers={props.markers ?? []} testId={props.testId} />
    </>
  );
}
