import {
  type Project,
  type RuleGroup,
  RuleGroupSchema,
  zodIssuesToModelIssues,
  formatIssue,
} from "../../model";
import { ImportFailure } from "../import-failure";
import type { ConvertedSection, Importer } from "../importers";
import { formatRuleFileProblem } from "./format-problem";
import {
  isRuleFileDocument,
  type ParsedRuleFile,
  parseRuleFile,
  parseRuleFileValue,
} from "./parse-rule-file";
import { yamlSourceOf } from "./yaml-source";

/** The file read again from its text when it came as YAML, so scalars keep the text written. */
export function readRuleFile(document: unknown): ParsedRuleFile {
  const text = yamlSourceOf(document);
  return text === undefined ? parseRuleFileValue(document) : parseRuleFile(text);
}

/**
 * The groups of a rule file as model rule groups, or ImportFailure with every problem
 * promtool 2.42 would report (those only older Prometheus refuses are noted, not refused).
 */
export function ruleGroupsOf(document: unknown): { parsed: ParsedRuleFile; groups: RuleGroup[] } {
  const parsed = readRuleFile(document);
  const errors = parsed.problems.filter((problem) => problem.acceptedSince === undefined);
  if (errors.length > 0)
    throw new ImportFailure([
      `not an importable ${formatName(parsed)} (${errors.length} problem${errors.length === 1 ? "" : "s"} promtool check rules reports):`,
      ...errors.map((problem) => `  ${formatRuleFileProblem(problem)}`),
    ]);
  const groups = parsed.groups.map((input, index) => {
    const result = RuleGroupSchema.safeParse(input);
    if (!result.success)
      throw new ImportFailure([
        `not an importable ${formatName(parsed)}:`,
        ...zodIssuesToModelIssues(result.error, [`groups[${index}]`]).map(
          (issue) => `  ${formatIssue(issue)}`,
        ),
      ]);
    return result.data;
  });
  return { parsed, groups };
}

function formatName(parsed: ParsedRuleFile): string {
  return parsed.format === "PrometheusRule" ? "PrometheusRule" : "Prometheus rule file";
}

function countRules(groups: readonly RuleGroup[]): string {
  const rules = groups.flatMap((group) => group.rules);
  const alerts = rules.filter((rule) => rule.kind === "alert").length;
  return `${rules.length} rule${rules.length === 1 ? "" : "s"} (${alerts} alerting, ${rules.length - alerts} recording)`;
}

/**
 * Prometheus rule files and PrometheusRule resources: each group becomes a rule group of the
 * project (one of the same name is replaced), labels and annotations exactly as written.
 */
export const ruleFileImporter: Importer = {
  what: "Prometheus rule file",
  recognises: isRuleFileDocument,
  convert(document: unknown, project: Project): ConvertedSection[] {
    const { parsed, groups } = ruleGroupsOf(document);
    if (groups.length === 0)
      throw new ImportFailure([`a ${formatName(parsed)} with no groups: nothing to import`]);
    const notes = parsed.problems
      .filter((problem) => problem.acceptedSince !== undefined)
      .map(
        (problem) =>
          `  note: ${formatRuleFileProblem(problem)}: promtool 2.42 refuses it; Prometheus ${problem.acceptedSince} and later, and the bundle's, take it`,
      );
    const headline = `${formatName(parsed)}: ${groups.length} group${groups.length === 1 ? "" : "s"}, ${countRules(groups)}`;
    return groups.map((group, index) => {
      const replaced = project.ruleGroups.some((existing) => existing.name === group.name);
      return {
        ref: { kind: "rule-group", name: group.name },
        content: group,
        datasourceTypes: ["prometheus"],
        report: [
          ...(index === 0 ? [headline, ...notes] : []),
          `  group "${group.name}": ${countRules([group])}${replaced ? ", replaces the project's group of that name" : ""}`,
        ],
      };
    });
  },
};
