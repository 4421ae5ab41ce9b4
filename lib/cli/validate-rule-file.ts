import { formatRuleFileProblem } from "../import/rule-file/format-problem";
import { readRuleFile } from "../import/rule-file/importer";
import { isRuleFileDocument } from "../import/rule-file/parse-rule-file";
import { readDocument } from "./load-input";

export interface RuleFileVerdict {
  ok: boolean;
  /** promtool's lines: `file: 5:15: group "g", rule 1, "A": could not parse expression: …`. */
  lines: string[];
}

/**
 * `obsforge validate <rule file>`: every problem promtool 2.42's `check rules` reports, each on
 * its own line by group and rule as promtool prints them; undefined when the file is no rule file
 * (a project or deployment file, or unreadable: the caller says what it is).
 */
export function validateRuleFile(file: string): RuleFileVerdict | undefined {
  const read = readDocument(file);
  if (!read.ok || !isRuleFileDocument(read.document)) return undefined;
  const parsed = readRuleFile(read.document);
  const lines = parsed.problems.map((problem) => {
    const newer =
      problem.acceptedSince === undefined
        ? ""
        : ` (promtool 2.42 refuses it; Prometheus ${problem.acceptedSince} and later, and the bundle's, take it)`;
    return `${file}: ${formatRuleFileProblem(problem)}${newer}`;
  });
  const rules = parsed.groups.reduce((sum, group) => sum + (group.rules?.length ?? 0), 0);
  const what = parsed.format === "PrometheusRule" ? "PrometheusRule" : "rule file";
  lines.push(
    `${file}: ${what}: ${parsed.groups.length} group${parsed.groups.length === 1 ? "" : "s"}, ${rules} rule${rules === 1 ? "" : "s"}, ${parsed.problems.length} problem${parsed.problems.length === 1 ? "" : "s"}`,
  );
  return { ok: parsed.problems.length === 0, lines };
}
