import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type AlertingRuleInput, type Project, ProjectShapeSchema } from "../../model";
import { expectToolAccepts } from "../../testing/run-tool";
import { expectGolden } from "../golden";
import { smallProject } from "../testdata/small-project";
import type { GeneratedFile } from "../types";
import { generateRuleFiles } from "./rules";
import { generateRuleTests } from "./unit-tests";

function promtoolTestRules(project: Project): string {
  const tests = generateRuleTests(project);
  return expectToolAccepts([...generateRuleFiles(project), ...tests], "promtool", () => [
    "test",
    "rules",
    ...tests.map((file) => file.path),
  ]);
}

const downAlert: AlertingRuleInput = {
  kind: "alert",
  alert: "TargetDown",
  expr: "up == 0",
  for: "1m",
  labels: { severity: "critical", category: "custom", team: "{{ $labels.job }}-oncall" },
  // Its generated runbook page is linked from a runbook_url annotation, which the test expects.
  runbook: "",
  annotations: { summary: "{{ $labels.instance }} is down", description: "up is {{ $value }}" },
  tests: [
    {
      inputSeries: [{ series: 'up{job="api",instance="a:1"}', values: "0x5" }],
      evalTime: "3m",
      fires: true,
      labels: { job: "api", instance: "a:1" },
      value: 0,
    },
    {
      inputSeries: [{ series: 'up{job="api",instance="a:1"}', values: "1x5" }],
      evalTime: "3m",
      fires: false,
    },
  ],
};

function projectWith(groups: unknown[]): Project {
  return ProjectShapeSchema.parse({ name: "Tests", evaluationInterval: "20s", ruleGroups: groups });
}

interface ParsedTestFile {
  rule_files: string[];
  evaluation_interval: string;
  tests: { name: string; alert_rule_test: { exp_alerts: unknown[] }[] }[];
}

function parsed(file: GeneratedFile | undefined): ParsedTestFile {
  return parse(file?.content ?? "") as ParsedTestFile;
}

describe("generateRuleTests", () => {
  it("matches the golden files", () => {
    expectGolden(import.meta.dirname, "small-rule-tests", generateRuleTests(smallProject()));
  });

  it("passes promtool test rules against the generated rule files", () => {
    expect(promtoolTestRules(smallProject())).toContain("SUCCESS");
  });

  it("renders templated rule labels and annotations, and passes promtool", () => {
    const project = projectWith([{ name: "hosts", rules: [downAlert] }]);
    const [file] = generateRuleTests(project);
    const content = parsed(file);
    expect(content.rule_files).toEqual(["../rules/hosts.yml"]);
    expect(content.evaluation_interval).toBe("20s");
    expect(content.tests[0]?.alert_rule_test[0]?.exp_alerts).toEqual([
      {
        exp_labels: {
          job: "api",
          instance: "a:1",
          severity: "critical",
          category: "custom",
          team: "api-oncall",
        },
        exp_annotations: {
          summary: "a:1 is down",
          description: "up is 0",
          runbook_url: "runbooks/TargetDown.md",
        },
      },
    ]);
    expect(content.tests[1]?.alert_rule_test[0]?.exp_alerts).toEqual([]);
    expect(content.tests.map((test) => test.name)).toEqual([
      "TargetDown case 1 (fires)",
      "TargetDown case 2 (stays quiet)",
    ]);
    promtoolTestRules(project);
  });

  it("uses the group's interval, and skips disabled alerts, untested alerts and groups left empty", () => {
    const project = projectWith([
      { name: "fast", interval: "10s", rules: [downAlert] },
      { name: "off", rules: [{ ...downAlert, enabled: false }] },
      { name: "untested", rules: [{ ...downAlert, tests: [] }] },
    ]);
    const files = generateRuleTests(project);
    expect(files.map((file) => file.path)).toEqual(["prometheus/tests/fast.test.yml"]);
    expect(parsed(files[0]).evaluation_interval).toBe("10s");
  });

  it("renders the templates Prometheus renders (toUpper, with, printf) and promtool agrees", () => {
    const annotations = {
      summary: "{{ $labels.job | toUpper }} {{ with $labels.instance }}on {{ . }}{{ end }}",
      description: '{{ printf "%.1f" $value }} {{ $labels }}',
    };
    // The case's labels are the result's, __name__ included: templates see it, the alert drops it.
    const tests = [{ ...downAlert.tests?.[0], labels: { __name__: "up", job: "api", instance: "a:1" } }];
    const rule = { ...downAlert, runbook: undefined, annotations, tests } as AlertingRuleInput;
    const project = projectWith([{ name: "full", rules: [rule] }]);
    const content = parsed(generateRuleTests(project)[0]);
    expect(content.tests[0]?.alert_rule_test[0]?.exp_alerts).toEqual([
      {
        exp_labels: {
          job: "api",
          instance: "a:1",
          severity: "critical",
          category: "custom",
          team: "api-oncall",
        },
        exp_annotations: { summary: "API on a:1", description: "0.0 map[__name__:up instance:a:1 job:api]" },
      },
    ]);
    expect(promtoolTestRules(project)).toContain("SUCCESS");
  });

  it("names the alert and annotation when a template does not parse (Prometheus would not load the rule)", () => {
    const project = projectWith([
      {
        name: "bad",
        rules: [{ ...downAlert, annotations: { summary: "{{ $labels.job ", description: "x" } }],
      },
    ]);
    expect(() => generateRuleTests(project)).toThrow(
      /alert TargetDown: cannot render annotation summary for its unit test: error parsing template __alert_TargetDown/,
    );
  });
});
