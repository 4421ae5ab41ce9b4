import type { CreateProjectBody, TemplateSummary } from "../api/schemas";
import { parseDeploymentYaml } from "../deployment/parse";
import {
  type Datasource,
  type DatasourceType,
  type Level,
  LevelSchema,
  type Project,
  ProjectShapeSchema,
  parseProject,
} from "../model";
import { catalogDashboards } from "./dashboards";
import { catalogRules } from "./rules";
import { catalogGroupName, placeCatalogRule } from "./rules/dashboard-link";
import { catalogContextFor, catalogDatasources, projectFromTemplate } from "./templates";
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
 * The catalog's datasource of each type in `types` that the project has none of (the first
 * Prometheus becomes the default when the project has no default), in the order of `types`.
 */
function missingDatasources(project: Project, types: Iterable<DatasourceType>): Datasource[] {
  const context = catalogContextFor(project.name, project.app.version);
  const added: Datasource[] = [];
  for (const type of new Set(types)) {
    if ([...project.datasources, ...added].some((ds) => ds.type === type)) continue;
    const datasource = catalogDatasources(context, true).find((ds) => ds.type === type);
    if (!datasource) continue;
    const isDefault = type === "prometheus" && ![...project.datasources, ...added].some((ds) => ds.isDefault);
    added.push({ ...datasource, isDefault });
  }
  return added;
}

/**
 * The project with the catalog's datasource of each type in `types` it has none of: what a
 * catalog dashboard brings, and what a new project file gets for the dashboards imported into it.
 */
export function withDatasourcesFor(project: Project, types: Iterable<DatasourceType>): Project {
  const added = missingDatasources(project, types);
  return added.length === 0
    ? project
    : parseProject(ProjectShapeSchema.parse({ ...project, datasources: [...project.datasources, ...added] }));
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
    const rule = placeCatalogRule(entry.build(context), project.links.grafanaUrl, allUids);
    const groupName = catalogGroupName(rule);
    let group = groups.find((candidate) => candidate.name === groupName);
    if (!group) {
      group = { name: groupName, rules: [] };
      groups.push(group);
    }
    group.rules.push(rule);
  }
  const datasources = missingDatasources(
    project,
    dashboards.flatMap((entry) => entry.datasources),
  );
  return parseProject(
    ProjectShapeSchema.parse({
      ...project,
      datasources: [...project.datasources, ...datasources],
      dashboards: [...project.dashboards, ...newDashboards],
      ruleGroups: groups,
    }),
  );
}
