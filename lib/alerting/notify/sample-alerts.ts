/**
 * Sample alert groups for previews, validation and test sends, from the project's own alerting
 * rules: each alert carries the labels Prometheus would send (series labels, the group's and the
 * rule's labels, alertname) and the annotations rendered as Prometheus renders them
 * (expectedAnnotation), so a message reads as it will in production.
 */
import { goQueryEscape } from "../templates/go-strings";
import { expectedAnnotation } from "../templates/expected-annotation";
import type { AlertingRule, Project, RuleGroup } from "../../model";
import type { AlertStatus, GroupAlert } from "./template-data";

export interface SampleAlert {
  /** `group/rule` of the rule it comes from. */
  id: string;
  rule: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  generatorURL: string;
}

/** Fixed instants, so previews and validation do not depend on the clock. */
export const SAMPLE_STARTS_AT = "2026-01-05T09:30:00Z";
export const SAMPLE_ENDS_AT = "2026-01-05T10:15:00Z";
const PROMETHEUS_URL = "http://prometheus:9090";
export const SAMPLE_EXTERNAL_URL = "http://alertmanager:9093";

function seriesLabels(
  group: RuleGroup,
  rule: AlertingRule,
): { labels: Record<string, string>; value: number } {
  const test = rule.tests.find((t) => t.fires);
  if (test) return { labels: { ...test.labels }, value: test.value ?? 1 };
  return { labels: { instance: "app-1:8080", job: group.name }, value: 1 };
}

/** One sample alert per enabled alerting rule of the project, in rule order (at most `limit`). */
export function sampleAlerts(project: Project, limit = Number.POSITIVE_INFINITY): SampleAlert[] {
  const out: SampleAlert[] = [];
  for (const group of project.ruleGroups) {
    for (const rule of group.rules) {
      if (out.length >= limit) return out;
      if (rule.kind !== "alert" || !rule.enabled) continue;
      const { labels: series, value } = seriesLabels(group, rule);
      const options = { alertName: rule.alert };
      const ruleLabels = Object.fromEntries(
        Object.entries({ ...group.labels, ...rule.labels }).map(([k, v]) => [
          k,
          expectedAnnotation(v, series, value, options),
        ]),
      );
      const labels = { ...series, ...ruleLabels, alertname: rule.alert };
      delete (labels as Record<string, string>).__name__;
      const annotations = Object.fromEntries(
        Object.entries(rule.annotations).map(([k, v]) => [k, expectedAnnotation(v, series, value, options)]),
      );
      out.push({
        id: `${group.name}/${rule.alert}`,
        rule: rule.alert,
        labels,
        annotations,
        generatorURL: `${PROMETHEUS_URL}/graph?g0.expr=${goQueryEscape(rule.expr)}&g0.tab=1`,
      });
    }
  }
  return out;
}

/** A stand-in when the project has no alerting rule yet. */
export const FALLBACK_SAMPLE: SampleAlert = {
  id: "sample/ServiceDown",
  rule: "ServiceDown",
  labels: { alertname: "ServiceDown", instance: "app-1:8080", job: "app", severity: "critical" },
  annotations: {
    summary: "app-1:8080 is down",
    description: "The target app-1:8080 of job app has not answered a scrape for 5 minutes.",
  },
  generatorURL: `${PROMETHEUS_URL}/graph?g0.expr=up+%3D%3D+0&g0.tab=1`,
};

/**
 * The alert group for one sample: `count` instances of it (instance app-1, app-2, …), firing or
 * resolved, grouped by alertname as the generated route does.
 */
export function sampleGroupAlerts(sample: SampleAlert, status: AlertStatus, count = 1): GroupAlert[] {
  return Array.from({ length: Math.max(1, count) }, (_, i) => {
    const labels = count > 1 ? { ...sample.labels, instance: `app-${i + 1}:8080` } : sample.labels;
    return {
      labels,
      annotations: sample.annotations,
      startsAt: SAMPLE_STARTS_AT,
      endsAt: status === "resolved" ? SAMPLE_ENDS_AT : "0001-01-01T00:00:00Z",
      generatorURL: sample.generatorURL,
      status,
    };
  });
}
