import { statSync } from "node:fs";
import path from "node:path";
import type { ImportOptions } from "../import/importers";
import { type ImportSource, importIntoProject, newProjectFor } from "../import/into-project";
import type { Project } from "../model";
import { writeFileAtomic } from "../tools/files";
import { InputError, loadProjectJson, readDocument } from "./load-input";

/**
 * `obsforge import <files…> --into project.json`: each file recognised by its content and added
 * as the API adds it (lib/import), then the project file written whole, atomically, or not at all.
 */

export interface ImportCommandResult {
  ok: boolean;
  /** What to print on stderr, a line each. */
  lines: string[];
}

/** The project a new project file holds is named after it: `shop.obsforge.json` → "shop". */
export function projectNameFor(file: string): string {
  const base = path
    .basename(file)
    .replace(/\.json$/i, "")
    .replace(/\.obsforge$/i, "")
    .trim();
  return (base === "" ? "project" : base).slice(0, 100);
}

function existingFile(file: string): boolean {
  try {
    if (statSync(file).isDirectory())
      throw new InputError([`${file}: is a directory; --into takes a project .json file`]);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

function datasourceList(project: Project): string {
  return project.datasources
    .map((datasource) =>
      datasource.type === "postgres"
        ? `${datasource.name} (postgres, ${datasource.host})`
        : `${datasource.name} (${datasource.type}, ${datasource.url})`,
    )
    .join(", ");
}

/**
 * Imports `files` into the project file `into` (`--uid` stores a dashboard under another uid,
 * `--replace` puts it in place of the project's dashboard with its uid); throws InputError when
 * that file cannot be used.
 */
export function runImport(
  files: readonly string[],
  into: string,
  options: ImportOptions = {},
): ImportCommandResult {
  const lines: string[] = [];
  const unreadable = new Map<number, string>();
  const sources: ImportSource[] = [];
  files.forEach((file, index) => {
    const read = readDocument(file);
    if (read.ok) sources.push({ name: file, document: read.document });
    else unreadable.set(index, read.problem);
  });

  const exists = existingFile(into);
  const project = exists ? loadProjectJson(into).project : newProjectFor(projectNameFor(into), sources);
  if (!exists) {
    const datasources = project.datasources.length > 0 ? `, with ${datasourceList(project)}` : "";
    lines.push(`${into}: not found: a new project "${project.name}"${datasources}`);
  }

  const result = importIntoProject(project, sources, options);
  // Outcomes come in the order of the readable files: a file named twice is imported twice.
  const outcomes = [...result.outcomes];
  files.forEach((file, index) => {
    const problem = unreadable.get(index);
    const [first = "", ...rest] = problem !== undefined ? [problem] : (outcomes.shift()?.lines ?? []);
    lines.push(`${file}: ${first}`, ...rest);
  });

  const failed = unreadable.size + result.outcomes.filter((outcome) => !outcome.ok).length;
  if (failed > 0) {
    lines.push(
      `nothing written to ${into}: ${failed} of ${files.length} file${files.length === 1 ? "" : "s"} could not be imported`,
    );
    return { ok: false, lines };
  }
  writeFileAtomic(into, `${JSON.stringify(result.project, null, 2)}\n`);
  const added = files.length === 1 ? "1 file" : `${files.length} files`;
  const ruleGroups = result.project.ruleGroups.length;
  const groups = ruleGroups === 0 ? "" : ` and ${ruleGroups} rule group${ruleGroups === 1 ? "" : "s"}`;
  lines.push(
    `wrote ${into}: ${added} imported, ${result.project.dashboards.length} dashboards${groups} in the project`,
  );
  return { ok: true, lines };
}
