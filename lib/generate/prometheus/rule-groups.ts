import type { AlertingRule, Project, RecordingRule, RuleGroup } from "../../model";
import { generatedRunbookUrl, hasGeneratedRunbook } from "../names";
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

/** A group as rulefmt spells it, keys in rulefmt's order. */
export interface PrometheusRuleGroup {
  name: string;
  interval?: string;
  query_offset?: string;
  limit?: number;
  labels?: Record<string, string>;
  rules: PrometheusRuleEntry[];
}

/** Exactly the rule's labels: severity and category are ordinary labels, nothing is added. */
export function alertLabels(rule: AlertingRule): Record<string, string> {
  return rule.labels;
}

/**
 * Exactly the rule's annotations, with one exception: a rule with a generated runbook page and no
 * runbook_url of its own gets the link to that page, placed after its leading summary and
 * description (where the catalog has always put it).
 */
export function alertAnnotations(project: Project, rule: AlertingRule): Record<string, string> {
  if (!hasGeneratedRunbook(rule)) return rule.annotations;
  const entries = Object.entries(rule.annotations);
  const after = entries.findIndex(([key]) => key !== "summary" && key !== "description");
  entries.splice(after === -1 ? entries.length : after, 0, [
    "runbook_url",
    generatedRunbookUrl(project, rule),
  ]);
  return Object.fromEntries(entries);
}

function nonEmpty(map: Record<string, string> | undefined): Record<string, string> | undefined {
  return map && Object.keys(map).length > 0 ? map : undefined;
}

function recordingEntry(rule: RecordingRule): PrometheusRuleEntry {
  return compact({
    record: rule.record,
    expr: rule.expr,
    labels: nonEmpty(rule.labels),
  });
}

function alertingEntry(project: Project, rule: AlertingRule): PrometheusRuleEntry {
  return compact({
    alert: rule.alert,
    expr: rule.expr,
    for: rule.for,
    keep_firing_for: rule.keepFiringFor,
    labels: nonEmpty(alertLabels(rule)),
    annotations: nonEmpty(alertAnnotations(project, rule)),
  });
}

/** The group as it goes into a rule file: disabled rules left out, empty groups dropped by callers. */
export function prometheusRuleGroup(project: Project, group: RuleGroup): PrometheusRuleGroup {
  const rules = group.rules
    .filter((rule) => rule.enabled)
    .map((rule) => (rule.kind === "alert" ? alertingEntry(project, rule) : recordingEntry(rule)));
  return compact({
    name: group.name,
    interval: group.interval,
    query_offset: group.queryOffset,
    limit: group.limit,
    labels: nonEmpty(group.labels),
    rules,
  });
}

/** Groups that have at least one enabled rule, in project order. */
export function prometheusRuleGroups(project: Project): PrometheusRuleGroup[] {
  return project.ruleGroups
    .map((group) => prometheusRuleGroup(project, group))
    .filter((g) => g.rules.length > 0);
}
