import type { CreateProjectBody, TemplateSummary } from "../api/schemas";
import { parseDeploymentYaml } from "../deployment/parse";
import { type Level, LevelSchema, type Project, ProjectShapeSchema, parseProject } from "../model";
import { catalogDashboards } from "./dashboards";
import { catalogRules } from "./rules";
import { catalogContextFor, projectFromTemplate } from "./templates";
import { includedAt } from "./types";

/**
 * The catalog applied to projects: new projects from a level, and catalog levels, dashboards and
 * rules added to a project. Used by the web app's services and by the CLI alike.
 */

/** A template name that is no level, catalog dashboard or catalog rule. */
export class UnknownTemplateError extends Error {
  constructor(readonly template: string) {
    super(`no template "${template}"`);
    this.name = "UnknownTemplateError";
  }
}

const LEVEL_DESCRIPTIONS: Record<Level, string> = {
  basic:
    "Operations, FraiseQL performance and infrastructure dashboards; availability, latency, error and resource alerts.",
  standard: "Adds cache, database, errors and PostgreSQL dashboards, and the remaining performance alerts.",
  enterprise: "Adds user activity and compliance dashboards, and security and compliance alerts.",
};

/** A project from one of the four ways POST /api/projects accepts. */
export function projectFromCreateBody(body: CreateProjectBody): Project {
  if ("template" in body)
    return projectFromTemplate({ name: body.name, level: body.template, version: body.version });
  if ("deploymentYaml" in body) return parseDeploymentYaml(body.deploymentYaml).project;
  if ("project" in body) return parseProject(body.project);
  return parseProject({ name: body.name, route: { receiver: "default" }, receivers: [{ name: "default" }] });
}

export function templateSummaries(): TemplateSummary[] {
  return [
    ...LevelSchema.options.map((level) => ({
      kind: "level" as const,
      name: level,
      title: `${level[0]?.toUpperCase()}${level.slice(1)} monitoring`,
      description: LEVEL_DESCRIPTIONS[level],
      level,
    })),
    ...catalogDashboards.map((entry) => ({
      kind: "dashboard" as const,
      name: entry.id,
      title: entry.title,
      description: entry.description,
      level: entry.level,
    })),
    ...catalogRules.map((entry) => ({
      kind: "rule" as const,
      name: entry.id,
      title: entry.id,
      description: `${entry.category} alert`,
      level: entry.level,
    })),
  ];
}

/**
 * Adds a catalog entry to a project: a level adds every dashboard and rule it includes, a
 * dashboard id adds that dashboard, an alert name adds that rule. What is already there stays.
 */
export function applyTemplate(project: Project, name: string): Project {
  const context = catalogContextFor(project.name, project.app.version);
  const level = LevelSchema.safeParse(name);
  const dashboards = level.success
    ? catalogDashboards.filter((entry) => includedAt(entry.level, level.data))
    : catalogDashboards.filter((entry) => entry.id === name);
  const rules = level.success
    ? catalogRules.filter((entry) => includedAt(entry.level, level.data))
    : catalogRules.filter((entry) => entry.id === name);
  if (dashboards.length === 0 && rules.length === 0) throw new UnknownTemplateError(name);

  const uids = new Set(project.dashboards.map((dashboard) => dashboard.uid));
  const newDashboards = dashboards
    .map((entry) => entry.build(context))
    .filter((dashboard) => !uids.has(dashboard.uid));
  const allUids = new Set([...uids, ...newDashboards.map((d) => d.uid)]);
  const groups = project.ruleGroups.map((group) => ({ ...group, rules: [...group.rules] }));
  const existing = new Set(
    groups.flatMap((group) => group.rules.map((rule) => (rule.kind === "alert" ? rule.alert : rule.record))),
  );
  for (const entry of rules) {
    if (existing.has(entry.id)) continue;
    const built = entry.build(context);
    const rule =
      built.annotations.dashboardUid && !allUids.has(built.annotations.dashboardUid)
        ? { ...built, annotations: { ...built.annotations, dashboardUid: undefined } }
        : built;
    const groupName = `fraiseql-${rule.category}`;
    let group = groups.find((candidate) => candidate.name === groupName);
    if (!group) {
      group = { name: groupName, rules: [] };
      groups.push(group);
    }
    group.rules.push(rule);
  }
  const datasources = [...project.datasources];
  const needs = new Set(dashboards.flatMap((entry) => entry.datasources));
  for (const type of needs) {
    if (datasources.some((ds) => ds.type === type)) continue;
    if (type === "prometheus")
      datasources.push({
        uid: context.prometheusUid,
        name: "Prometheus",
        type,
        url: "http://prometheus:9090",
        isDefault: !datasources.some((d) => d.isDefault),
        scrapeInterval: "15s",
      });
    if (type === "loki")
      datasources.push({
        uid: context.lokiUid,
        name: "Loki",
        type,
        url: "http://loki:3100",
        isDefault: false,
      });
    if (type === "postgres") {
      datasources.push({
        uid: context.postgresUid,
        name: "Application database",
        type,
        host: "postgres:5432",
        database: "app",
        user: "grafana_reader",
        password: { secret: "APP_DB_READER_PASSWORD" },
        sslMode: "disable",
        isDefault: false,
      });
    }
  }
  return parseProject(
    ProjectShapeSchema.parse({
      ...project,
      datasources,
      dashboards: [...project.dashboards, ...newDashboards],
      ruleGroups: groups,
    }),
  );
}
