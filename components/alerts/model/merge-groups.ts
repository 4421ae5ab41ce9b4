import { mergeByName, mergeFields } from "@/components/section-save/three-way-merge";
import type { RuleGroup } from "@/lib/model/rule";
import { ruleName } from "./rule-ops";

export interface GroupMerge {
  draft: RuleGroup;
  conflicts: string[];
  theirChanges: string[];
}

const SETTINGS = [
  ["interval", "the interval"],
  ["limit", "the limit"],
  ["queryOffset", "the query offset"],
  ["labels", "the group labels"],
] as const;

/**
 * My edits of a rule group re-applied on a newer version (after a 409): each group setting and
 * each rule (by name) I changed is mine, everything else theirs; where both changed one thing,
 * mine is kept and the thing is named as a conflict.
 */
export function mergeGroups(base: RuleGroup, mine: RuleGroup, theirs: RuleGroup): GroupMerge {
  const settings = mergeFields(base, mine, theirs, SETTINGS);
  const rules = mergeByName(base.rules, mine.rules, theirs.rules, {
    nameOf: ruleName,
    label: (name) => name,
  });
  return {
    draft: { ...settings.draft, rules: rules.draft },
    conflicts: [...settings.conflicts, ...rules.conflicts],
    theirChanges: [...settings.theirChanges, ...rules.theirChanges],
  };
}
