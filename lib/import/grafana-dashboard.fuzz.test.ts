import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deeplyNested, fuzzCrashes, mutateText, mutateValue, seededRandom } from "./fuzz/mutate";
import { ImportFailure } from "./import-failure";
import { importIntoProject, newProjectFor } from "./into-project";

/**
 * Mutated Grafana dashboards through the whole import (importer, then the model's check in the
 * project): each gives a report or a clear refusal, never a crash, never Object.prototype changed.
 */

const TESTDATA = path.join(import.meta.dirname, "..", "dashboard", "testdata");
const CORPUS = [
  "modern.grafana.json",
  "legacy-v18.grafana.json",
  "loki-postgres.grafana.json",
  "corpus/otel-demo-nginx-metrics.grafana.json",
  "corpus/otel-demo-exemplars.grafana.json",
  "legacy-rows/spans-and-heights.grafana.json",
];
const texts = CORPUS.map((file) => readFileSync(path.join(TESTDATA, file), "utf8"));
const documents = texts.map((text) => JSON.parse(text) as unknown);
const project = newProjectFor("fuzz", []);

function importOne(document: unknown): void {
  importIntoProject(project, [{ name: "fuzzed.json", document }]);
}

function* mutatedDocuments(count: number, seed: number): Generator<{ label: string; input: unknown }> {
  const random = seededRandom(seed);
  for (let n = 0; n < count; n++) {
    const index = n % documents.length;
    if (n % 10 === 9) {
      // Text mutations: only those still JSON reach the importer (the reader refuses the rest).
      try {
        yield {
          label: `text #${n} of ${CORPUS[index]}`,
          input: JSON.parse(mutateText(texts[index] ?? "", random)),
        };
      } catch {}
      continue;
    }
    yield { label: `#${n} of ${CORPUS[index]} (seed ${seed})`, input: mutateValue(documents[index], random) };
  }
}

describe("Grafana dashboard import under fuzzing", () => {
  it("refuses or reports 600 mutated dashboards clearly, never crashing", () => {
    const crashes = fuzzCrashes(mutatedDocuments(600, 11), importOne, [ImportFailure]);
    expect(crashes.slice(0, 5)).toEqual([]);
  });

  it("takes deep nesting, huge strings and prototype keys in every field of a panel", () => {
    const base = (documents[0] as { dashboard: unknown }).dashboard as { panels: Record<string, unknown>[] };
    const strange = [
      deeplyNested(10_000, 1, true),
      deeplyNested(10_000, 1, false),
      "x".repeat(1_000_000),
      "\u0000\ud800",
      JSON.parse('{"__proto__":{"polluted":1}}'),
    ];
    const inputs = Object.keys(base.panels[0] ?? {}).flatMap((key) =>
      strange.map((value, index) => {
        const copy = structuredClone(base);
        Object.defineProperty(copy.panels[0], key, { value, enumerable: true });
        return { label: `panels[0].${key} = strange #${index}`, input: copy as unknown };
      }),
    );
    const topLevel = [
      "panels",
      "templating",
      "annotations",
      "links",
      "title",
      "uid",
      "schemaVersion",
      "__proto__",
    ].flatMap((key) =>
      strange.map((value, index) => {
        const copy = structuredClone(base) as Record<string, unknown>;
        Object.defineProperty(copy, key, { value, enumerable: true });
        return { label: `${key} = strange #${index}`, input: copy as unknown };
      }),
    );
    expect(fuzzCrashes([...inputs, ...topLevel], importOne, [ImportFailure]).slice(0, 5)).toEqual([]);
  });
});
