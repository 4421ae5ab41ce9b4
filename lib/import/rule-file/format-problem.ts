import type { RuleFileProblem } from "./parse-rule-file";

/** A problem as promtool prints it after the file name: `12:15: group "g", rule 1, "A": …`. */
export function formatRuleFileProblem(problem: RuleFileProblem): string {
  const where = problem.line === undefined ? "" : `${problem.line}:${problem.column ?? 1}: `;
  return `${where}${problem.message}`;
}
