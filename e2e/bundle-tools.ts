import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";

export interface ToolRun {
  command: string;
  status: number | null;
  output: string;
}

/** Unzips a bundle into a fresh temp dir; returns the dir and the zip's entry names. */
export function unzipBundle(zip: Uint8Array): { dir: string; entries: string[] } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "obsforge-e2e-bundle-"));
  const files = unzipSync(zip);
  for (const [name, content] of Object.entries(files)) {
    if (name.endsWith("/")) continue;
    const target = path.join(dir, name);
    if (!target.startsWith(dir + path.sep)) throw new Error(`zip entry escapes the folder: ${name}`);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return { dir, entries: Object.keys(files).sort() };
}

export function runTool(tool: "promtool" | "amtool", args: string[], cwd: string): ToolRun {
  const result = spawnSync(tool, args, { cwd, encoding: "utf8", timeout: 120_000 });
  return {
    command: `${tool} ${args.join(" ")}`,
    status: result.status,
    output: `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}`,
  };
}
