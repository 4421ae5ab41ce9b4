import { checkDashboardPromql } from "../../lib/promql/parse";
import type { TextRange } from "./json-path-range";

export interface PromqlProblem extends TextRange {
  message: string;
}

/** The token at `position` (a word, a string, or one character), to underline a parse error on. */
function tokenLength(text: string, position: number): number {
  const match = /^(?:\$?[\w:]+|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|\S)/.exec(text.slice(position));
  return match ? match[0].length : 1;
}

/**
 * The parse error of a PromQL query (Grafana variables allowed) with the range to underline, or
 * undefined when it parses. An empty query is not an error while typing.
 */
export function promqlProblem(text: string): PromqlProblem | undefined {
  if (text.trim() === "") return undefined;
  const problem = checkDashboardPromql(text);
  if (!problem) return undefined;
  // "unexpected end of input" points past the text: underline its last character instead.
  const start = Math.min(problem.position, Math.max(0, text.trimEnd().length - 1));
  return {
    start,
    end: Math.min(text.length, start + tokenLength(text, start)) || start + 1,
    message: problem.message,
  };
}
