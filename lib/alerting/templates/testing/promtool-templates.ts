/**
 * The real Prometheus as the oracle for template rendering and parsing: `promtool test rules`
 * renders every alert's annotations with Prometheus's own engine and compares them with the
 * expected ones, and `promtool check rules` parses every template. Both run once for a whole batch.
 */
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml, stringify } from "yaml";
import { makeTempDir } from "../../../tools/files";

export interface RenderCase {
  template: string;
  /** The series' labels (no __name__); the case's metric is `c_<index>`. */
  labels: Record<string, string>;
  value: number;
  /** What our engine rendered: the expected annotation. */
  rendered: string;
}

const yamlText = (doc: unknown): string =>
  stringify(doc, { lineWidth: 0, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" });

/** A sample value as promtool's series notation reads it back to the same double. */
function seriesValue(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "Inf" : "-Inf";
  return String(v);
}

function selector(name: string, labels: Record<string, string>): string {
  const matchers = Object.entries(labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return `${name}{${matchers.join(",")}}`;
}

function run(args: string[], cwd: string): string {
  const result = spawnSync("promtool", args, { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return `${result.stdout}${result.stderr}`;
}

/**
 * Runs all cases as one promtool unit test; returns the indexes of the cases whose annotation
 * Prometheus rendered differently, with promtool's report of them.
 */
export function promtoolRenderMismatches(cases: readonly RenderCase[]): Map<number, string> {
  const rules = {
    groups: [
      {
        name: "templates",
        rules: cases.map((c, i) => ({ alert: `A${i}`, expr: `c_${i}`, annotations: { a: c.template } })),
      },
    ],
  };
  const tests = {
    rule_files: ["rules.yml"],
    evaluation_interval: "1m",
    tests: [
      {
        interval: "1m",
        input_series: cases.map((c, i) => ({
          series: selector(`c_${i}`, c.labels),
          values: seriesValue(c.value),
        })),
        alert_rule_test: cases.map((c, i) => ({
          eval_time: "0m",
          alertname: `A${i}`,
          exp_alerts: [{ exp_labels: c.labels, exp_annotations: { a: c.rendered } }],
        })),
      },
    ],
  };
  const rulesText = yamlText(rules);
  const read = parseYaml(rulesText) as typeof rules;
  read.groups[0]?.rules.forEach((rule, i) => {
    if (rule.annotations.a !== cases[i]?.template) throw new Error(`YAML does not round-trip template ${i}`);
  });
  const dir = makeTempDir("obsforge-template-oracle");
  try {
    writeFileSync(path.join(dir, "rules.yml"), rulesText);
    writeFileSync(path.join(dir, "tests.yml"), yamlText(tests));
    const output = run(["test", "rules", "tests.yml"], dir);
    const mismatches = new Map<number, string>();
    const blocks = output.split(/\n(?=\s*alertname: )/);
    for (const block of blocks) {
      const match = /^\s*alertname: A(\d+), time:/.exec(block);
      if (match) mismatches.set(Number(match[1]), block.trim());
    }
    if (mismatches.size === 0 && !/SUCCESS/.test(output)) {
      throw new Error(`promtool test rules gave no verdict per alert:\n${output.slice(0, 3000)}`);
    }
    return mismatches;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `promtool check rules` on one rule per template (alert `P<index>`, annotation `a`): the
 * message promtool prints for each template it refuses, by index.
 */
export function promtoolTemplateParseErrors(templates: readonly string[]): Map<number, string> {
  const rules = {
    groups: [
      {
        name: "parse",
        rules: templates.map((template, i) => ({ alert: `P${i}`, expr: "up", annotations: { a: template } })),
      },
    ],
  };
  const dir = makeTempDir("obsforge-template-parse");
  try {
    writeFileSync(path.join(dir, "rules.yml"), yamlText(rules));
    const output = run(["check", "rules", "rules.yml"], dir);
    const errors = new Map<number, string>();
    for (const line of output.split("\n")) {
      const match = /rule \d+, "P(\d+)": annotation "a": (.*)$/.exec(line);
      if (match) errors.set(Number(match[1]), match[2] ?? "");
    }
    if (errors.size === 0 && !/SUCCESS/.test(output)) {
      throw new Error(`promtool check rules gave no verdict per rule:\n${output.slice(0, 3000)}`);
    }
    return errors;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
