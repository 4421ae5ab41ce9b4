import type { Command } from "commander";
import {
  planProjectTests,
  type RuleTestCaseResult,
  RuleTestPlanError,
  runPlannedTests,
} from "../alerting/rule-tests/project-cases";
import { promtoolAvailable } from "../alerting/rule-tests/promtool";
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

export type CaseVerdict = RuleTestCaseResult;

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
  let plan: ReturnType<typeof planProjectTests>;
  try {
    plan = planProjectTests(project);
  } catch (error) {
    if (!(error instanceof RuleTestPlanError)) throw error;
    return {
      exitCode: EXIT_CANNOT_RUN,
      lines: [`${projectFile}: ruleGroups.${error.groupIndex}: ${error.message}`],
    };
  }
  if (plan.cases.length === 0) return { exitCode: EXIT_OK, lines: [`${projectFile}: no rule tests`] };
  if (!(await promtoolAvailable()))
    return {
      exitCode: EXIT_CANNOT_RUN,
      lines: [`promtool not found on PATH: cannot run the ${plan.cases.length} rule tests of ${projectFile}`],
    };
  const verdicts: CaseVerdict[] = await runPlannedTests(plan);
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
