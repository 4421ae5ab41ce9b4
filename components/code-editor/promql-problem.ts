import { analyzeDashboardPromql } from "../../lib/promql/parse";
import type { TextRange } from "./json-path-range";

export interface PromqlProblem extends TextRange {
  message: string;
  /** An error Prometheus stops at, or a warning that the query needs a newer Prometheus or a feature flag. */
  severity: "error" | "warning";
}

/** The token at `position` (a word, a string, a range, or one character), to underline a problem on. */
function tokenLength(text: string, position: number): number {
  const match = /^(?:\$?[\w:]+|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|\[[^\]\n]*\]?|\S)/.exec(
    text.slice(position),
  );
  return match ? match[0].length : 1;
}

function underline(text: string, position: number): TextRange {
  // "unexpected end of input" points past the text: underline its last character instead.
  const start = Math.min(position, Math.max(0, text.trimEnd().length - 1));
  return { start, end: Math.min(text.length, start + tokenLength(text, start)) || start + 1 };
}

/**
 * The problems of a PromQL query (Grafana variables allowed) with the ranges to underline: its
 * error, or else its warnings. An empty query is not an error while typing.
 */
export function promqlProblems(text: string): PromqlProblem[] {
  if (text.trim() === "") return [];
  const { error, warnings } = analyzeDashboardPromql(text);
  if (error) return [{ ...underline(text, error.position), message: error.message, severity: "error" }];
  return warnings.map((warning) => ({
    ...underline(text, warning.position),
    message: warning.message,
    severity: "warning",
  }));
}

/** The error of a PromQL query with the range to underline, or undefined when Prometheus accepts it. */
export function promqlProblem(text: string): PromqlProblem | undefined {
  const [first] = promqlProblems(text);
  return first?.severity === "error" ? first : undefined;
}
