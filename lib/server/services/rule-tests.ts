import "server-only";
import type { z } from "zod";
import type { RunRuleTestsBodySchema, TestCaseBody } from "../../alerting/rule-tests/api-schemas";
import { windowTest } from "../../alerting/rule-tests/from-window";
import { promtoolDuration } from "../../alerting/rule-tests/notation";
import {
  planProjectTests,
  type RuleTestCaseResult,
  RuleTestPlanError,
  runPlannedTests,
} from "../../alerting/rule-tests/project-cases";
import { promtoolAvailable, runPromtoolTests } from "../../alerting/rule-tests/promtool";
import { type PromtoolTestFile, promtoolTestYaml } from "../../alerting/rule-tests/test-file";
import { env } from "../../env";
import { toYaml } from "../../generate/yaml";
import type { AlertingRule, AlertTestCase } from "../../model";
import { resolvePreviewTarget } from "../../preview/allowlist";
import { atTarget } from "../../preview/http";
import type { ServiceContext } from "../context";
import { HttpError } from "../http";
import { findAlertingRule, findGroup, groupTiming, rangeQueryAt, savedRuleSpec } from "./backtest";
import { getProject } from "./projects";

/** Rule tests: generated from a backtest window, and the project's own run with the server's promtool. */

export interface PromtoolVerdict {
  ok: boolean;
  output: string;
}

export interface GeneratedTestCase {
  /** The test file (rule_files: the rule file below, by name). */
  testFile: string;
  ruleFile: string;
  ruleFileName: string;
  cases: AlertTestCase[];
  notes: string[];
  omittedSeries: number;
  /** promtool's verdict on the generated test, or null when the server has no promtool. */
  promtool: PromtoolVerdict | null;
}

const RULE_FILE = "rule.yml";

export async function generateTestCase(
  context: ServiceContext,
  projectId: string,
  groupName: string,
  body: TestCaseBody,
  signal: AbortSignal,
): Promise<GeneratedTestCase> {
  const { project } = await getProject(context, projectId);
  const group = findGroup(project, groupName);
  const saved: AlertingRule | undefined =
    body.rule === undefined ? undefined : findAlertingRule(group, body.rule);
  if (!saved && !body.draft)
    throw new HttpError(422, "give the saved rule or a draft", [
      { path: "rule", message: "give the saved rule (index or name) or a draft", severity: "error" },
    ]);
  const span = (body.end - body.start) * 1000;
  if (!(span >= 300_000 && span <= 86_400_000)) {
    throw new HttpError(422, "a test covers 5 min to 24 h", [
      { path: "start", message: "a test covers 5 min to 24 h", severity: "error" },
    ]);
  }
  const spec = body.draft
    ? {
        ...savedRuleSpec(
          {
            ...(saved ?? ({} as AlertingRule)),
            alert: body.draft.alert ?? saved?.alert ?? "Draft",
            expr: body.draft.expr,
            for: body.draft.for,
            keepFiringFor: body.draft.keepFiringFor,
            labels: body.draft.labels,
          } as AlertingRule,
          group,
        ),
        annotations: body.draft.annotations,
      }
    : { ...savedRuleSpec(saved as AlertingRule, group), annotations: (saved as AlertingRule).annotations };
  const { intervalMs } = groupTiming(project, group);
  const target = resolvePreviewTarget(project, body.datasource, env());
  const test = await atTarget(target, () =>
    windowTest(
      { rule: spec, intervalMs, startMs: body.start * 1000, endMs: body.end * 1000 },
      rangeQueryAt(target),
      signal,
    ),
  );
  const interval = promtoolDuration(intervalMs);
  const ruleFile = toYaml({
    groups: [
      {
        name: group.name,
        interval,
        rules: [
          {
            alert: spec.alert,
            expr: spec.expr,
            ...(spec.forMs > 0 ? { for: promtoolDuration(spec.forMs) } : {}),
            ...(spec.keepFiringForMs > 0 ? { keep_firing_for: promtoolDuration(spec.keepFiringForMs) } : {}),
            ...(Object.keys(spec.labels).length > 0 ? { labels: spec.labels } : {}),
            ...(Object.keys(spec.annotations).length > 0 ? { annotations: spec.annotations } : {}),
          },
        ],
      },
    ],
  });
  const file: PromtoolTestFile = {
    rule_files: [RULE_FILE],
    evaluation_interval: interval,
    tests: [test.testGroup],
  };
  const testFile = promtoolTestYaml(file);
  const promtool = (await promtoolAvailable())
    ? await runPromtoolTests(
        [
          { path: RULE_FILE, content: ruleFile },
          { path: "window.test.yml", content: testFile },
        ],
        ["window.test.yml"],
        signal,
      )
    : null;
  return {
    testFile,
    ruleFile,
    ruleFileName: RULE_FILE,
    cases: test.cases,
    notes: test.notes,
    omittedSeries: test.omittedSeries,
    promtool,
  };
}

export type { RuleTestCaseResult };

export interface RuleTestsRun {
  /** False when the server has no promtool: nothing was run. */
  promtool: boolean;
  results: RuleTestCaseResult[];
}

/**
 * The project's rule tests as the bundle exports them (prometheus/rules, prometheus/tests), each case
 * in a file of its own so each gets its own verdict, all in one promtool run. Each group is written
 * from a project holding only it, in a folder of its own.
 */
export async function runRuleTests(
  context: ServiceContext,
  projectId: string,
  body: z.infer<typeof RunRuleTestsBodySchema>,
  signal: AbortSignal,
): Promise<RuleTestsRun> {
  const { project } = await getProject(context, projectId);
  if (body.group !== undefined) findGroup(project, body.group);
  if (!(await promtoolAvailable())) return { promtool: false, results: [] };
  let plan: ReturnType<typeof planProjectTests>;
  try {
    plan = planProjectTests(project, body.group);
  } catch (error) {
    if (!(error instanceof RuleTestPlanError)) throw error;
    const issuePath = `ruleGroups.${error.groupIndex}`;
    throw new HttpError(422, error.message, [{ path: issuePath, message: error.message, severity: "error" }]);
  }
  if (plan.cases.length === 0) return { promtool: true, results: [] };
  return { promtool: true, results: await runPlannedTests(plan, signal) };
}
