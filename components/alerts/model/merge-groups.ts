import { sameValue } from "@/lib/json/same-value";
import type { Rule, RuleGroup } from "@/lib/model/rule";
import { ruleName } from "./rule-ops";

export interface GroupMerge {
  draft: RuleGroup;
  conflicts: string[];
  theirChanges: string[];
}

const SETTINGS = ["interval", "limit", "queryOffset", "labels"] as const;
const SETTING_LABELS: Record<(typeof SETTINGS)[number], string> = {
  interval: "the interval",
  limit: "the limit",
  queryOffset: "the query offset",
  labels: "the group labels",
};

function byName(rules: readonly Rule[]): Map<string, Rule> {
  return new Map(rules.map((rule) => [ruleName(rule), rule]));
}

/**
 * My edits of a rule group re-applied on a newer version (after a 409): each group setting and
 * each rule (by name) I changed is mine, everything else theirs; where both changed one thing,
 * mine is kept and the thing is named as a conflict.
 */
export function mergeGroups(base: RuleGroup, mine: RuleGroup, theirs: RuleGroup): GroupMerge {
  const conflicts: string[] = [];
  const theirChanges: string[] = [];
  const draft: RuleGroup = { ...theirs };
  for (const key of SETTINGS) {
    const mineChanged = !sameValue(mine[key], base[key]);
    const theirsChanged = !sameValue(theirs[key], base[key]);
    if (theirsChanged) theirChanges.push(SETTING_LABELS[key]);
    if (!mineChanged) continue;
    if (theirsChanged && !sameValue(mine[key], theirs[key])) conflicts.push(SETTING_LABELS[key]);
    if (mine[key] === undefined) delete draft[key];
    else (draft as Record<string, unknown>)[key] = mine[key];
  }
  const baseRules = byName(base.rules);
  const mineRules = byName(mine.rules);
  const theirRules = byName(theirs.rules);
  for (const [name, rule] of theirRules) {
    const before = baseRules.get(name);
    if (!before) theirChanges.push(`added ${name}`);
    else if (!sameValue(before, rule)) theirChanges.push(`changed ${name}`);
  }
  for (const name of baseRules.keys()) if (!theirRules.has(name)) theirChanges.push(`removed ${name}`);

  let rules = [...theirs.rules];
  for (const [name, rule] of mineRules) {
    const before = baseRules.get(name);
    if (before && sameValue(before, rule)) continue;
    const theirsNow = theirRules.get(name);
    if (theirsNow && before && !sameValue(before, theirsNow) && !sameValue(theirsNow, rule))
      conflicts.push(name);
    const at = rules.findIndex((candidate) => ruleName(candidate) === name);
    if (at === -1) rules.push(rule);
    else rules[at] = rule;
  }
  for (const [name, before] of baseRules) {
    if (mineRules.has(name)) continue;
    const theirsNow = theirRules.get(name);
    if (theirsNow && !sameValue(before, theirsNow)) conflicts.push(name);
    rules = rules.filter((candidate) => ruleName(candidate) !== name);
  }
  return { draft: { ...draft, rules }, conflicts, theirChanges };
}
