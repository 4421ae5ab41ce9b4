/**
 * The one place Monaco is imported. Only this module's importers (json-editor, json-diff-editor,
 * promql-editor) pull it in, and those are reached by dynamic import() alone, so Monaco lands in its
 * own lazily loaded chunk, never in a page's first JavaScript. Everything comes from the app's
 * bundle: the editor core, the chosen features, the JSON language and both workers (no CDN loader,
 * no network).
 */

import * as monaco from "monaco-editor/editor";
// The editor core has no features; these are the ones the JSON and PromQL editors use.
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/cursorUndo/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/folding/register";
import "monaco-editor/features/format/register";
import "monaco-editor/features/gotoError/register";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/indentation/register";
import "monaco-editor/features/linesOperations/register";
import "monaco-editor/features/multicursor/register";
import "monaco-editor/features/parameterHints/register";
import "monaco-editor/features/placeholderText/register";
import "monaco-editor/features/smartSelect/register";
import "monaco-editor/features/snippet/register";
import "monaco-editor/features/suggest/register";
// features/suggest/register brings only inline suggestions; the suggest widget itself is here.
import "monaco-editor/editor/contrib/suggest/browser/suggestController.js";
import "monaco-editor/features/wordHighlighter/register";
import "monaco-editor/features/wordOperations/register";
// The JSON language loads its mode lazily, and that chunk (through internal/common/workers.js)
// registers nearly every editor contribution, with the services some of them need. Monaco takes
// its services once, when the first editor is created, so services registered after that are
// unknown to it, and every editor created later failed ("CodeLensContribution depends on UNKNOWN
// service ICodeLensCache", likewise treeViewsDndService). Registering those services here, before
// any editor exists, makes them known. monaco-services.test.ts finds any such service again.
import "monaco-editor/editor/common/services/treeViewsDndService.js";
import "monaco-editor/editor/contrib/codelens/browser/codeLensCache.js";
import "monaco-editor/editor/contrib/documentSymbols/browser/outlineModel.js";
import { jsonDefaults } from "monaco-editor/languages/features/json/register";
// YAML highlighting (a tokenizer only) for the rule group editor's YAML tab.
import "monaco-editor/languages/definitions/yaml/register";
import { registerPromqlLanguage } from "./promql-language";

export { monaco };

interface MonacoEnvironmentGlobal {
  MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
}

function installWorkers(): void {
  const scope = globalThis as MonacoEnvironmentGlobal;
  scope.MonacoEnvironment = {
    getWorker(_workerId: string, label: string): Worker {
      // Each `new Worker(new URL(..., import.meta.url))` is a literal the bundler follows, so the
      // worker scripts are emitted as chunks of the app and served from its own origin.
      if (label === "json") {
        return new Worker(new URL("./json.worker.ts", import.meta.url), { type: "module", name: label });
      }
      return new Worker(new URL("./editor.worker.ts", import.meta.url), { type: "module", name: label });
    },
  };
}

export const LIGHT_THEME = "obsforge-light";

function defineTheme(): void {
  // Matches app/globals.css: GitHub-like light colours.
  monaco.editor.defineTheme(LIGHT_THEME, {
    base: "vs",
    inherit: true,
    rules: [
      { token: "keyword", foreground: "cf222e" },
      { token: "keyword.aggregation", foreground: "8250df", fontStyle: "bold" },
      { token: "keyword.function", foreground: "8250df" },
      { token: "identifier.metric", foreground: "1f2328" },
      { token: "attribute.name", foreground: "0550ae" },
      { token: "string", foreground: "0a3069" },
      { token: "number", foreground: "0550ae" },
      { token: "number.duration", foreground: "953800" },
      { token: "operator", foreground: "cf222e" },
      { token: "variable", foreground: "116329", fontStyle: "italic" },
      { token: "comment", foreground: "6e7781", fontStyle: "italic" },
    ],
    colors: {
      "editor.background": "#ffffff",
      "editor.foreground": "#1f2328",
      "editorLineNumber.foreground": "#8c959f",
      "editorLineNumber.activeForeground": "#1f2328",
      "editor.lineHighlightBackground": "#f6f8fa",
      "editor.selectionBackground": "#b6e3ff",
      "editorCursor.foreground": "#0969da",
      "editorError.foreground": "#cf222e",
      "editorWarning.foreground": "#9a6700",
      "editorWidget.border": "#d0d7de",
    },
  });
}

let ready = false;

/** Installs workers, theme, JSON options and the PromQL language once; returns the Monaco API. */
export function setupMonaco(): typeof monaco {
  if (ready) return monaco;
  ready = true;
  installWorkers();
  defineTheme();
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    trailingCommas: "error",
    comments: "error",
    enableSchemaRequest: false,
    schemas: [],
  });
  registerPromqlLanguage(monaco);
  return monaco;
}
