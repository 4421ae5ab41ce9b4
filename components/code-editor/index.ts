export { LazyJsonEditor } from "./lazy-json-editor";
export { LazyPromqlEditor } from "./lazy-promql-editor";
export { type FormatPromqlOptions, formatPromql } from "./promql-format";
export type { JsonEditorMarker, JsonEditorProps, PromqlEditorProps } from "./types";
