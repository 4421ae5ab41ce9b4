"use client";

import type { ReactNode } from "react";
import { FallbackEditor } from "@/components/code-editor/fallback-editor";
import { MarkerList } from "@/components/code-editor/marker-list";
import { useLazyModule } from "@/components/code-editor/use-lazy-module";
import type { YamlEditorProps } from "./yaml-editor";

// A module-level function keeps the import() stable across renders; Monaco is in that chunk only.
const loadYamlEditor = (): Promise<typeof import("./yaml-editor")> => import("./yaml-editor");

/** The YAML editor, fetched after the page is interactive; a plain textarea stands in until then. */
export function LazyYamlEditor(props: YamlEditorProps): ReactNode {
  const loaded = useLazyModule("yaml-editor", loadYamlEditor);
  if (loaded) return <loaded.YamlEditor {...props} />;
  return (
    <>
      <FallbackEditor
        value={props.value}
        onChange={props.onChange}
        height={props.height ?? 420}
        ariaLabel={props.ariaLabel}
        testId={props.testId}
      />
      <MarkerList markers={props.markers} testId={props.testId} />
    </>
  );
}
