import type { Rule, RuleGroup } from "@/lib/model/rule";
import type { SloSpec } from "@/lib/model/slo";
import { generateSloRules } from "./generate";
import { SLO_IDENTITY_LABELS } from "./naming";

/** Kind, name and identity labels: what makes a rule "the same generated rule" across regenerations. */
export function generatedRuleKey(rule: Rule): string {
  const name = rule.kind === "alert" ? rule.alert : rule.record;
  const identity = SLO_IDENTITY_LABELS.map((label) => rule.labels[label] ?? "");
  return JSON.stringify([rule.kind, name, identity]);
}

/**
 * The group with the SLO's rules regenerated: rules the previous spec generated (and any rule the
 * new one generates) are replaced, the group's other rules and settings are kept after them.
 */
export function applySloToGroup(group: RuleGroup, spec: SloSpec): RuleGroup {
  const fresh = generateSloRules(spec).rules;
  const owned = new Set(fresh.map(generatedRuleKey));
  if (group.slo) {
    for (const rule of generateSloRules(group.slo).rules) owned.add(generatedRuleKey(rule));
  }
  const others = group.rules.filter((rule) => !owned.has(generatedRuleKey(rule)));
  return { ...group, slo: spec, rules: [...fresh, ...others] };
}
