import "server-only";
import { parseAllDocuments } from "yaml";
import type { ImportedRuleGroups } from "../../api/schemas";
import { NotFoundError, SectionExistsError } from "../../db/errors";
import { changeProject } from "../../db/projects";
import { ImportFailure } from "../../import/import-failure";
import { isRuleFileDocument } from "../../import/rule-file/parse-rule-file";
import { ruleFileImporter } from "../../import/rule-file/importer";
import { withYamlSource } from "../../import/rule-file/yaml-source";
import type { RuleGroup } from "../../model";
import { type ServiceContext, writeContext } from "../context";
import { HttpError } from "../http";
import { cachedProjectAt, readProjectRecord, rememberProject } from "../project-cache";

/**
 * The value of YAML text for recognising what it is: several documents as a list of them, as
 * `obsforge import` reads them; undefined when it is no valid YAML (the importer, which reads the
 * text again, then reports where).
 */
function yamlValue(text: string): unknown {
  try {
    const documents = parseAllDocuments(text);
    if (!Array.isArray(documents) || documents.some((document) => document.errors.length > 0))
      return undefined;
    return documents.length === 1 ? documents[0]?.toJS() : documents.map((document) => document.toJS());
  } catch {
    return undefined;
  }
}

/** A 422 with the importer's lines: the first says what, each further line is one problem. */
function importProblems(lines: readonly string[]): HttpError {
  const [headline = "not an importable Prometheus rule file", ...details] = lines;
  const issues = (details.length > 0 ? details : [headline]).map((line) => ({
    path: "yaml",
    message: line.trim(),
    severity: "error" as const,
  }));
  return new HttpError(422, headline.replace(/:$/, ""), issues);
}

/**
 * Adds every group of a Prometheus rule file (or PrometheusRule resources), pasted or uploaded,
 * by the importer `obsforge import` uses, as new rule groups in one version: all or nothing, so a
 * group whose name the project has already refuses the whole file (409 naming it).
 */
export async function importRuleFile(
  context: ServiceContext,
  id: string,
  text: string,
): Promise<ImportedRuleGroups> {
  const value = yamlValue(text);
  if (value !== undefined && !isRuleFileDocument(value))
    throw importProblems(["not a Prometheus rule file or PrometheusRule resource"]);
  const before = await readProjectRecord(context.db, id);
  if (!before) throw new NotFoundError(`no project "${id}"`);
  let groups: RuleGroup[];
  let report: string[];
  try {
    // The importer reads the text again (scalars as written, problems by line); invalid YAML
    // still goes to it, on an empty object, so its problems say where.
    const document = withYamlSource(typeof value === "object" && value !== null ? value : {}, text);
    const sections = [ruleFileImporter.convert(document, before.project)].flat();
    groups = sections.map((section) => section.content as RuleGroup);
    report = sections.flatMap((section) => section.report);
  } catch (error) {
    if (error instanceof ImportFailure) throw importProblems(error.lines);
    throw error;
  }
  const names = groups.map((group) => group.name);
  const record = await changeProject(
    context.db,
    id,
    (current) => {
      const taken = groups.find((group) =>
        current.ruleGroups.some((existing) => existing.name === group.name),
      );
      if (taken) throw new SectionExistsError(id, { kind: "rule-group", name: taken.name });
      return { ...current, ruleGroups: [...current.ruleGroups, ...groups] };
    },
    writeContext(context, `imported rule groups ${names.join(", ")}`),
    (version) => cachedProjectAt(id, version),
  );
  rememberProject(record);
  const added = new Set(names);
  return {
    version: record.version,
    groups: record.project.ruleGroups.filter((group) => added.has(group.name)),
    report,
  };
}
