import { catalogRules } from "@/lib/catalog/rules";
import { placeCatalogRule } from "@/lib/catalog/rules/dashboard-link";
import { catalogContextFor } from "@/lib/catalog/templates";
import type { Project } from "@/lib/model/project";
import type { AlertingRule } from "@/lib/model/rule";

/** One catalog rule as the picker offers it: built for this project, with what the catalog adds. */
export interface CatalogChoice {
  id: string;
  category: string;
  level: string;
  source: string;
  rule: AlertingRule;
}

/**
 * The catalog's alert rules (seed 003's and seed 000's) built for the project's FraiseQL version,
 * by category, placed as the catalog places them in a project: the link to the catalog
 * dashboard's panel (and its `dashboard` annotation) only when the project has that dashboard.
 */
export function catalogChoices(
  project: Pick<Project, "name" | "app" | "dashboards" | "links">,
): CatalogChoice[] {
  const context = catalogContextFor(project.name, project.app.version);
  const dashboards = new Set(project.dashboards.map((dashboard) => dashboard.uid));
  return catalogRules.map((entry) => ({
    id: entry.id,
    category: entry.category,
    level: entry.level,
    source: entry.source,
    rule: placeCatalogRule(entry.build(context), project.links.grafanaUrl, dashboards),
  }));
}
