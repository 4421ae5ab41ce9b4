import { describe, expect, it } from "vitest";
import { seededRandom } from "../../promql/testing/mutate";
import { alertTemplateParseError, expandAlertTemplate, type QuerySample } from "./render";
import { promtoolRenderMismatches, type RenderCase } from "./testing/promtool-templates";
import { LABEL_SETS, mutateTemplate, TEMPLATES, VALUE_TEMPLATES, VALUES } from "./testing/template-corpus";

/**
 * Differential test against the real Prometheus (promtool 2.42): every template below is rendered
 * by our engine for many label sets and values, and what we render becomes the expected annotation
 * of a promtool unit test; promtool renders with Prometheus's engine and compares. A passing case
 * is byte-identical output, error messages included (`<error expanding template: …>`).
 */

/** Prometheus answers `query` from the test's input series; so do we, for plain metric names. */
function queryFor(cases: RenderCase[]): (expr: string) => QuerySample[] {
  return (expr) => {
    const match = /^c_(\d+)$/.exec(expr);
    const target = match ? cases[Number(match[1])] : undefined;
    if (!target) return [];
    return [{ labels: { __name__: expr, ...target.labels }, value: target.value }];
  };
}

const MUTANTS_PER_TEMPLATE = 8;

function buildCases(): RenderCase[] {
  const random = seededRandom(20261203);
  const cases: RenderCase[] = [];
  const add = (template: string, labels: Record<string, string>, value: number): void => {
    cases.push({ template, labels, value, rendered: "" });
  };
  for (const template of VALUE_TEMPLATES) {
    for (const value of VALUES) add(template, LABEL_SETS[0] ?? {}, value);
  }
  for (const template of TEMPLATES) {
    for (const labels of LABEL_SETS) add(template, labels, VALUES[Math.floor(random() * VALUES.length)] ?? 0);
  }
  // Mutations that still parse: they exercise execution errors and odd pipelines.
  for (const template of [...TEMPLATES, ...VALUE_TEMPLATES]) {
    for (let i = 0; i < MUTANTS_PER_TEMPLATE; i++) {
      const mutant = mutateTemplate(template, random);
      // Left out: mutated queries (promtool answers with PromQL parse errors) and invalid
      // regular expressions (Go's RE2 words its syntax errors differently from JavaScript).
      const skipped = mutant.includes("query") || /reReplaceAll|match/.test(mutant);
      if (!skipped && alertTemplateParseError(mutant, "m") === undefined) {
        add(
          mutant,
          LABEL_SETS[Math.floor(random() * LABEL_SETS.length)] ?? {},
          VALUES[Math.floor(random() * VALUES.length)] ?? 0,
        );
      }
    }
  }
  for (const c of cases) {
    // `query "c_0"` is answered from the first case's series, as promtool answers it.
    const index = cases.indexOf(c);
    c.rendered = expandAlertTemplate(
      c.template,
      // The rule's expression is the bare series, so its result keeps __name__, and so do $labels.
      {
        labels: { __name__: `c_${index}`, ...c.labels },
        value: c.value,
        externalLabels: {},
        externalURL: "",
      },
      { alertName: `A${index}`, query: queryFor(cases) },
    ).text;
  }
  return cases;
}

describe("annotation templates render exactly as Prometheus renders them", () => {
  it("agrees with promtool test rules on every generated case", () => {
    const cases = buildCases();
    expect(cases.length).toBeGreaterThan(700);
    const mismatches = promtoolRenderMismatches(cases);
    const report = [...mismatches.entries()].slice(0, 40).map(([i, text]) => {
      const got = /got:[\s\S]*?Annotations:\{a=(".*")\}/.exec(text)?.[1] ?? text;
      const c = cases[i];
      return `case ${i} ${JSON.stringify(c?.template)} labels=${JSON.stringify(c?.labels)} value=${c?.value}\n  ours:       ${JSON.stringify(c?.rendered)}\n  prometheus: ${got}`;
    });
    expect(report.join("\n\n")).toBe("");
  });
});
