import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml, stringify } from "yaml";
import { makeTempDir } from "../../tools/files";

/** What promtool said about one expression. */
export type PromtoolVerdict = { accepted: true } | { accepted: false; message: string };

/** promtool's version line, or an error saying how to install it. */
export function promtoolVersion(): string {
  const result = spawnSync("promtool", ["--version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) {
    throw new Error(
      "promtool is not installed: install the Debian package `prometheus` (scripts/ensure-system-deps.sh does)",
    );
  }
  return `${result.stdout}${result.stderr}`.split("\n")[0] ?? "";
}

/**
 * Checks every expression with `promtool check rules`, in one run: one rule file with one group per
 * expression, each a recording rule `t_<n>`. promtool validates every rule of a file and prints one
 * line per rejected rule (`group "g7", rule 1, "t_7": could not parse expression: 1:6: parse
 * error: …`), so a single file tells which expressions it rejects; a file it cannot read at all
 * fails the run instead.
 */
export function promtoolVerdicts(exprs: readonly string[]): PromtoolVerdict[] {
  const document = {
    groups: exprs.map((expr, index) => ({ name: `g${index}`, rules: [{ record: `t_${index}`, expr }] })),
  };
  const text = stringify(document, {
    lineWidth: 0,
    defaultStringType: "QUOTE_DOUBLE",
    defaultKeyType: "PLAIN",
  });
  const readBack = parseYaml(text) as typeof document;
  readBack.groups.forEach((group, index) => {
    if (group.rules[0]?.expr !== exprs[index]) {
      throw new Error(`YAML does not round-trip expression ${index}`);
    }
  });
  const dir = makeTempDir("obsforge-promtool-agreement");
  try {
    const file = path.join(dir, "rules.yml");
    writeFileSync(file, text);
    const result = spawnSync("promtool", ["check", "rules", file], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const output = `${result.stdout}${result.stderr}`;
    const rejected = new Map<number, string>();
    for (const line of output.split("\n")) {
      const match =
        /group "g(\d+)", rule 1, "t_\d+": (?:could not parse expression: (?:\d+:\d+: parse error: )?)?(.*)$/.exec(
          line,
        );
      if (match) rejected.set(Number(match[1]), match[2] ?? "");
    }
    const accepted = exprs.length - rejected.size;
    const success = new RegExp(`SUCCESS: ${accepted} rules found`).test(output);
    if (result.status === 0 ? !success || rejected.size > 0 : rejected.size === 0) {
      throw new Error(
        `promtool check rules gave no verdict per rule (exit ${result.status}):\n${output.slice(0, 2000)}`,
      );
    }
    return exprs.map((_, index) => {
      const message = rejected.get(index);
      return message === undefined ? { accepted: true } : { accepted: false, message };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
