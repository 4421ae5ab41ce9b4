import path from "node:path";
import { parse } from "yaml";
import { generateRuleFiles } from "../../generate/prometheus/rules";
import { generateRuleTests } from "../../generate/prometheus/unit-tests";
import type { Project } from "../../model";
import { type PromtoolFile, runPromtoolTests } from "./promtool";
import { type PromtoolTestFile, promtoolTestYaml } from "./test-file";

/**
 * A project's rule tests as the bundle exports them (prometheus/rules, prometheus/tests), each case
 * in a test file of its own so each gets its own verdict, all in one promtool run. Shared by the
 * server's "run tests" and `obsforge test`.
 */

export interface RuleTestCaseResult {
  group: string;
  alert: string;
  /** The rule's place in its group (0-based): an SLO's alerts share one name. */
  rule: number;
  /** 1-based, as the rule's test cases are numbered in the editor. */
  case: number;
  description?: string;
  ok: boolean;
  /** promtool's own output for this case (its failure message, or SUCCESS). */
  output: string;
}

type PlannedCase = { file: string; result: Omit<RuleTestCaseResult, "ok" | "output"> };

/** A group whose tests cannot be generated: its index in the project and the generator's reason. */
export class RuleTestPlanError extends Error {
  constructor(
    readonly groupIndex: number,
    message: string,
  ) {
    super(message);
  }
}

export interface RuleTestPlan {
  files: PromtoolFile[];
  cases: PlannedCase[];
}

/**
 * The files promtool reads and one test file per case. Each group is written from a project
 * holding only it, in a folder of its own, so groups cannot see each other's rules.
 */
export function planProjectTests(project: Project, onlyGroup?: string): RuleTestPlan {
  const files: PromtoolFile[] = [];
  const cases: PlannedCase[] = [];
  project.ruleGroups.forEach((group, g) => {
    if (onlyGroup !== undefined && group.name !== onlyGroup) return;
    const single = { ...project, ruleGroups: [group] };
    let generated: ReturnType<typeof generateRuleTests>[number] | undefined;
    try {
      [generated] = generateRuleTests(single);
    } catch (error) {
      throw new RuleTestPlanError(g, error instanceof Error ? error.message : String(error));
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
      const file = `${folder}/${path.dirname(generated.path)}/case-${i + 1}.test.yml`;
      files.push({ path: file, content: promtoolTestYaml({ ...parsed, tests: [testGroup] }) });
      cases.push({
        file,
        result: {
          group: group.name,
          alert: entry?.rule.kind === "alert" ? entry.rule.alert : (testGroup.name ?? ""),
          rule: entry ? group.rules.indexOf(entry.rule) : -1,
          case: (entry?.index ?? i) + 1,
          description: entry?.test.description,
        },
      });
    });
  });
  return { files, cases };
}

/** promtool's output, per test file it names (`Unit Testing:  <file>` starts each). */
function outputByFile(output: string): Map<string, string> {
  const byFile = new Map<string, string>();
  for (const part of output.split(/^Unit Testing:\s+/m).slice(1)) {
    const [first = "", ...rest] = part.split("\n");
    byFile.set(first.trim(), rest.join("\n").trim());
  }
  return byFile;
}

/** Runs a plan in one promtool invocation and gives each case its verdict and promtool's words. */
export async function runPlannedTests(
  plan: RuleTestPlan,
  signal?: AbortSignal,
): Promise<RuleTestCaseResult[]> {
  const run = await runPromtoolTests(
    plan.files,
    plan.cases.map((c) => c.file),
    signal,
  );
  const byFile = outputByFile(run.output);
  return plan.cases.map(({ file, result }) => {
    const output = byFile.get(file) ?? run.output;
    return { ...result, ok: /SUCCESS/.test(output) && !/FAILED/.test(output), output };
  });
}
