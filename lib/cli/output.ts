import path from "node:path";
import { generateBundle } from "../generate/bundle";
import { checkBundleFiles } from "../generate/bundle-checks";
import type { GeneratedFile } from "../generate/types";
import { zipBundle } from "../generate/zip";
import type { Project } from "../model";
import { replaceDirectory, writeFileAtomic } from "../tools/files";
import { checkBundleWithTools, type ToolVerdict } from "../tools/real-tools";
import { InputError } from "./load-input";

export interface OutputOptions {
  out?: string;
  zip?: string;
  check?: boolean;
}

export interface OutputReport {
  files: GeneratedFile[];
  written: string;
  verdicts: ToolVerdict[];
}

/** Generates, checks, then writes the bundle; nothing is written when any check fails. */
export function writeBundle(project: Project, options: OutputOptions): OutputReport {
  const files = generateBundle(project);
  const problems = checkBundleFiles(files, project.links.runbookBaseUrl);
  if (problems.length > 0)
    throw new InputError(problems.map((problem) => `${problem.path}: ${problem.message}`));
  const verdicts = options.check ? checkBundleWithTools(files) : [];
  const failed = verdicts.filter((verdict) => !verdict.ok);
  if (failed.length > 0) {
    throw new InputError(
      failed.flatMap((verdict) => [
        `${verdict.command} failed:`,
        ...verdict.output.split("\n").map((line) => `  ${line}`),
      ]),
    );
  }
  if (options.zip) {
    writeFileAtomic(options.zip, zipBundle(files));
    return { files, written: path.resolve(options.zip), verdicts };
  }
  const out = options.out ?? "observability";
  replaceDirectory(out, files);
  return { files, written: path.resolve(out), verdicts };
}
