export { type JsonEdit, parseJsonText, parseJsonWith, toEditorJson } from "./json-edit";
export { LazyJsonEditor } from "./lazy-json-editor";
export { LazyPromqlEditor } from "./lazy-promql-editor";
export { type FormatPromqlOptions, formatPromql } from "./promql-format";
export type { JsonEditorMarker, JsonEditorProps, PromqlEditorProps } from "./types";
export { type SyncedJson, useSyncedJson } from "./use-synced-json";
