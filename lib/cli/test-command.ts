import path from "node:path";
import type { Command } from "commander";
import { parse } from "yaml";
import { type PromtoolFile, promtoolAvailable, runPromtoolTests } from "../alerting/rule-tests/promtool";
import { type PromtoolTestFile, promtoolTestYaml } from "../alerting/rule-tests/test-file";
import { generateRuleFiles } from "../generate/prometheus/rules";
import { generateRuleTests } from "../generate/prometheus/unit-tests";
import type { Project } from "../model";
import { InputError, loadProjectJson } from "./load-input";

/**
 * `obsforge test project.json`: the project's rule tests, exactly as the bundle exports them
 * (prometheus/rules, prometheus/tests), run with promtool; one line per case, promtool's own
 * message under a failing one. Each case is written as a test file of its own so each gets its
 * own verdict, all in one promtool run (as the server's "run tests" does).
 */

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_CANNOT_RUN = 2;

export interface CaseVerdict {
  group: string;
  alert: string;
  /** 1-based, as the rule's cases are numbered in the editor. */
  case: number;
  description?: string;
  ok: boolean;
  output: string;
}

interface PlannedCase {
  file: string;
  verdict: Omit<CaseVerdict, "ok" | "output">;
}

/** The files promtool reads and one test file per case; each group from a project holding only it. */
function planCases(project: Project, file: string): { files: PromtoolFile[]; cases: PlannedCase[] } {
  const files: PromtoolFile[] = [];
  const cases: PlannedCase[] = [];
  project.ruleGroups.forEach((group, g) => {
    const single = { ...project, ruleGroups: [group] };
    let generated: ReturnType<typeof generateRuleTests>[number] | undefined;
    try {
      [generated] = generateRuleTests(single);
    } catch (error) {
      throw new InputError([`${file}: ruleGroups.${g}: ${(error as Error).message}`]);
    }
    if (!generated) return;
    const folder = `group-${g}`;
    for (const rules of generateRuleFiles(single))
      files.push({ path: `${folder}/${rules.path}`, content: rules.content });
    const parsed = parse(generated.content) as PromtoolTestFile;
    // generateRuleTests lists the enabled alerts' cases in rule order.
    const order = group.rules.flatMap((rule) =>
      rule.kind === "alert" && rule.enabled ? rule.tests.map((test, index) => ({ rule, test, index })) : [],
    );
    parsed.tests.forEach((testGroup, i) => {
      const entry = order[i];
      const caseFile = `${folder}/${path.dirname(generated.path)}/case-${i + 1}.test.yml`;
      files.push({ path: caseFile, content: promtoolTestYaml({ ...parsed, tests: [testGroup] }) });
      cases.push({
        file: caseFile,
        verdict: {
          group: group.name,
          alert: entry?.rule.kind === "alert" ? entry.rule.alert : (testGroup.name ?? ""),
          case: (entry?.index ?? i) + 1,
          description: entry?.test.description,
        },
      });
    });
  });
  return { files, cases };
}

/** promtool's output per test file it names (`Unit Testing:  <file>` starts each). */
function outputByFile(output: string): Map<string, string> {
  const byFile = new Map<string, string>();
  for (const part of output.split(/^Unit Testing:\s+/m).slice(1)) {
    const [first = "", ...rest] = part.split("\n");
    byFile.set(first.trim(), rest.join("\n").trim());
  }
  return byFile;
}

export interface TestRun {
  exitCode: number;
  /** One line per case (and promtool's message, indented, under a failure), then a total. */
  lines: string[];
}

export async function runProjectTests(projectFile: string): Promise<TestRun> {
  let project: Project;
  try {
    ({ project } = loadProjectJson(projectFile));
  } catch (error) {
    if (error instanceof InputError) return { exitCode: EXIT_CANNOT_RUN, lines: error.lines };
    throw error;
  }
  let plan: ReturnType<typeof planCases>;
  try {
    plan = planCases(project, projectFile);
  } catch (error) {
    if (error instanceof InputError) return { exitCode: EXIT_CANNOT_RUN, lines: error.lines };
    throw error;
  }
  if (plan.cases.length === 0) return { exitCode: EXIT_OK, lines: [`${projectFile}: no rule tests`] };
  if (!(await promtoolAvailable()))
    return {
      exitCode: EXIT_CANNOT_RUN,
      lines: [`promtool not found on PATH: cannot run the ${plan.cases.length} rule tests of ${projectFile}`],
    };
  const run = await runPromtoolTests(
    plan.files,
    plan.cases.map((c) => c.file),
  );
  const byFile = outputByFile(run.output);
  const verdicts: CaseVerdict[] = plan.cases.map(({ file, verdict }) => {
    const output = byFile.get(file) ?? run.output;
    return { ...verdict, ok: /SUCCESS/.test(output) && !/FAILED/.test(output), output };
  });
  const lines = verdicts.flatMap((verdict) => [
    `${verdict.ok ? "ok  " : "FAIL"} ${verdict.group} / ${verdict.alert} case ${verdict.case}${
      verdict.description ? ` (${verdict.description})` : ""
    }`,
    ...(verdict.ok ? [] : verdict.output.split("\n").map((line) => `     ${line}`)),
  ]);
  const failed = verdicts.filter((verdict) => !verdict.ok).length;
  lines.push(
    failed === 0 ? `${verdicts.length} cases passed` : `${failed} of ${verdicts.length} cases failed`,
  );
  return { exitCode: failed === 0 ? EXIT_OK : EXIT_FAILED, lines };
}

export function addTestCommand(
  program: Command,
  io: { stdout: (text: string) => void; stderr: (text: string) => void },
  setExit: (code: number) => void,
): void {
  program
    .command("test")
    .description("run the project's rule tests with promtool, as the bundle exports them")
    .argument("<project.json>", "project file")
    .addHelpText(
      "after",
      [
        "",
        "One line per test case (ok or FAIL), promtool's own message under a failing one.",
        "Exit 0 when all pass, 1 when any fails, 2 when promtool is not on PATH or the project is invalid.",
        "",
        "Example:",
        "  obsforge test shop.obsforge.json",
      ].join("\n"),
    )
    .action(async (file: string) => {
      const run = await runProjectTests(file);
      const write = run.exitCode === EXIT_CANNOT_RUN ? io.stderr : io.stdout;
      for (const line of run.lines) write(`${line}\n`);
      setExit(run.exitCode);
    });
}
