import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments, parse as parseYaml } from "yaml";
import { parseDeploymentYaml, type SourceIssue, YamlInputError } from "../deployment/parse";
import { withYamlSource } from "../import/rule-file/yaml-source";
import { type ModelIssue, type Project, validateProject } from "../model";

/** Input the user named on the command line could not be read or is invalid. */
export class InputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join("\n"));
    this.name = "InputError";
  }
}

export interface LoadedProject {
  project: Project;
  /** Warnings and notes worth showing, already formatted. */
  notes: string[];
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError([
      `${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    ]);
  }
}

function formatModelIssue(file: string, issue: ModelIssue): string {
  return `${file}: ${issue.path}: ${issue.severity === "warning" ? "warning: " : ""}${issue.message}`;
}

function noteLine(file: string, note: SourceIssue): string {
  const where = note.line === undefined ? file : `${file}:${note.line}:${note.column ?? 1}`;
  return `${where}: note: ${note.path}: ${note.message}`;
}

export function loadDeploymentYaml(file: string): LoadedProject {
  try {
    const { project, notes } = parseDeploymentYaml(readText(file), file);
    return checked(
      file,
      project,
      notes.map((note) => noteLine(file, note)),
    );
  } catch (error) {
    if (error instanceof YamlInputError) throw new InputError(error.message.split("\n"));
    throw error;
  }
}

export function loadProjectJson(file: string): LoadedProject {
  const text = readText(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError([`${file}: invalid JSON: ${(error as Error).message}`]);
  }
  return checked(file, value, []);
}

function checked(file: string, value: unknown, notes: string[]): LoadedProject {
  const result = validateProject(value);
  const lines = result.issues.map((issue) => formatModelIssue(file, issue));
  if (!result.ok) throw new InputError(lines);
  return { project: result.project, notes: [...notes, ...lines] };
}

/** A file read for `obsforge import`: its parsed content, or why it cannot be read. */
export type ReadDocument = { ok: true; document: unknown } | { ok: false; problem: string };

/**
 * Reads a file to import as JSON, or as YAML (rule files and Alertmanager configurations are YAML);
 * what it is, is decided from its content afterwards, never from its name.
 */
export function readDocument(file: string): ReadDocument {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { ok: false, problem: "no such file" };
    if (code === "EISDIR") return { ok: false, problem: "is a directory, not a file to import" };
    return { ok: false, problem: `cannot read: ${code ?? (error as Error).message}` };
  }
  try {
    return { ok: true, document: JSON.parse(text) };
  } catch (error) {
    // Text that starts like JSON is JSON with a mistake: say so, not what YAML makes of it.
    if (/^\s*[{[]/.test(text)) return { ok: false, problem: `invalid JSON: ${(error as Error).message}` };
  }
  try {
    const documents = parseAllDocuments(text);
    const parsed = Array.isArray(documents) ? documents : [];
    const failed = parsed.find((document) => document.errors.length > 0);
    if (failed) throw failed.errors[0];
    // Several documents (`---` between PrometheusRule resources, say) are read as a list of them;
    // the text is kept beside the value for importers that read scalars as written.
    const value = parsed.length > 1 ? parsed.map((document) => document.toJS()) : parseYaml(text);
    return { ok: true, document: withYamlSource(value, text) };
  } catch (error) {
    return {
      ok: false,
      problem: `neither JSON nor YAML: ${(error as Error).message.split("\n")[0]?.replace(/:$/, "")}`,
    };
  }
}

export type InputKind = "deployment" | "project" | "bundle";

export function detectInputKind(file: string): InputKind {
  let isDirectory = false;
  try {
    isDirectory = statSync(file).isDirectory();
  } catch {
    throw new InputError([`${file}: no such file or directory`]);
  }
  if (isDirectory) return "bundle";
  const extension = path.extname(file).toLowerCase();
  if (extension === ".json") return "project";
  if (extension === ".yaml" || extension === ".yml") return "deployment";
  throw new InputError([`${file}: expected a project .json, a deployment .yaml or a bundle directory`]);
}
