import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import type { GeneratedFile } from "@/lib/generate/types";
import { makeTempDir, writeFiles } from "@/lib/tools/files";

export interface ToolRun {
  code: number;
  output: string;
}

/**
 * Runs promtool on files in a temp dir without blocking the test worker: a unit test over days of
 * 5-minute evaluations takes promtool several seconds, longer than vitest lets a worker go silent.
 */
export function runPromtool(
  files: readonly GeneratedFile[],
  args: (dir: string) => string[],
): Promise<ToolRun> {
  const dir = makeTempDir("obsforge-slo");
  writeFiles(dir, files);
  return new Promise((resolve) => {
    execFile(
      "promtool",
      args(dir),
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        rmSync(dir, { recursive: true, force: true });
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}
