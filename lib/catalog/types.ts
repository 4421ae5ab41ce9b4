import type { AlertingRule, Dashboard, DatasourceType, Level, RuleCategory } from "../model";
import type { CatalogContext } from "./context";

export interface DashboardEntry {
  /** Stable id, also the default dashboard uid suffix, e.g. `operations`. */
  id: string;
  title: string;
  description: string;
  /** Which seed the design comes from, for the catalog listing. */
  source: "seed-000" | "seed-003";
  /** Lowest level that includes it (basic ⊂ standard ⊂ enterprise). */
  level: Level;
  /** Datasource types its targets use. */
  datasources: DatasourceType[];
  build(context: CatalogContext): Dashboard;
}

export interface RuleEntry {
  /** The alert name. */
  id: string;
  category: RuleCategory;
  level: Level;
  source: "seed-000" | "seed-003";
  build(context: CatalogContext): AlertingRule;
}

const LEVEL_ORDER: Record<Level, number> = { basic: 0, standard: 1, enterprise: 2 };

export function includedAt(entryLevel: Level, projectLevel: Level): boolean {
  return LEVEL_ORDER[entryLevel] <= LEVEL_ORDER[projectLevel];
}
