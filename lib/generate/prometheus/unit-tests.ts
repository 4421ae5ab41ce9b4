import { expectedAnnotation } from "../../alerting/templates/expected-annotation";
import { alertTemplateParseError } from "../../alerting/templates/render";
import type { AlertingRule, AlertTestCase, Project, RuleGroup } from "../../model";
import { ruleFileName, ruleTestFilePath } from "../names";
import type { GeneratedFile } from "../types";
import { GENERATED_HEADER, toYaml } from "../yaml";
import { alertAnnotations, alertLabels } from "./rule-groups";

/** promtool's unit-test file format (`promtool test rules`). */
interface PromtoolTestFile {
  rule_files: string[];
  evaluation_interval: string;
  tests: PromtoolTestGroup[];
}

interface PromtoolTestGroup {
  name: string;
  interval: string;
  input_series: { series: string; values: string }[];
  alert_rule_test: PromtoolAlertTest[];
}

interface PromtoolAlertTest {
  eval_time: string;
  alertname: string;
  exp_alerts: { exp_labels: Record<string, string>; exp_annotations: Record<string, string> }[];
}

/**
 * One promtool unit-test file per rule group that has an enabled alert with test cases. Expected
 * annotations are rendered here from the case's labels and value, so a wrong template shows up as
 * a failing `promtool test rules` rather than as a surprise in a notification.
 */
export function generateRuleTests(project: Project): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const group of project.ruleGroups) {
    const tests = testedAlerts(group).flatMap((rule) =>
      rule.tests.map((test, index) => testGroup(project, rule, test, index)),
    );
    if (tests.length === 0) continue;
    const file: PromtoolTestFile = {
      // promtool resolves rule_files relative to the test file: prometheus/tests → prometheus/rules.
      rule_files: [`../rules/${ruleFileName(group.name, project)}`],
      evaluation_interval: group.interval ?? project.evaluationInterval,
      tests,
    };
    files.push({ path: ruleTestFilePath(group.name, project), content: toYaml(file, GENERATED_HEADER) });
  }
  return files;
}

function testedAlerts(group: RuleGroup): AlertingRule[] {
  return group.rules.filter(
    (rule): rule is AlertingRule => rule.kind === "alert" && rule.enabled && rule.tests.length > 0,
  );
}

function testGroup(
  project: Project,
  rule: AlertingRule,
  test: AlertTestCase,
  index: number,
): PromtoolTestGroup {
  const outcome = test.fires ? "fires" : "stays quiet";
  return {
    name: `${rule.alert} case ${index + 1} (${outcome})${test.description ? `: ${test.description}` : ""}`,
    interval: test.interval,
    input_series: test.inputSeries.map(({ series, values }) => ({ series, values })),
    alert_rule_test: [
      {
        eval_time: test.evalTime,
        alertname: rule.alert,
        exp_alerts: test.fires ? [expectedAlert(project, rule, test)] : [],
      },
    ],
  };
}

/** What promtool must find firing for a case that fires: the alert's labels and annotations. */
export interface ExpectedAlert {
  exp_labels: Record<string, string>;
  exp_annotations: Record<string, string>;
}

/**
 * The alert a firing case expects: the result's labels with the rule's labels, and the annotations,
 * both rendered as Prometheus renders them for the case's labels and value (the full template
 * engine, checked against promtool). A template that fails at run time renders as Prometheus
 * writes it (`<error expanding template: …>`); one that does not parse is refused here, naming
 * the alert and field, since Prometheus would not load the rule at all.
 */
export function expectedAlert(project: Project, rule: AlertingRule, test: AlertTestCase): ExpectedAlert {
  // Templates see the result's labels as they are; the alert drops __name__, as Prometheus does.
  const { __name__: _name, ...resultLabels } = test.labels;
  return {
    exp_labels: { ...resultLabels, ...render(rule, "label", alertLabels(rule), test) },
    exp_annotations: render(rule, "annotation", alertAnnotations(project, rule), test),
  };
}

/** Prometheus expands rule labels and annotations as templates over the result's labels and value. */
function render(
  rule: AlertingRule,
  what: "label" | "annotation",
  templates: Record<string, string>,
  test: AlertTestCase,
): Record<string, string> {
  const rendered: Record<string, string> = {};
  for (const [name, template] of Object.entries(templates)) {
    const problem = alertTemplateParseError(template, rule.alert);
    if (problem)
      throw new Error(`alert ${rule.alert}: cannot render ${what} ${name} for its unit test: ${problem}`);
    rendered[name] = expectedAnnotation(template, test.labels, test.value ?? 0, { alertName: rule.alert });
  }
  return rendered;
}
