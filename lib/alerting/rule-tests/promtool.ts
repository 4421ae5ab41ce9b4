import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeTempDir } from "../../tools/files";

/** `promtool test rules` on files written to a temporary folder: its verdict and its own words. */

export interface PromtoolRun {
  ok: boolean;
  /** promtool's output, as it printed it. */
  output: string;
}

export interface PromtoolFile {
  /** Relative path inside the run's folder. */
  path: string;
  content: string;
}

/** Whether the server has promtool (`promtool --version` answers). */
export async function promtoolAvailable(): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn("promtool", ["--version"], { stdio: "ignore" });
    child.once("error", () => resolve(false));
    child.once("exit", (code) => resolve(code === 0));
  });
}

/** Writes `files`, runs `promtool test rules <tests…>` in their folder (120 s at most). */
export async function runPromtoolTests(
  files: readonly PromtoolFile[],
  tests: readonly string[],
  signal?: AbortSignal,
): Promise<PromtoolRun> {
  const dir = makeTempDir("obsforge-rule-tests");
  try {
    for (const file of files) {
      const target = path.join(dir, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
    return await new Promise<PromtoolRun>((resolve, reject) => {
      const child = spawn("promtool", ["test", "rules", ...tests], { cwd: dir, signal, timeout: 120_000 });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.stderr.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.once("error", reject);
      child.once("close", (code) => resolve({ ok: code === 0, output: output.trim() }));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
