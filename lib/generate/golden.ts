import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { GeneratedFile } from "./types";

/**
 * Compares generated files with the golden copies in `<dir>/golden/<caseName>/`. Run with
 * UPDATE_GOLDEN=1 (`npm run test:golden:update`) to rewrite them, then review the diff.
 */
export function expectGolden(dir: string, caseName: string, files: readonly GeneratedFile[]): void {
  const root = path.join(dir, "golden", caseName);
  if (process.env.UPDATE_GOLDEN === "1") {
    rmSync(root, { recursive: true, force: true });
    for (const file of files) {
      const target = path.join(root, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
    return;
  }
  expect(existsSync(root), `golden files missing in ${root}: run npm run test:golden:update`).toBe(true);
  const expected = listFiles(root).sort();
  expect(files.map((file) => file.path).sort()).toEqual(expected);
  for (const file of files) {
    expect(file.content, `${file.path} differs from its golden copy`).toBe(
      readFileSync(path.join(root, file.path), "utf8"),
    );
  }
}

function listFiles(root: string, prefix = ""): string[] {
  return readdirSync(path.join(root, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    return entry.isDirectory() ? listFiles(root, relative) : [relative];
  });
}
