import { catalogDashboards } from "../catalog/dashboards";
import { catalogRules } from "../catalog/rules";
import { includedAt } from "../catalog/types";
import type { Level } from "../model";

const LEVELS: Level[] = ["basic", "standard", "enterprise"];

/** The catalog as text: dashboards, then alert rules by category, each with the lowest level that includes it. */
export function catalogText(level?: Level): string {
  const dashboards = catalogDashboards.filter((entry) => !level || includedAt(entry.level, level));
  const rules = catalogRules.filter((entry) => !level || includedAt(entry.level, level));
  const lines = [`Dashboards${level ? ` at level ${level}` : ""} (${dashboards.length}):`];
  for (const entry of dashboards) {
    lines.push(`  ${entry.id.padEnd(16)} ${entry.level.padEnd(10)} ${entry.title} — ${entry.description}`);
  }
  lines.push("", `Alert rules${level ? ` at level ${level}` : ""} (${rules.length}):`);
  const categories = [...new Set(rules.map((rule) => rule.category))];
  for (const category of categories) {
    lines.push(`  ${category}:`);
    for (const entry of rules.filter((rule) => rule.category === category)) {
      lines.push(`    ${entry.id.padEnd(34)} ${entry.level}`);
    }
  }
  lines.push("", `Levels: ${LEVELS.join(" ⊂ ")}`);
  return `${lines.join("\n")}\n`;
}

export function catalogJson(level?: Level): string {
  const pick = <T extends { level: Level }>(list: readonly T[]): T[] =>
    list.filter((e) => !level || includedAt(e.level, level));
  return `${JSON.stringify(
    {
      dashboards: pick(catalogDashboards).map(({ id, title, description, level: l, source }) => ({
        id,
        title,
        description,
        level: l,
        source,
      })),
      rules: pick(catalogRules).map(({ id, category, level: l, source }) => ({
        id,
        category,
        level: l,
        source,
      })),
    },
    null,
    2,
  )}\n`;
}
