import type * as Monaco from "monaco-editor/editor";

export function registerPromqlLanguage(monaco: typeof Monaco): void {
  monaco.languages.register({ id: "promql" });
}
