/**
 * The code editors the designer uses (Monaco, loaded lazily, with a text area until then), behind
 * one import so the designer never depends on how they are built.
 */
export {
  type JsonEditorMarker,
  type JsonEditorProps,
  LazyJsonEditor,
  LazyPromqlEditor,
  type PromqlEditorProps,
} from "@/components/code-editor";
