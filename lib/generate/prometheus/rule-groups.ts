import type { AlertingRule, Project, RecordingRule, RuleGroup } from "../../model";
import { dashboardUrl, runbookUrl } from "../names";
import { compact } from "../yaml";

/** A rule as Prometheus's rule file (and the PrometheusRule CRD) spells it. */
export interface PrometheusRuleEntry {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  keep_firing_for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface PrometheusRuleGroup {
  name: string;
  interval?: string;
  rules: PrometheusRuleEntry[];
}

export function alertLabels(rule: AlertingRule): Record<string, string> {
  return { severity: rule.severity, category: rule.category, ...rule.labels };
}

export function alertAnnotations(project: Project, rule: AlertingRule): Record<string, string> {
  const { summary, description, dashboardUid } = rule.annotations;
  return compact({
    summary,
    description,
    runbook_url: runbookUrl(project, rule),
    dashboard: dashboardUid ? dashboardUrl(project, dashboardUid) : undefined,
  });
}

function recordingEntry(rule: RecordingRule): PrometheusRuleEntry {
  return compact({
    record: rule.record,
    expr: rule.expr,
    labels: Object.keys(rule.labels).length > 0 ? rule.labels : undefined,
  });
}

function alertingEntry(project: Project, rule: AlertingRule): PrometheusRuleEntry {
  return compact({
    alert: rule.alert,
    expr: rule.expr,
    for: rule.for,
    keep_firing_for: rule.keepFiringFor,
    labels: alertLabels(rule),
    annotations: alertAnnotations(project, rule),
  });
}

/** The group as it goes into a rule file: disabled rules left out, empty groups dropped by callers. */
export function prometheusRuleGroup(project: Project, group: RuleGroup): PrometheusRuleGroup {
  const rules = group.rules
    .filter((rule) => rule.enabled)
    .map((rule) => (rule.kind === "alert" ? alertingEntry(project, rule) : recordingEntry(rule)));
  return compact({ name: group.name, interval: group.interval, rules });
}

/** Groups that have at least one enabled rule, in project order. */
export function prometheusRuleGroups(project: Project): PrometheusRuleGroup[] {
  return project.ruleGroups
    .map((group) => prometheusRuleGroup(project, group))
    .filter((g) => g.rules.length > 0);
}
