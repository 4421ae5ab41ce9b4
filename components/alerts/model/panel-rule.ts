import type { Dashboard } from "@/lib/model/dashboard";
import { panelTargets } from "@/lib/model/panel";
import type { Project } from "@/lib/model/project";
import type { AlertingRule, RuleGroup } from "@/lib/model/rule";
import { dashboardVariables, interpolatePromql } from "@/lib/preview/interpolate";
import { parseDuration } from "@/lib/model/common";

/**
 * A new alerting rule from a dashboard panel: the panel's first PromQL query with the dashboard's
 * variables resolved as a preview would resolve them by default (constants, first custom values,
 * query variables as "All"), compared with the panel's highest threshold, linked to the panel.
 */

export interface PanelRuleDraft {
  rule: AlertingRule;
  dashboard: Dashboard;
  panelTitle: string;
  /** What was resolved or chosen, in words, to show before the rule is added. */
  notes: string[];
}

/** `HighCpuUsage` from "High CPU usage": a name in Prometheus's usual alert naming. */
export function alertNameFrom(title: string): string {
  const words = title.match(/[A-Za-z0-9]+/g) ?? [];
  const name = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
  return /^[A-Za-z]/.test(name) ? name : `Panel${name}`;
}

function seconds(text: string | undefined, fallback: number): number {
  const ms = text ? parseDuration(text) : undefined;
  return ms === undefined ? fallback : ms / 1000;
}

export function ruleFromPanel(
  project: Pick<Project, "dashboards" | "scrapeInterval">,
  dashboardUid: string,
  panelId: number,
): PanelRuleDraft | undefined {
  const dashboard = project.dashboards.find((candidate) => candidate.uid === dashboardUid);
  const panel = dashboard?.panels.find((candidate) => candidate.id === panelId);
  if (!dashboard || !panel || panel.type === "row") return undefined;
  const notes: string[] = [];
  const target = panelTargets(panel).find((candidate) => candidate.kind === "promql" && !candidate.hide);
  const scrape = seconds(project.scrapeInterval, 15);
  // A rule has no dashboard time range: $__interval is a minute, $__rate_interval four scrapes.
  const query = target?.kind === "promql" ? target.expr : "";
  const expr = interpolatePromql(query, {
    variables: dashboardVariables(dashboard.variables),
    intervalMs: 60_000,
    rangeMs: 3_600_000,
    scrapeIntervalMs: scrape * 1000,
  });
  if (query !== expr) notes.push("the dashboard's variables are resolved to their defaults");
  if (!target) notes.push("the panel has no PromQL query: write the expression");
  const steps = (panel.thresholds?.steps ?? []).filter((step) => step.value !== null);
  const top = steps[steps.length - 1];
  let condition = expr;
  let severity = "warning";
  if (top && top.value !== null && expr !== "" && panel.thresholds?.mode !== "percentage") {
    condition = `${expr} > ${top.value}`;
    severity = /red|critical|dark-red/i.test(top.color) ? "critical" : "warning";
    notes.push(`threshold ${top.value} from the panel's thresholds (${top.color})`);
  } else if (expr !== "") {
    notes.push("the panel has no absolute threshold: add the comparison");
  }
  const rule = {
    kind: "alert",
    alert: alertNameFrom(panel.title),
    expr: condition,
    for: "5m",
    labels: { severity },
    annotations: {
      summary: `${panel.title} is {{ $value }}`,
      description: `${panel.title} on the ${dashboard.title} dashboard crossed its threshold.`,
    },
    enabled: true,
    panel: { dashboardUid, panelId },
    tests: [],
  } as AlertingRule;
  return { rule, dashboard, panelTitle: panel.title, notes };
}

/** The rules of every group that link to one panel, for the panel's badge. */
export function rulesOfPanel(
  groups: readonly RuleGroup[],
  dashboardUid: string,
  panelId: number,
): { group: string; index: number; rule: AlertingRule }[] {
  return groups.flatMap((group) =>
    group.rules.flatMap((rule, index) =>
      rule.kind === "alert" && rule.panel?.dashboardUid === dashboardUid && rule.panel.panelId === panelId
        ? [{ group: group.name, index, rule }]
        : [],
    ),
  );
}
