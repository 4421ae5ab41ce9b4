import { escapeMatcherValue } from "@/lib/alerting/routing/parse-matchers";
import type { Labels } from "@/lib/model";
import type { RuleGroup } from "@/lib/model/rule";

/** One alert the project's rules can fire, with the labels Prometheus sends it with. */
export interface ProjectAlert {
  /** `group / alert`, to tell two rules of one name apart. */
  key: string;
  alert: string;
  group: string;
  labels: Labels;
}

/**
 * The alerts of the project's enabled alerting rules with their static labels: the group's labels,
 * the rule's over them, and `alertname` (as Prometheus adds them). Labels the expression's series
 * carry are not known here; templated values are kept as written.
 */
export function projectAlerts(groups: readonly RuleGroup[]): ProjectAlert[] {
  const alerts: ProjectAlert[] = [];
  for (const group of groups) {
    for (const rule of group.rules) {
      if (rule.kind !== "alert" || !rule.enabled) continue;
      alerts.push({
        key: `${group.name} / ${rule.alert}`,
        alert: rule.alert,
        group: group.name,
        labels: { ...(group.labels ?? {}), ...rule.labels, alertname: rule.alert },
      });
    }
  }
  return alerts;
}

/** `alertname=X,severity=critical`, as the who-gets box takes a label set back. */
export function labelSetText(labels: Labels): string {
  return Object.entries(labels)
    .map(([name, value]) =>
      /^[^",{}\\\s]*$/.test(value) ? `${name}=${value}` : `${name}="${escapeMatcherValue(value)}"`,
    )
    .join(",");
}
