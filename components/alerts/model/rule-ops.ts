import type { AlertingRule, RecordingRule, Rule, RuleGroup } from "@/lib/model/rule";

/** Small pure operations on rule groups, shared by the rules page and the group editor. */

/** The rule's name: its alert name, or the series a recording rule writes. */
export function ruleName(rule: Rule): string {
  return rule.kind === "alert" ? rule.alert : rule.record;
}

/** `base`, `base2`, `base3` …: the first name no rule of the group has. */
export function freeRuleName(group: RuleGroup, base: string): string {
  const used = new Set(group.rules.map(ruleName));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}${n}`)) return `${base}${n}`;
}

/** A new alerting rule that validates as it is, for the user to change. */
export function newAlertRule(group: RuleGroup): AlertingRule {
  return {
    kind: "alert",
    alert: freeRuleName(group, "InstanceDown"),
    expr: "up == 0",
    for: "5m",
    labels: { severity: "warning" },
    annotations: {
      summary: "{{ $labels.instance }} is down",
      description: "{{ $labels.job }} target {{ $labels.instance }} has been unreachable for 5 minutes.",
    },
    enabled: true,
    tests: [],
  } as AlertingRule;
}

/** A new recording rule that validates as it is. */
export function newRecordingRule(group: RuleGroup): RecordingRule {
  return {
    kind: "record",
    record: freeRuleName(group, "job:up:sum"),
    expr: "sum by (job) (up)",
    labels: {},
    enabled: true,
  };
}

export function withRule(group: RuleGroup, rule: Rule): RuleGroup {
  return { ...group, rules: [...group.rules, rule] };
}

export function withoutRule(group: RuleGroup, index: number): RuleGroup {
  return { ...group, rules: group.rules.filter((_rule, position) => position !== index) };
}

export function replaceRule(group: RuleGroup, index: number, rule: Rule): RuleGroup {
  return { ...group, rules: group.rules.map((current, position) => (position === index ? rule : current)) };
}

/** A label or annotation map with one key set (an empty value keeps the key) or removed (undefined). */
export function withEntry(
  record: Readonly<Record<string, string>>,
  key: string,
  value: string | undefined,
): Record<string, string> {
  const next = { ...record };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** The severity and category labels, for filters and badges. */
export function ruleSeverity(rule: Rule): string | undefined {
  return rule.labels.severity;
}

export function ruleCategory(rule: Rule): string | undefined {
  return rule.labels.category;
}
