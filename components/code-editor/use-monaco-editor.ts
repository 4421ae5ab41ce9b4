"use client";

import type * as Monaco from "monaco-editor/editor";
import { type RefObject, useEffect, useRef, useState } from "react";
import { LIGHT_THEME, setupMonaco } from "./monaco-setup";
import { minimalReplacement } from "./text-edit";

type MonacoApi = typeof Monaco;

/** How long typing may pause before the parent hears of it. */
export const CHANGE_DEBOUNCE_MS = 150;

export interface MonacoEditorInstance {
  monaco: MonacoApi;
  editor: Monaco.editor.IStandaloneCodeEditor;
  model: Monaco.editor.ITextModel;
  /** Sends a pending change to the parent now (before submitting, on blur). */
  flush: () => void;
}

export interface UseMonacoEditorOptions {
  value: string;
  onChange: (value: string) => void;
  language: "json" | "promql" | "yaml";
  ariaLabel: string;
  readOnly?: boolean;
  options?: Monaco.editor.IStandaloneEditorConstructionOptions;
}

let modelCounter = 0;

/**
 * Creates a Monaco editor in `container` with its own model, and keeps it in step with a
 * controlled `value`: typing reaches `onChange` after CHANGE_DEBOUNCE_MS; a new `value` from the
 * parent is applied as a minimal edit (the cursor and undo history survive), and the parent's
 * echo of what the editor just sent is recognised and ignored, so there is no loop.
 */
export function useMonacoEditor(
  container: RefObject<HTMLDivElement | null>,
  { value, onChange, language, ariaLabel, readOnly, options }: UseMonacoEditorOptions,
): MonacoEditorInstance | undefined {
  const [instance, setInstance] = useState<MonacoEditorInstance>();
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  /** The value the parent is known to hold: the last one it passed or the editor sent. */
  const knownValue = useRef(value);
  const initial = useRef({ ariaLabel, readOnly, options });
  /** True while the editor applies the parent's value, so that edit is not sent back. */
  const applyingExternal = useRef(false);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const monaco = setupMonaco();
    const first = initial.current;
    modelCounter += 1;
    const extension = language;
    const uri = monaco.Uri.parse(`inmemory://obsforge/editor-${modelCounter}.${extension}`);
    const model = monaco.editor.createModel(knownValue.current, language, uri);
    const editor = monaco.editor.create(element, {
      model,
      theme: LIGHT_THEME,
      ariaLabel: first.ariaLabel,
      readOnly: first.readOnly ?? false,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      lineHeight: 20,
      fontFamily: 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
      tabSize: 2,
      fixedOverflowWidgets: true,
      // The context menu in a shadow root misses the theme's colour variables (a transparent menu).
      useShadowDOM: false,
      renderLineHighlightOnlyWhenFocus: true,
      ...first.options,
    });

    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      if (model.isDisposed()) return;
      const current = model.getValue();
      if (current === knownValue.current) return;
      knownValue.current = current;
      onChangeRef.current(current);
    };
    const changes = model.onDidChangeContent((event) => {
      // Edits the parent asked for are not news to the parent.
      if (event.isFlush || applyingExternal.current) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, CHANGE_DEBOUNCE_MS);
    });
    const blur = editor.onDidBlurEditorText(flush);
    // Monaco binds Format Document to Ctrl+Shift+I on Linux; Shift+Alt+F works everywhere here.
    const format = editor.addAction({
      id: "obsforge.formatDocument",
      label: "Format Document (Shift+Alt+F)",
      keybindings: [monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF],
      precondition: "editorTextFocus && !editorReadonly",
      run: () => editor.getAction("editor.action.formatDocument")?.run(),
    });
    setInstance({ monaco, editor, model, flush });
    return () => {
      flush();
      changes.dispose();
      blur.dispose();
      format.dispose();
      editor.dispose();
      model.dispose();
      setInstance(undefined);
    };
  }, [container, language]);

  useEffect(() => {
    if (!instance || value === knownValue.current) return;
    knownValue.current = value;
    const { editor, model } = instance;
    const edit = minimalReplacement(model.getValue(), value);
    if (!edit) return;
    const start = model.getPositionAt(edit.start);
    const end = model.getPositionAt(edit.end);
    applyingExternal.current = true;
    try {
      const range = {
        startLineNumber: start.lineNumber,
        startColumn: start.column,
        endLineNumber: end.lineNumber,
        endColumn: end.column,
      };
      // pushEditOperations keeps the change undoable; read-only editors take it too.
      model.pushEditOperations(editor.getSelections(), [{ range, text: edit.text }], () => null);
      model.pushStackElement();
    } finally {
      applyingExternal.current = false;
    }
  }, [instance, value]);

  useEffect(() => {
    instance?.editor.updateOptions({ readOnly: readOnly ?? false, ariaLabel });
  }, [instance, readOnly, ariaLabel]);

  return instance;
}
