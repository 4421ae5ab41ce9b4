import type * as Monaco from "monaco-editor/editor";
import { PROMQL_AGGREGATIONS, PROMQL_FUNCTIONS, PROMQL_KEYWORD_WORDS } from "./promql-functions";

/**
 * Syntax highlighting for PromQL with Grafana variables. Token names map to colours in the theme
 * of monaco-setup.ts: keyword, keyword.aggregation, keyword.function, identifier.metric,
 * attribute.name (label names), string, number, number.duration, operator, variable, comment.
 */

const VARIABLE = /\$__\w+|\$\{[^}]*\}|\$\w+/;
const DURATION = /\d+(?:ms|[smhdwy])(?:\d+(?:ms|[smhdwy]))*/;
const NUMBER = /0x[0-9a-fA-F]+|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;

export const PROMQL_MONARCH: Monaco.languages.IMonarchLanguage = {
  defaultToken: "",
  tokenPostfix: ".promql",
  ignoreCase: false,
  aggregations: PROMQL_AGGREGATIONS.map((entry) => entry.name),
  functions: PROMQL_FUNCTIONS.map((entry) => entry.name),
  keywords: [...PROMQL_KEYWORD_WORDS],
  brackets: [
    { open: "(", close: ")", token: "delimiter.parenthesis" },
    { open: "[", close: "]", token: "delimiter.square" },
    { open: "{", close: "}", token: "delimiter.curly" },
  ],
  tokenizer: {
    root: [
      { include: "@whitespace" },
      [VARIABLE, "variable"],
      [/\{/, { token: "delimiter.curly", next: "@matchers" }],
      [/\[/, { token: "delimiter.square", next: "@range" }],
      [
        /[a-zA-Z_:][\w:]*/,
        {
          cases: {
            "@aggregations": "keyword.aggregation",
            "@functions": "keyword.function",
            "@keywords": "keyword",
            "@default": "identifier.metric",
          },
        },
      ],
      [DURATION, "number.duration"],
      [NUMBER, "number"],
      { include: "@strings" },
      [/[()]/, "@brackets"],
      [/[\]}]/, "@brackets"],
      [/,/, "delimiter"],
      [/==|!=|>=|<=|=~|!~|[-+*/%^<>=@]/, "operator"],
    ],
    matchers: [
      { include: "@whitespace" },
      [/\}/, { token: "delimiter.curly", next: "@pop" }],
      [/[a-zA-Z_]\w*/, "attribute.name"],
      [/=~|!~|!=|=/, "operator"],
      [/,/, "delimiter"],
      { include: "@strings" },
    ],
    range: [
      { include: "@whitespace" },
      [/\]/, { token: "delimiter.square", next: "@pop" }],
      [VARIABLE, "variable"],
      [DURATION, "number.duration"],
      [NUMBER, "number"],
      [/:/, "delimiter"],
      [/[-+*/%^]/, "operator"],
      [/[a-z_]+/, "keyword.function"],
      [/[()]/, "@brackets"],
    ],
    strings: [
      [/"/, { token: "string.quote", next: "@doubleQuoted" }],
      [/'/, { token: "string.quote", next: "@singleQuoted" }],
      [/`/, { token: "string.quote", next: "@backtick" }],
    ],
    doubleQuoted: [
      [VARIABLE, "variable"],
      [/[^\\"$]+/, "string"],
      [/\\./, "string.escape"],
      [/\$/, "string"],
      [/"/, { token: "string.quote", next: "@pop" }],
    ],
    singleQuoted: [
      [VARIABLE, "variable"],
      [/[^\\'$]+/, "string"],
      [/\\./, "string.escape"],
      [/\$/, "string"],
      [/'/, { token: "string.quote", next: "@pop" }],
    ],
    backtick: [
      [VARIABLE, "variable"],
      [/[^`$]+/, "string"],
      [/\$/, "string"],
      [/`/, { token: "string.quote", next: "@pop" }],
    ],
    whitespace: [
      [/\s+/, "white"],
      [/#.*$/, "comment"],
    ],
  },
};

export const PROMQL_LANGUAGE_CONFIGURATION: Monaco.languages.LanguageConfiguration = {
  comments: { lineComment: "#" },
  brackets: [
    ["{", "}"],
    ["[", "]"],
    ["(", ")"],
  ],
  autoClosingPairs: [
    { open: "{", close: "}" },
    { open: "[", close: "]" },
    { open: "(", close: ")" },
    { open: '"', close: '"', notIn: ["string"] },
    { open: "'", close: "'", notIn: ["string"] },
    { open: "`", close: "`", notIn: ["string"] },
  ],
  surroundingPairs: [
    { open: "{", close: "}" },
    { open: "[", close: "]" },
    { open: "(", close: ")" },
    { open: '"', close: '"' },
    { open: "'", close: "'" },
  ],
  // Metric names have colons, Grafana variables a leading `$`: both are one word.
  wordPattern: /(\$\{[^}]*\}?)|(\$?[a-zA-Z_:][\w:]*)|(-?\d*\.?\d+[a-zA-Z]*)/,
};
