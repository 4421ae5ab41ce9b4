/**
 * npm run bench rule-import — prints figures, asserts nothing: `obsforge import` of 300 rule files
 * (the real corpus of lib/import/testdata/rules, cycled, each copy's groups renamed so every group
 * is added rather than replaced) into a new project file, in this process: reading, rulefmt
 * checks, PromQL parsing, the model check of each addition, the write. Time and the process's
 * peak resident memory. No aim is set.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runImport } from "../../lib/cli/import-command";
import { makeTempDir } from "../../lib/tools/files";

const CORPUS = path.join(import.meta.dirname, "../../lib/import/testdata/rules");
const FILES = 300;

export function benchRuleImport(): void {
  const corpus = readdirSync(CORPUS)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
    .map((file) => readFileSync(path.join(CORPUS, file), "utf8"));
  const dir = makeTempDir("obsforge-bench-rule-import");
  try {
    const files = Array.from({ length: FILES }, (_, index) => {
      const text = corpus[index % corpus.length] ?? "";
      // Group names are `- name: x` at the start of a group item in every corpus file.
      const renamed = text.replace(
        /^(\s*- name: )(.+)$/gm,
        (_, prefix: string, name: string) => `${prefix}${name.replace(/^(['"]?)/, `$1c${index}-`)}`,
      );
      const file = path.join(dir, `rules-${index}.yml`);
      writeFileSync(file, renamed);
      return file;
    });
    const into = path.join(dir, "project.json");
    const start = process.hrtime.bigint();
    const result = runImport(files, into);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const groups = result.lines.filter((line) => line.startsWith('  group "')).length;
    console.log(
      `\nrule-import: ${FILES} rule files, ${groups} groups (${result.ok ? "all imported" : "FAILED"})`,
    );
    console.table({
      "import 300 rule files": {
        "time s": (ms / 1000).toFixed(2),
        "peak RSS MB": (process.resourceUsage().maxRSS / 1024).toFixed(0),
        aim: "no aim",
      },
    });
    if (!result.ok) console.log(result.lines.slice(-5).join("\n"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
