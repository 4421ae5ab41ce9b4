import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import type { GeneratedFile } from "../generate/types";
import { makeTempDir, writeFiles } from "./files";

/** The verdict of one real tool run over generated files. */
export interface ToolVerdict {
  tool: "promtool" | "amtool";
  command: string;
  ok: boolean;
  output: string;
}

export function toolAvailable(tool: "promtool" | "amtool"): boolean {
  const result = spawnSync(tool, ["--version"], { encoding: "utf8" });
  return result.status === 0;
}

function run(tool: "promtool" | "amtool", args: string[], cwd: string): ToolVerdict {
  const result = spawnSync(tool, args, { cwd, encoding: "utf8", timeout: 120_000 });
  const output =
    `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}`.trim();
  return { tool, command: `${tool} ${args.join(" ")}`, ok: result.status === 0, output };
}

/**
 * Runs promtool and amtool on a bundle the way its users would: `check config` (syntax only,
 * since the secret files exist only inside the containers), `check rules`, `test rules`, and
 * `amtool check-config`. Each file kind is checked only if the bundle has it.
 */
export function checkBundleWithTools(files: readonly GeneratedFile[]): ToolVerdict[] {
  const dir = makeTempDir("obsforge-check");
  try {
    writeFiles(dir, files);
    const paths = files.map((file) => file.path);
    const verdicts: ToolVerdict[] = [];
    const promtool = toolAvailable("promtool");
    const amtool = toolAvailable("amtool");
    if (promtool && paths.includes("prometheus/prometheus.yml")) {
      verdicts.push(run("promtool", ["check", "config", "--syntax-only", "prometheus/prometheus.yml"], dir));
    }
    const rules = paths.filter((p) => p.startsWith("prometheus/rules/") && p.endsWith(".yml"));
    if (promtool && rules.length > 0) verdicts.push(run("promtool", ["check", "rules", ...rules], dir));
    const tests = paths.filter((p) => p.startsWith("prometheus/tests/") && p.endsWith(".yml"));
    if (promtool && tests.length > 0) {
      // promtool resolves rule_files relative to the test file's folder.
      verdicts.push(
        run(
          "promtool",
          ["test", "rules", ...tests.map((t) => path.basename(t))],
          path.join(dir, "prometheus/tests"),
        ),
      );
    }
    if (amtool && paths.includes("alertmanager/alertmanager.yml")) {
      verdicts.push(run("amtool", ["check-config", "alertmanager/alertmanager.yml"], dir));
    }
    return verdicts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
