import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { expect } from "vitest";
import type { GeneratedFile } from "../generate/types";
import { makeTempDir, writeFiles } from "../tools/files";

/** Writes files to a temp dir and runs a real tool there; fails the test with the tool's output. */
export function expectToolAccepts(
  files: readonly GeneratedFile[],
  tool: string,
  args: (dir: string) => string[],
  cwd?: string,
): string {
  const dir = makeTempDir("obsforge-tool");
  try {
    writeFiles(dir, files);
    const result = spawnSync(tool, args(dir), { cwd: cwd ? `${dir}/${cwd}` : dir, encoding: "utf8" });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status, `${tool} ${args(dir).join(" ")}\n${output}`).toBe(0);
    return output;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
