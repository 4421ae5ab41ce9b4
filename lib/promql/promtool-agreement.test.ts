import { describe, expect, it } from "vitest";
import { REMOVED_FUNCTIONS } from "./compatibility";
import { analyzePromql } from "./parse";
import { type CorpusEntry, realExpressions } from "./testing/corpus";
import { type Mutant, mutants, seededRandom } from "./testing/mutate";
import { promtoolVerdicts, promtoolVersion } from "./testing/promtool";

/**
 * Differential test of the model's PromQL check against the real `promtool check rules` (Debian's
 * Prometheus 2.42): real expressions (the catalog, the test data, Prometheus's own parser tests)
 * and seeded mutations of them, all checked by the model and by promtool in one run.
 *
 * The verdicts must agree, except for one listed, explained set each way:
 * - the model targets current Prometheus 3, so syntax newer than 2.42 (or behind a feature flag)
 *   passes the model with a warning saying what it needs, and promtool 2.42 refuses it. The test
 *   holds the warnings to that: an expression the model accepts has a warning exactly when
 *   promtool 2.42 refuses it;
 * - what Prometheus 3 refuses and 2.42 accepted fails the model (STRICTER_SINCE_2_42 lists it).
 */

const MUTANTS_PER_EXPRESSION = 4;
const SEED = 20260921;

interface Case extends CorpusEntry {
  mutation?: string;
}

type Outcome =
  | "both accept"
  | "both reject"
  | "newer than 2.42: model warns, promtool 2.42 rejects"
  | "stricter since 2.42: model rejects, promtool 2.42 accepts"
  | "disagree";

function corpus(): { real: Case[]; mutated: Case[] } {
  const real = realExpressions();
  const random = seededRandom(SEED);
  const seen = new Set(real.map((entry) => entry.expr));
  const mutated: Case[] = [];
  for (const entry of real) {
    for (const mutant of mutants(entry.expr, MUTANTS_PER_EXPRESSION, random) as Mutant[]) {
      if (seen.has(mutant.expr)) continue;
      seen.add(mutant.expr);
      mutated.push({ expr: mutant.expr, source: entry.source, mutation: mutant.mutation });
    }
  }
  return { real, mutated };
}

/** What Prometheus 3 refuses that Prometheus 2.42 accepted, each with why. */
const STRICTER_SINCE_2_42: readonly { reason: string; applies: (expr: string, error: string) => boolean }[] =
  [
    {
      reason: "removed in Prometheus 3.0 (holt_winters became double_exponential_smoothing)",
      applies: (_expr, error) =>
        Object.keys(REMOVED_FUNCTIONS).some((name) =>
          error.startsWith(`unknown function with name "${name}"`),
        ),
    },
    {
      reason:
        "@ start()/end() before a range, refused since Prometheus 3.15 (2.42 checked only @ <timestamp>)",
      applies: (expr, error) =>
        error === "no @ modifiers allowed before range" && /@\s*(start|end)\s*\(/i.test(expr),
    },
    {
      reason: "a letter inside [], which Prometheus 2.42's lexer read as ':' (lex.go, fixed in 3.6)",
      applies: (_expr, error) => /^unexpected character: '.', expected ':'$/.test(error),
    },
  ];

function mutationCounts(mutated: readonly Case[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of mutated) if (c.mutation) counts.set(c.mutation, (counts.get(c.mutation) ?? 0) + 1);
  return counts;
}

describe("the model's PromQL check agrees with promtool check rules", () => {
  it("on real expressions and seeded mutations of them", () => {
    const version = promtoolVersion();
    const { real, mutated } = corpus();
    const cases = [...real, ...mutated];
    expect(cases.length).toBeGreaterThanOrEqual(2000);

    const started = performance.now();
    const verdicts = promtoolVerdicts(cases.map((c) => c.expr));
    const promtoolMs = performance.now() - started;

    const counts = new Map<Outcome, number>();
    const disagreements: string[] = [];
    const explainedExamples = new Map<string, string[]>();
    let sameMessage = 0;
    let bothReject = 0;
    cases.forEach((c, index) => {
      const analysis = analyzePromql(c.expr);
      const promtool = verdicts[index] ?? { accepted: true };
      let outcome: Outcome;
      if (!analysis.error && promtool.accepted) {
        outcome = analysis.warnings.length === 0 ? "both accept" : "disagree";
      } else if (analysis.error && !promtool.accepted) {
        outcome = "both reject";
        bothReject++;
        if (analysis.error.message === promtool.message) sameMessage++;
      } else if (!analysis.error && analysis.warnings.length > 0) {
        outcome = "newer than 2.42: model warns, promtool 2.42 rejects";
        const reason = analysis.warnings[0]?.message ?? "";
        explainedExamples.set(reason, [...(explainedExamples.get(reason) ?? []), c.expr]);
      } else if (analysis.error) {
        const error = analysis.error.message;
        const stricter = STRICTER_SINCE_2_42.find((entry) => entry.applies(c.expr, error));
        outcome = stricter ? "stricter since 2.42: model rejects, promtool 2.42 accepts" : "disagree";
        if (stricter) {
          explainedExamples.set(stricter.reason, [...(explainedExamples.get(stricter.reason) ?? []), c.expr]);
        }
      } else {
        outcome = "disagree";
      }
      counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
      if (outcome === "disagree") {
        disagreements.push(
          [
            `${JSON.stringify(c.expr)} (${c.source}${c.mutation ? `, mutation: ${c.mutation}` : ""})`,
            `  model:    ${analysis.error ? `error at ${analysis.error.position}: ${analysis.error.message}` : "accepts"}${analysis.warnings.map((w) => `\n            warning: ${w.message}`).join("")}`,
            `  promtool: ${promtool.accepted ? "accepts" : promtool.message}`,
          ].join("\n"),
        );
      }
    });

    const lines = [
      `${version}: ${cases.length} expressions (${real.length} real, ${mutated.length} mutated), promtool ${Math.round(promtoolMs)} ms`,
      ...[...counts].map(([outcome, count]) => `  ${outcome}: ${count}`),
      `  same message as promtool 2.42 where both reject: ${sameMessage} of ${bothReject}`,
      `  mutations: ${[...mutationCounts(mutated)].map(([name, count]) => `${name} ${count}`).join(", ")}`,
      "  explained, by the model's first warning or the reason Prometheus 3 is stricter:",
      ...[...explainedExamples].map(([reason, exprs]) => `    ${exprs.length} × ${reason}  e.g. ${exprs[0]}`),
    ];
    console.log(lines.join("\n"));
    expect(disagreements, disagreements.join("\n\n")).toEqual([]);
  });
});
