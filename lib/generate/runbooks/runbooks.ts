import type { Project } from "../../model";
import { enabledAlerts, hasGeneratedRunbook, runbookFilePath } from "../names";
import type { GeneratedFile } from "../types";
import { type PlacedAlert, runbookPage } from "./runbook-page";

/**
 * `runbooks/<Alert>.md` for every enabled alert with a runbook body and no runbook URL of its own
 * (alerts with one are documented elsewhere), plus `runbooks/README.md` indexing them.
 */
export function generateRunbooks(project: Project): GeneratedFile[] {
  const byName = new Map<string, PlacedAlert[]>();
  for (const placed of enabledAlerts(project)) {
    if (!hasGeneratedRunbook(placed.rule)) continue;
    byName.set(placed.rule.alert, [...(byName.get(placed.rule.alert) ?? []), placed]);
  }
  if (byName.size === 0) return [];
  const names = [...byName.keys()].sort();
  const pages = names.map((name) => ({
    path: runbookFilePath(name, project),
    content: runbookPage(project, name, byName.get(name) ?? []),
  }));
  return [...pages, { path: "runbooks/README.md", content: runbookIndex(project, names, byName) }];
}

function runbookIndex(
  project: Project,
  names: readonly string[],
  byName: ReadonlyMap<string, PlacedAlert[]>,
): string {
  const rows = names.map((name) => {
    const placed = byName.get(name) ?? [];
    const severities = [...new Set(placed.map(({ rule }) => rule.labels.severity ?? "none"))].join(", ");
    const groups = [...new Set(placed.map(({ group }) => `\`${group}\``))].join(", ");
    const summary = placed[0]?.rule.annotations.summary ?? "";
    const page = runbookFilePath(name, project).slice("runbooks/".length);
    return `| [${name}](${page}) | ${severities} | ${groups} | ${tableCell(summary)} |`;
  });
  return [
    "# Runbooks",
    "",
    `One page per alert of ${project.name}. Each alert links to its page through its \`runbook_url\` annotation.`,
    "",
    "| Alert | Severity | Rule group | Summary |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

function tableCell(text: string): string {
  return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}
