import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Labels } from "../../../model";
import { formatMatcherText } from "../parse-matchers";

/**
 * Asks the real `amtool config routes test` (the oracle) where label sets go. amtool takes one
 * label set per run (~30 ms each), so the runs are batched into shell scripts, two at a time.
 */

export interface RoutesTestCase {
  /** The Alertmanager configuration file. */
  configFile: string;
  labels: Labels;
}

const SEPARATOR = "@@obsforge-case@@";

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** amtool's label arguments: `name="value"`, escaped as its matcher parser reads them back. */
export function amtoolLabelArgs(labels: Labels): string[] {
  return Object.entries(labels).map(([label, value]) => formatMatcherText({ label, op: "=", value }));
}

function runScript(script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [script], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`${script}: ${err}`))));
  });
}

/** The receivers amtool prints for each case, in order (its line, e.g. `team-a,team-b`). */
export async function amtoolRoutes(
  cases: readonly RoutesTestCase[],
  workDir: string,
  parallel = 2,
): Promise<string[]> {
  const chunks: RoutesTestCase[][] = Array.from({ length: parallel }, () => []);
  cases.forEach((testCase, index) => {
    chunks[index % parallel]?.push(testCase);
  });
  const outputs = await Promise.all(
    chunks.map((chunk, index) => {
      const lines = chunk.map((testCase) => {
        const args = amtoolLabelArgs(testCase.labels).map(shellQuote).join(" ");
        return `amtool config routes test --config.file=${shellQuote(testCase.configFile)} ${args} 2>/dev/null || echo "amtool failed"; echo ${SEPARATOR}`;
      });
      const script = path.join(workDir, `routes-${index}.sh`);
      writeFileSync(script, `${lines.join("\n")}\n`);
      return runScript(script);
    }),
  );
  const answers = outputs.map((output) =>
    output
      .split(`${SEPARATOR}\n`)
      .slice(0, -1)
      .map((answer) => answer.trim()),
  );
  return cases.map((_, index) => answers[index % parallel]?.[Math.floor(index / parallel)] ?? "missing");
}
