import type { RuleGroup } from "@/lib/model/rule";
import { type LiveRuleState, liveStateWord } from "./live-state";
import { ruleCategory, ruleName, ruleSeverity } from "./rule-ops";

/** The rules page's filters; "" matches everything. */
export interface RuleFilter {
  text: string;
  severity: string;
  category: string;
  state: string;
}

export const NO_FILTER: RuleFilter = { text: "", severity: "", category: "", state: "" };

export interface RuleRow {
  groupName: string;
  index: number;
  rule: RuleGroup["rules"][number];
  live: LiveRuleState;
}

/** The rows a filter keeps: the name contains the text (any case), labels and state equal. */
export function filterRules(rows: readonly RuleRow[], filter: RuleFilter): RuleRow[] {
  const text = filter.text.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (text === "" || ruleName(row.rule).toLowerCase().includes(text)) &&
      (filter.severity === "" || ruleSeverity(row.rule) === filter.severity) &&
      (filter.category === "" || ruleCategory(row.rule) === filter.category) &&
      (filter.state === "" || liveStateWord(row.live) === filter.state),
  );
}

/** The distinct values of a label over every rule, sorted: the choices of a filter. */
export function labelChoices(groups: readonly RuleGroup[], label: "severity" | "category"): string[] {
  const values = new Set<string>();
  for (const group of groups)
    for (const rule of group.rules) {
      const value = rule.labels[label];
      if (value) values.add(value);
    }
  return [...values].sort();
}
