import type * as Monaco from "monaco-editor/editor";
import { type PreviewSource, previewCatalog } from "./preview-catalog";
import { type PromqlCompletionContext, promqlCompletionContext } from "./promql-completion-context";
import {
  type PromqlCompletionData,
  type PromqlSuggestion,
  promqlSuggestions,
} from "./promql-completion-items";
import { formatPromql } from "./promql-format";
import { isFunctionName, promqlFunctionDoc } from "./promql-functions";
import { PROMQL_LANGUAGE_CONFIGURATION, PROMQL_MONARCH } from "./promql-monarch";
import { promqlProblems } from "./promql-problem";

/**
 * The `promql` Monaco language: highlighting, completion from the project's Prometheus (through
 * the preview API), hovers, parse-error markers and formatting. Registered once per page; what
 * differs per editor (project, datasource, variables, single-line) lives in per-model settings.
 */

type MonacoApi = typeof Monaco;

export const PROMQL_LANGUAGE_ID = "promql";
const MARKER_OWNER = "promql";

export interface PromqlModelSettings {
  source: PreviewSource;
  /** Dashboard variables, without `$`. */
  variables: readonly string[];
  singleLine: boolean;
}

const modelSettings = new Map<string, PromqlModelSettings>();

export function setPromqlModelSettings(model: Monaco.editor.ITextModel, settings: PromqlModelSettings): void {
  modelSettings.set(model.uri.toString(), settings);
}

export function clearPromqlModelSettings(model: Monaco.editor.ITextModel): void {
  modelSettings.delete(model.uri.toString());
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** Only plain metric names go into `match[]`; anything else would be refused or misread. */
function plainMetric(metric: string | undefined): string | undefined {
  return metric && METRIC_NAME.test(metric) ? metric : undefined;
}

async function completionData(
  context: PromqlCompletionContext,
  settings: PromqlModelSettings | undefined,
): Promise<PromqlCompletionData> {
  const variables = settings?.variables ?? [];
  if (!settings) return { variables };
  const source = settings.source;
  switch (context.kind) {
    case "metric":
      return { variables, metrics: await previewCatalog.metrics(source) };
    case "label-name":
      return { variables, labelNames: await previewCatalog.labelNames(source, plainMetric(context.metric)) };
    case "label-value":
      return {
        variables,
        labelValues: await previewCatalog.labelValues(source, context.label, plainMetric(context.metric)),
      };
    default:
      return { variables };
  }
}

function itemKind(monaco: MonacoApi, kind: PromqlSuggestion["kind"]): Monaco.languages.CompletionItemKind {
  const kinds = monaco.languages.CompletionItemKind;
  switch (kind) {
    case "metric":
      return kinds.Constant;
    case "function":
      return kinds.Function;
    case "aggregation":
      return kinds.Method;
    case "keyword":
      return kinds.Keyword;
    case "label":
      return kinds.Property;
    case "value":
      return kinds.Value;
    case "duration":
      return kinds.Unit;
    case "variable":
      return kinds.Variable;
    default: {
      const never: never = kind;
      throw new Error(`unknown suggestion kind ${String(never)}`);
    }
  }
}

function completionProvider(monaco: MonacoApi): Monaco.languages.CompletionItemProvider {
  return {
    triggerCharacters: ["{", ",", "=", "~", '"', "[", "(", "$", ":"],
    async provideCompletionItems(model, position) {
      const offset = model.getOffsetAt(position);
      const context = promqlCompletionContext(model.getValue(), offset);
      if (context.kind === "none") return { suggestions: [] };
      const data = await completionData(context, modelSettings.get(model.uri.toString()));
      const start = model.getPositionAt(context.from);
      const range = new monaco.Range(start.lineNumber, start.column, position.lineNumber, position.column);
      const suggestions = promqlSuggestions(context, data).map(
        (suggestion): Monaco.languages.CompletionItem => ({
          label: suggestion.label,
          kind: itemKind(monaco, suggestion.kind),
          insertText: suggestion.insertText,
          insertTextRules: suggestion.snippet
            ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet
            : undefined,
          detail: suggestion.detail,
          documentation: suggestion.documentation,
          sortText: `${suggestion.rank.toFixed(2).padStart(6, "0")}${suggestion.label}`,
          range,
        }),
      );
      return { suggestions };
    },
  };
}

function hoverProvider(monaco: MonacoApi): Monaco.languages.HoverProvider {
  return {
    async provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      if (!word) return null;
      const range = new monaco.Range(
        position.lineNumber,
        word.startColumn,
        position.lineNumber,
        word.endColumn,
      );
      const doc = promqlFunctionDoc(word.word.toLowerCase());
      if (doc) return { range, contents: [{ value: `\`${doc.signature}\`` }, { value: doc.doc }] };
      const settings = modelSettings.get(model.uri.toString());
      if (!settings || isFunctionName(word.word)) return null;
      const metric = await previewCatalog.knownMetric(settings.source, word.word);
      if (!metric?.type && !metric?.help) return null;
      const contents: Monaco.IMarkdownString[] = [{ value: `**${metric.name}** ${metric.type ?? ""}` }];
      // Help text comes from the exporter: shown as text, never as markdown.
      if (metric.help) contents.push({ value: metric.help.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, "\\$&") });
      return { range, contents };
    },
  };
}

function formattingProvider(): Monaco.languages.DocumentFormattingEditProvider {
  return {
    displayName: "PromQL",
    provideDocumentFormattingEdits(model) {
      const text = model.getValue();
      const singleLine = modelSettings.get(model.uri.toString())?.singleLine ?? false;
      const formatted = formatPromql(text, singleLine ? { width: Number.POSITIVE_INFINITY } : {});
      return formatted === text ? [] : [{ range: model.getFullModelRange(), text: formatted }];
    },
  };
}

/** Underlines the query's parse error (if any) with the parser's message, or what it needs of Prometheus. */
export function updatePromqlMarkers(monaco: MonacoApi, model: Monaco.editor.ITextModel): void {
  if (model.isDisposed()) return;
  const markers = promqlProblems(model.getValue()).map((problem) => {
    const start = model.getPositionAt(problem.start);
    const end = model.getPositionAt(problem.end);
    return {
      severity: problem.severity === "error" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      message: problem.message,
      source: "PromQL",
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    };
  });
  monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
}

export function registerPromqlLanguage(monaco: MonacoApi): void {
  monaco.languages.register({ id: PROMQL_LANGUAGE_ID, aliases: ["PromQL", "promql"] });
  monaco.languages.setMonarchTokensProvider(PROMQL_LANGUAGE_ID, PROMQL_MONARCH);
  monaco.languages.setLanguageConfiguration(PROMQL_LANGUAGE_ID, PROMQL_LANGUAGE_CONFIGURATION);
  monaco.languages.registerCompletionItemProvider(PROMQL_LANGUAGE_ID, completionProvider(monaco));
  monaco.languages.registerHoverProvider(PROMQL_LANGUAGE_ID, hoverProvider(monaco));
  monaco.languages.registerDocumentFormattingEditProvider(PROMQL_LANGUAGE_ID, formattingProvider());
}
