/** A problem to show in the JSON editor, at a model path relative to the JSON shown. */
export interface JsonEditorMarker {
  /** E.g. `targets[0].expr`, `panels[3].gridPos`; "" or "(root)" for the whole document. */
  path: string;
  message: string;
  severity: "error" | "warning";
}

export interface JsonEditorProps {
  value: string;
  onChange(value: string): void;
  markers?: readonly JsonEditorMarker[];
  /** CSS height; a number is pixels. Default 320. */
  height?: number | string;
  readOnly?: boolean;
  ariaLabel: string;
  testId?: string;
}

export interface PromqlEditorProps {
  value: string;
  onChange(value: string): void;
  /** The project whose Prometheus (through the preview API) completes metric and label names. */
  projectId: string;
  /** A Prometheus datasource of the project; default: its default Prometheus. */
  datasourceUid?: string;
  /** CSS height; a number is pixels. Default 96 (one line when singleLine). */
  height?: number | string;
  ariaLabel: string;
  testId?: string;
  /** Ctrl/Cmd+Enter (and Enter when singleLine). */
  onSubmit?(): void;
  /** Behaves like an input: Enter submits, newlines never enter the query. */
  singleLine?: boolean;
  /** Dashboard variable names (without `$`) to offer in completion. */
  variables?: readonly string[];
  readOnly?: boolean;
}

export interface JsonDiffEditorProps {
  /** The older JSON, shown on the left. */
  original: string;
  /** The newer JSON, shown on the right. */
  modified: string;
  /** CSS height; a number is pixels and the most it takes: a shorter diff gets a shorter frame. Default 480. */
  height?: number | string;
  /** Names the pair; each side is labelled "<ariaLabel>, before" and "<ariaLabel>, after". */
  ariaLabel: string;
  testId?: string;
}
