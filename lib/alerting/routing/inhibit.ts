import type { InhibitRule, Labels } from "../../model";
import { type CompiledMatcher, compileMatcher, matchesAll } from "./matcher";

/**
 * Inhibition as Alertmanager decides it (inhibit/inhibit.go): a target alert is muted when some
 * firing alert matches the rule's source matchers, the target matches its target matchers, and
 * every `equal` label has the same value on both (a label missing on both is equal: both empty).
 * When the target also matches the source matchers, sources that also match the target matchers
 * are skipped, so an alert matching both sides is never silenced by itself or its like.
 */

export interface CompiledInhibitRule {
  index: number;
  source: CompiledMatcher[];
  target: CompiledMatcher[];
  equal: string[];
}

export function compileInhibitRules(rules: readonly InhibitRule[]): CompiledInhibitRule[] {
  return rules.map((rule, index) => ({
    index,
    source: rule.sourceMatchers.map(compileMatcher),
    target: rule.targetMatchers.map(compileMatcher),
    equal: [...new Set(rule.equal)],
  }));
}

export interface Inhibition {
  /** Index of the rule that mutes the alert (the first one that does, as Alertmanager stops there). */
  rule: number;
  /** Indexes (in the firing list) of every alert that could be the source under that rule. */
  sources: number[];
}

function inhibitionBy(
  rule: CompiledInhibitRule,
  target: Labels,
  firing: readonly Labels[],
): number[] | undefined {
  if (!matchesAll(rule.target, target)) return undefined;
  const excludeTwoSided = matchesAll(rule.source, target);
  const sources: number[] = [];
  firing.forEach((candidate, index) => {
    if (!matchesAll(rule.source, candidate)) return;
    for (const name of rule.equal) if ((candidate[name] ?? "") !== (target[name] ?? "")) return;
    if (excludeTwoSided && matchesAll(rule.target, candidate)) return;
    sources.push(index);
  });
  return sources.length > 0 ? sources : undefined;
}

/** Whether (and by what) the alert `target` is muted while the alerts `firing` fire. */
export function inhibitionOf(
  rules: readonly CompiledInhibitRule[],
  target: Labels,
  firing: readonly Labels[],
): Inhibition | undefined {
  for (const rule of rules) {
    const sources = inhibitionBy(rule, target, firing);
    if (sources) return { rule: rule.index, sources };
  }
  return undefined;
}

/** For each firing alert, its inhibition or undefined; every alert is both a possible source and a target. */
export function inhibitAll(
  rules: readonly CompiledInhibitRule[],
  firing: readonly Labels[],
): (Inhibition | undefined)[] {
  return firing.map((alert) => inhibitionOf(rules, alert, firing));
}
