import { spawnSync } from "node:child_process";
import path from "node:path";

/** Tests only: the CLI as users run it, the real bin in a child process, from `cwd`. */

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(REPO_ROOT, "bin/obsforge.mjs");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(cwd: string, ...args: string[]): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
