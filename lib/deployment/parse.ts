import { z } from "zod";
import { type Document, isNode, LineCounter, parseDocument } from "yaml";
import { formatPath, type Project } from "../model";
import { DeploymentSchema } from "./schema";
import { type ConversionNote, DeploymentError, deploymentToProject } from "./to-project";

/** A problem in a YAML file, with where it is: 1-based line and column when known. */
export interface SourceIssue {
  path: string;
  line?: number;
  column?: number;
  message: string;
}

export class YamlInputError extends Error {
  constructor(
    readonly file: string,
    readonly issues: SourceIssue[],
  ) {
    super(issues.map((issue) => formatSourceIssue(file, issue)).join("\n"));
    this.name = "YamlInputError";
  }
}

export function formatSourceIssue(file: string, issue: SourceIssue): string {
  const where = issue.line === undefined ? file : `${file}:${issue.line}:${issue.column ?? 1}`;
  return issue.path === "(root)" ? `${where}: ${issue.message}` : `${where}: ${issue.path}: ${issue.message}`;
}

/** Line and column (1-based) of the YAML node at `path`, or of its nearest ancestor that exists. */
export function locate(
  doc: Document,
  lines: LineCounter,
  path: readonly PropertyKey[],
): { line?: number; column?: number } {
  // Walk up until a node exists: a missing key is reported where its parent is.
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as (string | number)[], true);
    if (isNode(node) && node.range) {
      const position = lines.linePos(node.range[0]);
      return { line: position.line, column: position.col };
    }
  }
  return {};
}

/** Parses YAML text into a plain value, with line numbers on syntax errors. */
export function parseYamlText(
  text: string,
  file: string,
): { doc: Document; lines: LineCounter; value: unknown } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new YamlInputError(
      file,
      doc.errors.map((error) => {
        const position = lines.linePos(error.pos[0]);
        return {
          path: "(root)",
          line: position.line,
          column: position.col,
          message: error.message.split("\n")[0] ?? error.message,
        };
      }),
    );
  }
  try {
    return { doc, lines, value: doc.toJS() };
  } catch (error) {
    // The yaml library refuses an alias bomb (more aliases than its maxAliasCount) with a
    // ReferenceError, and nesting deep enough overflows the stack: problems of the file, not crashes.
    if (error instanceof ReferenceError || error instanceof RangeError)
      throw new YamlInputError(file, [{ path: "(root)", message: `yaml: ${error.message}` }]);
    throw error;
  }
}

export interface DeploymentResult {
  project: Project;
  notes: SourceIssue[];
}

/** deployment.yaml text → a project; every problem carries its line. */
export function parseDeploymentYaml(text: string, file = "deployment.yaml"): DeploymentResult {
  const { doc, lines, value } = parseYamlText(text, file);
  const parsed = DeploymentSchema.safeParse(value ?? {});
  if (!parsed.success) {
    throw new YamlInputError(
      file,
      parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        message: issue.message,
        ...locate(doc, lines, issue.path),
      })),
    );
  }
  const notes: ConversionNote[] = [];
  try {
    const project = deploymentToProject(parsed.data, notes);
    return {
      project,
      notes: notes.map((note) => ({
        path: formatPath(note.path),
        message: note.message,
        ...locate(doc, lines, note.path),
      })),
    };
  } catch (error) {
    // A conversion the model refuses is the file's problem (a value past a model limit), not a crash.
    if (error instanceof z.ZodError)
      throw new YamlInputError(
        file,
        error.issues.map((issue) => ({
          path: "(root)",
          message: `converts into a project the model refuses at ${formatPath(issue.path)}: ${issue.message}`,
        })),
      );
    if (error instanceof DeploymentError) {
      throw new YamlInputError(file, [
        { path: formatPath(error.path), message: error.message, ...locate(doc, lines, error.path) },
      ]);
    }
    throw error;
  }
}
