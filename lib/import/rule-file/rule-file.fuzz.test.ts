import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fuzzCrashes, mutateText, mutateValue, seededRandom, yamlAliasBomb } from "../fuzz/mutate";
import { ImportFailure } from "../import-failure";
import { importIntoProject, newProjectFor } from "../into-project";
import { parseRuleFile } from "./parse-rule-file";
import { withYamlSource } from "./yaml-source";

/**
 * Mutated rule files and PrometheusRule resources through the whole import: each gives groups or
 * a clear refusal (ImportFailure with promtool's problems), never a crash or a polluted prototype.
 */

const CORPUS = path.join(import.meta.dirname, "../testdata/rules");
const FILES = readdirSync(CORPUS)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()
  .slice(0, 12);
const texts = FILES.map((file) => readFileSync(path.join(CORPUS, file), "utf8"));
const documents = texts.map((text) => parse(text) as unknown);
const project = newProjectFor("fuzz", []);

function importOne(document: unknown): void {
  importIntoProject(project, [{ name: "rules.yaml", document }]);
}

/** A document as the CLI reads a YAML file: the value, with the text beside it. */
function fromText(text: string): unknown {
  return withYamlSource(parse(text), text);
}

function* mutated(count: number, seed: number): Generator<{ label: string; input: unknown }> {
  const random = seededRandom(seed);
  for (let n = 0; n < count; n++) {
    const index = n % FILES.length;
    if (n % 4 === 3) {
      try {
        yield {
          label: `text #${n} of ${FILES[index]}`,
          input: fromText(mutateText(texts[index] ?? "", random)),
        };
      } catch {}
      continue;
    }
    yield { label: `#${n} of ${FILES[index]} (seed ${seed})`, input: mutateValue(documents[index], random) };
  }
}

describe("rule file import under fuzzing", () => {
  it("refuses or imports 1,000 mutated rule files clearly, never crashing", () => {
    expect(fuzzCrashes(mutated(1_000, 7), importOne, [ImportFailure]).slice(0, 5)).toEqual([]);
  });

  it("reads an alias bomb as a problem, not as millions of nodes", () => {
    const bomb = `${yamlAliasBomb(10, 10)}groups:\n  - name: g\n    rules: []\n`;
    const parsed = parseRuleFile(bomb);
    expect(parsed.problems.length).toBeGreaterThan(0);
    expect(parsed.problems.map((problem) => problem.message).join("\n")).toMatch(/alias/i);
  });

  it("gives an alias bomb inside a group a clear refusal", () => {
    const bomb = `groups:\n  - name: g\n    rules:\n      - record: a\n        expr: up\n        labels:\n${yamlAliasBomb(10, 10, "          ")}`;
    const crashes = fuzzCrashes(
      [{ label: "alias bomb", input: bomb }],
      (text) => importOne(withYamlSource({ groups: [] }, text)),
      [ImportFailure],
    );
    expect(crashes).toEqual([]);
  });
});
