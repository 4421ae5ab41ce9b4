import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import type { GeneratedFile } from "../generate/types";

/** Writes files under `root`, creating folders. */
export function writeFiles(root: string, files: readonly GeneratedFile[]): void {
  for (const file of files) {
    const target = path.join(root, ...file.path.split("/"));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
}

/** Reads every file below `root` as a bundle, paths relative with forward slashes, sorted. */
export function readFiles(root: string): GeneratedFile[] {
  const out: GeneratedFile[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile())
        out.push({ path: child, content: readFileSync(path.join(root, child), "utf8") });
    }
  };
  walk("");
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

export function makeTempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}

/**
 * Replaces `target` with a directory holding `files`, never leaving it half-written: files go to
 * a sibling temp folder first, which is then renamed into place.
 */
export function replaceDirectory(target: string, files: readonly GeneratedFile[]): void {
  const parent = path.dirname(path.resolve(target));
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(path.join(parent, `.${path.basename(target)}.tmp-`));
  try {
    writeFiles(staging, files);
    const exists = (() => {
      try {
        return statSync(target).isDirectory();
      } catch {
        return false;
      }
    })();
    if (exists) {
      const old = `${staging}.old`;
      renameSync(target, old);
      renameSync(staging, target);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(staging, target);
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Writes one file atomically (temp file in the same folder, then rename). */
export function writeFileAtomic(target: string, content: Uint8Array | string): void {
  const dir = path.dirname(path.resolve(target));
  mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.tmp-${process.pid}`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
