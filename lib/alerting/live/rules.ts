import { z } from "zod";
import type { Project } from "../../model";
import type { RulesData } from "../../prometheus/schemas";

/**
 * The live API's rule list: every alerting rule of the project, each with what the Prometheus
 * running it says now (state, active alerts, health), matched by group and alert name; plus the
 * alerting rules that Prometheus runs and the project does not have.
 */

export const LiveRuleSchema = z.object({
  group: z.string(),
  alert: z.string(),
  expr: z.string(),
  for: z.string().optional(),
  labels: z.record(z.string(), z.string()),
  /** In the project (`project`), only in the Prometheus (`prometheus`), or both. */
  source: z.enum(["project", "prometheus", "both"]),
  /** The Prometheus's view; absent when it does not run the rule or was not reached. */
  live: z
    .object({
      state: z.enum(["inactive", "pending", "firing"]),
      activeAlerts: z.number().int(),
      health: z.string().optional(),
      lastError: z.string().optional(),
    })
    .optional(),
});
export type LiveRule = z.infer<typeof LiveRuleSchema>;

export const LiveRulesResponseSchema = z.object({
  rules: z.array(LiveRuleSchema),
  /** Why the Prometheus's view is missing (no datasource, unreachable), when it is. */
  prometheusError: z.string().optional(),
});
export type LiveRulesResponse = z.infer<typeof LiveRulesResponseSchema>;

const key = (group: string, alert: string): string => JSON.stringify([group, alert]);

export function mergeLiveRules(project: Project, data: RulesData | undefined): LiveRule[] {
  const live = new Map<string, NonNullable<LiveRule["live"]>>();
  const liveOnly: LiveRule[] = [];
  const known = new Set<string>();
  for (const group of project.ruleGroups)
    for (const rule of group.rules) if (rule.kind === "alert") known.add(key(group.name, rule.alert));
  for (const group of data?.groups ?? []) {
    for (const rule of group.rules) {
      if (rule.type !== "alerting") continue;
      const state = {
        state: rule.state,
        activeAlerts: rule.alerts.length,
        ...(rule.health === undefined ? {} : { health: rule.health }),
        ...(rule.lastError ? { lastError: rule.lastError } : {}),
      };
      live.set(key(group.name, rule.name), state);
      if (!known.has(key(group.name, rule.name))) {
        liveOnly.push({
          group: group.name,
          alert: rule.name,
          expr: rule.query,
          labels: rule.labels,
          source: "prometheus",
          live: state,
        });
      }
    }
  }
  const fromProject = project.ruleGroups.flatMap((group) =>
    group.rules.flatMap((rule): LiveRule[] => {
      if (rule.kind !== "alert") return [];
      const state = live.get(key(group.name, rule.alert));
      return [
        {
          group: group.name,
          alert: rule.alert,
          expr: rule.expr,
          ...(rule.for === undefined ? {} : { for: rule.for }),
          labels: rule.labels,
          source: state ? "both" : "project",
          ...(state ? { live: state } : {}),
        },
      ];
    }),
  );
  return [...fromProject, ...liveOnly];
}
