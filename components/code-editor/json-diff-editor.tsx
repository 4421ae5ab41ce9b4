"use client";

import type * as Monaco from "monaco-editor/editor";
import { type ReactNode, useEffect, useRef, useState } from "react";
import styles from "./code-editor.module.css";
import { cssSize } from "./css-size";
import { DEFAULT_DIFF_HEIGHT } from "./editor-sizes";
import { LIGHT_THEME, setupMonaco } from "./monaco-setup";
import type { JsonDiffEditorProps } from "./types";

interface DiffInstance {
  editor: Monaco.editor.IStandaloneDiffEditor;
  original: Monaco.editor.ITextModel;
  modified: Monaco.editor.ITextModel;
}

let modelCounter = 0;

/** Room for a horizontal scrollbar and the frame's border below the last line. */
const FRAME_SLACK = 16;

/** A height in pixels is the most the frame takes; it shrinks to a shorter content. */
function frameHeight(height: number | string, content: number | undefined): number | string {
  if (typeof height !== "number" || content === undefined) return height;
  return Math.min(height, content + FRAME_SLACK);
}

/**
 * Monaco's diff editor on two JSON documents, side by side and read-only, with the unchanged
 * stretches folded away; loaded only through LazyJsonDiffEditor.
 */
export function JsonDiffEditor({
  original,
  modified,
  height = DEFAULT_DIFF_HEIGHT,
  ariaLabel,
  testId,
}: JsonDiffEditorProps): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  const [instance, setInstance] = useState<DiffInstance>();
  /** Lines that differ once Monaco has computed the diff (in its worker); undefined until then. */
  const [changedLines, setChangedLines] = useState<number>();
  /** The taller side's content, unchanged stretches folded: a short diff gets a short frame. */
  const [contentHeight, setContentHeight] = useState<number>();
  const initial = useRef({ original, modified, ariaLabel });

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const monaco = setupMonaco();
    const first = initial.current;
    modelCounter += 1;
    const uri = (side: string): Monaco.Uri =>
      monaco.Uri.parse(`inmemory://obsforge/diff-${modelCounter}-${side}.json`);
    const originalModel = monaco.editor.createModel(first.original, "json", uri("original"));
    const modifiedModel = monaco.editor.createModel(first.modified, "json", uri("modified"));
    const editor = monaco.editor.createDiffEditor(element, {
      theme: LIGHT_THEME,
      readOnly: true,
      originalEditable: false,
      originalAriaLabel: `${first.ariaLabel}, before`,
      modifiedAriaLabel: `${first.ariaLabel}, after`,
      automaticLayout: true,
      // Both sides stay visible in a narrow column too: the page is about the two of them.
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: false,
      hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 5, revealLineCount: 20 },
      renderMarginRevertIcon: false,
      renderGutterMenu: false,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      lineHeight: 20,
      fontFamily: 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
      folding: false,
      fixedOverflowWidgets: true,
      // As in use-monaco-editor: menus in a shadow root miss the theme's colour variables.
      useShadowDOM: false,
      renderLineHighlightOnlyWhenFocus: true,
    });
    editor.setModel({ original: originalModel, modified: modifiedModel });
    const updates = editor.onDidUpdateDiff(() => {
      const changes = editor.getLineChanges();
      setChangedLines(changes ? changes.length : undefined);
    });
    const sides = [editor.getOriginalEditor(), editor.getModifiedEditor()];
    const measure = (): void => setContentHeight(Math.max(...sides.map((side) => side.getContentHeight())));
    const sizes = sides.map((side) => side.onDidContentSizeChange(measure));
    measure();
    setInstance({ editor, original: originalModel, modified: modifiedModel });
    return () => {
      for (const size of sizes) size.dispose();
      updates.dispose();
      editor.dispose();
      originalModel.dispose();
      modifiedModel.dispose();
      setInstance(undefined);
    };
  }, []);

  // New documents replace the old ones; read-only, so there is no cursor or undo to keep.
  useEffect(() => {
    if (!instance) return;
    if (instance.original.getValue() !== original) instance.original.setValue(original);
    if (instance.modified.getValue() !== modified) instance.modified.setValue(modified);
  }, [instance, original, modified]);

  return (
    <div
      className={styles.frame}
      style={{ height: cssSize(frameHeight(height, contentHeight)) }}
      data-testid={testId}
      data-editor={instance ? "monaco" : "loading"}
      data-diff={changedLines === undefined ? "computing" : "computed"}
    >
      <div ref={host} className={styles.host} />
    </div>
  );
}
