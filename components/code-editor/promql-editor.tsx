"use client";

import type * as Monaco from "monaco-editor/editor";
import { type ReactNode, useEffect, useRef } from "react";
import styles from "./code-editor.module.css";
import { cssSize } from "./css-size";
import { DEFAULT_PROMQL_HEIGHT, SINGLE_LINE_HEIGHT } from "./editor-sizes";
import { clearPromqlModelSettings, setPromqlModelSettings, updatePromqlMarkers } from "./promql-language";
import type { PromqlEditorProps } from "./types";
import { CHANGE_DEBOUNCE_MS, useMonacoEditor } from "./use-monaco-editor";

const NO_VARIABLES: readonly string[] = [];

/** Options that make Monaco look and behave like a one-line input. */
const SINGLE_LINE_OPTIONS: Monaco.editor.IStandaloneEditorConstructionOptions = {
  lineNumbers: "off",
  glyphMargin: false,
  folding: false,
  lineDecorationsWidth: 0,
  lineNumbersMinChars: 0,
  renderLineHighlight: "none",
  overviewRulerLanes: 0,
  overviewRulerBorder: false,
  hideCursorInOverviewRuler: true,
  scrollbar: { vertical: "hidden", horizontal: "hidden", alwaysConsumeMouseWheel: false },
  scrollBeyondLastColumn: 0,
  wordWrap: "off",
  padding: { top: 0, bottom: 0 },
  links: false,
  find: { addExtraSpaceOnTop: false, autoFindInSelection: "never", seedSearchStringFromSelection: "never" },
};

const MULTI_LINE_OPTIONS: Monaco.editor.IStandaloneEditorConstructionOptions = {
  lineNumbers: "off",
  glyphMargin: false,
  folding: false,
  lineDecorationsWidth: 6,
  wordWrap: "on",
  padding: { top: 4, bottom: 4 },
  scrollbar: { alwaysConsumeMouseWheel: false },
};

/** Monaco with the PromQL language; loaded only through LazyPromqlEditor. */
export function PromqlEditor({
  value,
  onChange,
  projectId,
  datasourceUid,
  height,
  ariaLabel,
  testId,
  onSubmit,
  singleLine = false,
  variables = NO_VARIABLES,
  readOnly,
}: PromqlEditorProps): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  const onSubmitRef = useRef(onSubmit);
  onSubmitRef.current = onSubmit;
  const singleLineRef = useRef(singleLine);
  const instance = useMonacoEditor(host, {
    value: singleLine ? value.replace(/\r?\n/g, " ") : value,
    onChange,
    language: "promql",
    ariaLabel,
    readOnly,
    options: {
      ...(singleLine ? SINGLE_LINE_OPTIONS : MULTI_LINE_OPTIONS),
      quickSuggestions: { other: true, comments: false, strings: true },
      suggest: { showWords: false, preview: false },
      wordBasedSuggestions: "off",
    },
  });

  useEffect(() => {
    if (!instance) return;
    setPromqlModelSettings(instance.model, {
      source: { projectId, datasourceUid },
      variables,
      singleLine: singleLineRef.current,
    });
  }, [instance, projectId, datasourceUid, variables]);

  useEffect(() => {
    if (!instance) return;
    const { monaco, editor, model, flush } = instance;
    const submit = (): void => {
      flush();
      onSubmitRef.current?.();
    };
    const disposables: Monaco.IDisposable[] = [
      editor.addAction({
        id: "obsforge.promql.submit",
        label: "Run query",
        keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
        run: submit,
      }),
    ];
    if (singleLineRef.current) {
      disposables.push(
        editor.addAction({
          id: "obsforge.promql.submitOnEnter",
          label: "Run query (Enter)",
          keybindings: [monaco.KeyCode.Enter],
          // Enter still accepts a completion while the list is open.
          precondition: "!suggestWidgetVisible",
          run: submit,
        }),
        // Pasted newlines become spaces: a one-line input never holds two lines.
        model.onDidChangeContent(() => {
          const text = model.getValue();
          if (!/[\r\n]/.test(text)) return;
          queueMicrotask(() => {
            if (model.isDisposed()) return;
            const matches = model.findMatches("\\r?\\n", false, true, false, null, false);
            editor.executeEdits(
              "single-line",
              matches.map((match) => ({ range: match.range, text: " " })),
            );
          });
        }),
      );
    }

    updatePromqlMarkers(monaco, model);
    let timer: ReturnType<typeof setTimeout> | undefined;
    disposables.push(
      model.onDidChangeContent(() => {
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(() => updatePromqlMarkers(monaco, model), CHANGE_DEBOUNCE_MS);
      }),
    );
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      for (const disposable of disposables) disposable.dispose();
      clearPromqlModelSettings(model);
    };
  }, [instance]);

  const frameHeight = height ?? (singleLine ? SINGLE_LINE_HEIGHT : DEFAULT_PROMQL_HEIGHT);
  return (
    <div
      className={`${styles.frame} ${singleLine ? styles.singleLine : ""}`}
      style={{ height: cssSize(frameHeight) }}
      data-testid={testId}
      data-editor={instance ? "monaco" : "loading"}
    >
      <div ref={host} className={styles.host} />
    </div>
  );
}
