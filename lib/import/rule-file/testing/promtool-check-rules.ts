import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeTempDir } from "../../../tools/files";

/** What `promtool check rules` said about one file: accepted, or its problem lines. */
export interface PromtoolRulesVerdict {
  ok: boolean;
  /** Its lines after `<file>: `, in promtool's order. */
  lines: string[];
}

/**
 * Runs one `promtool check rules` over many files (one process, so a corpus stays fast) and
 * splits its report by file, in the order given: promtool prints each failing file's problems as
 * `<file>: <problem>` on stderr.
 */
export function promtoolCheckRules(texts: readonly string[]): PromtoolRulesVerdict[] {
  const dir = makeTempDir("obsforge-promtool-rules");
  try {
    const names = texts.map((_, index) => `f${index}.yml`);
    for (const [index, text] of texts.entries()) writeFileSync(path.join(dir, `f${index}.yml`), text);
    const verdicts = texts.map((): PromtoolRulesVerdict => ({ ok: true, lines: [] }));
    // Batches keep the command line short; each is still one process for many files.
    for (let start = 0; start < names.length; start += 200) {
      const batch = names.slice(start, start + 200);
      const result = spawnSync("promtool", ["check", "rules", ...batch], {
        cwd: dir,
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
      });
      if (result.error) throw result.error;
      for (const line of result.stderr.split("\n")) {
        const match = /^f(\d+)\.yml: (.*)$/.exec(line);
        const verdict = match ? verdicts[Number(match[1])] : undefined;
        if (!verdict) continue;
        verdict.ok = false;
        verdict.lines.push(match?.[2] ?? "");
      }
    }
    return verdicts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
