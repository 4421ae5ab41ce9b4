import type { CreateProjectBody } from "../api/schemas";
import { projectFromCreateBody, withDatasourcesFor } from "../catalog/apply-template";
import { InvalidSectionError, parseWithSection } from "../db/section-issues";
import { formatIssue, type Project, validateProject, withSection } from "../model";
import {
  type ConvertedSection,
  ImportFailure,
  type ImportOptions,
  importerFor,
  NOT_RECOGNISED,
  sectionsOf,
} from "./importers";

/**
 * Files added to a project file, each as the section add the API makes: converted by the importer
 * that recognises it, then checked by the model in the project as it is after the files before it
 * (the same check as a section add on the server). Pure: the CLI reads and writes the files.
 */

/** A file to import, already parsed; `name` is how messages call it. */
export interface ImportSource {
  name: string;
  document: unknown;
}

/** One file's outcome: its import report, or why it cannot be imported. */
export interface ImportOutcome {
  name: string;
  ok: boolean;
  lines: string[];
}

export interface ImportIntoResult {
  /** The project with every file added; only meaningful when `ok`. */
  project: Project;
  outcomes: ImportOutcome[];
  ok: boolean;
}

/**
 * Every file added and the project checked once: what a batch of good files costs (hundreds of
 * rule files would otherwise check a growing project once each). Undefined when any file fails
 * to convert or the result is invalid; then each file is added and checked in turn, to say which.
 */
function importAllAtOnce(
  project: Project,
  sources: readonly ImportSource[],
  options: ImportOptions,
): ImportIntoResult | undefined {
  let next = project;
  const outcomes: ImportOutcome[] = [];
  for (const source of sources) {
    const importer = importerFor(source.document);
    if (!importer) return undefined;
    let sections: ConvertedSection[];
    try {
      sections = sectionsOf(importer.convert(source.document, next, options));
    } catch (error) {
      if (error instanceof ImportFailure) return undefined;
      throw error;
    }
    for (const converted of sections) next = withSection(next, converted.ref, converted.content);
    outcomes.push({ name: source.name, ok: true, lines: sections.flatMap((section) => section.report) });
  }
  const checked = validateProject(next);
  return checked.ok ? { project: checked.project, outcomes, ok: true } : undefined;
}

export function importIntoProject(
  project: Project,
  sources: readonly ImportSource[],
  options: ImportOptions = {},
): ImportIntoResult {
  const atOnce = sources.length > 1 ? importAllAtOnce(project, sources, options) : undefined;
  if (atOnce) return atOnce;
  let current = project;
  const outcomes = sources.map((source): ImportOutcome => {
    const importer = importerFor(source.document);
    if (!importer) return { name: source.name, ok: false, lines: [NOT_RECOGNISED] };
    try {
      const sections = sectionsOf(importer.convert(source.document, current, options));
      // One model check per file (its sections added first), not one per rule group: a project of
      // hundreds of groups is checked as a whole each time.
      let next = current;
      const last = sections.at(-1);
      for (const converted of sections.slice(0, -1))
        next = withSection(next, converted.ref, converted.content);
      if (last) {
        try {
          next = parseWithSection(next, last.ref, last.content);
        } catch (error) {
          if (!(error instanceof InvalidSectionError)) throw error;
          const errors = error.sectionIssues.filter((issue) => issue.severity === "error");
          return {
            name: source.name,
            ok: false,
            lines: [
              ...sections.flatMap((section) => section.report),
              `  the project would be invalid with it (${errors.length} error${errors.length === 1 ? "" : "s"}):`,
              ...errors.map((issue) => `    ${issue.section ? "" : "in the project: "}${formatIssue(issue)}`),
            ],
          };
        }
      }
      // A file goes in whole or not at all: a rule file's groups together.
      current = next;
      return { name: source.name, ok: true, lines: sections.flatMap((section) => section.report) };
    } catch (error) {
      if (error instanceof ImportFailure) return { name: source.name, ok: false, lines: error.lines };
      throw error;
    }
  });
  return { project: current, outcomes, ok: outcomes.every((outcome) => outcome.ok) };
}

/**
 * A new project for files to be imported into: an empty project named `name` (as
 * `POST /api/projects {empty: true}` makes), with the catalog's datasource of each type the
 * recognised files query, so their queries have somewhere to run.
 */
export function newProjectFor(name: string, sources: readonly ImportSource[]): Project {
  const body: CreateProjectBody = { empty: true, name };
  const empty = projectFromCreateBody(body);
  const types = sources.flatMap((source) => {
    const importer = importerFor(source.document);
    if (!importer) return [];
    try {
      return sectionsOf(importer.convert(source.document, empty)).flatMap(
        (section) => section.datasourceTypes,
      );
    } catch (error) {
      if (error instanceof ImportFailure) return [];
      throw error;
    }
  });
  return withDatasourcesFor(empty, types);
}
