import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fuzzCrashes, mutateText, mutateValue, seededRandom } from "../fuzz/mutate";
import { ImportFailure } from "../import-failure";
import { importIntoProject, newProjectFor } from "../into-project";
import { importAlertmanagerConfig } from ".";
import { AlertmanagerImportError } from "./problems";

/**
 * Mutated Alertmanager configurations through the whole import (the importer, then the model's
 * check of the alerting section): a report or a clear refusal, never a crash or a polluted prototype.
 */

const CORPUS = path.join(import.meta.dirname, "../testdata/alertmanager");
const FILES = readdirSync(CORPUS)
  .filter((name) => name.endsWith(".yml"))
  .sort();
const texts = FILES.map((file) => readFileSync(path.join(CORPUS, file), "utf8"));
const documents = texts.map((text) => parse(text) as unknown);
const project = newProjectFor("fuzz", []);

function* mutated(count: number, seed: number): Generator<{ label: string; input: unknown }> {
  const random = seededRandom(seed);
  for (let n = 0; n < count; n++) {
    const index = n % FILES.length;
    if (n % 5 === 4) {
      try {
        yield {
          label: `text #${n} of ${FILES[index]}`,
          input: parse(mutateText(texts[index] ?? "", random)),
        };
      } catch {}
      continue;
    }
    yield { label: `#${n} of ${FILES[index]} (seed ${seed})`, input: mutateValue(documents[index], random) };
  }
}

describe("Alertmanager configuration import under fuzzing", () => {
  it("refuses or imports 1,500 mutated configurations clearly, never crashing", () => {
    const crashes = fuzzCrashes(
      mutated(1_500, 5),
      (document) => importIntoProject(project, [{ name: "alertmanager.yml", document }]),
      [ImportFailure],
    );
    expect(crashes.slice(0, 5)).toEqual([]);
  });

  it("gives the importer alone its own error or a result on 500 more", () => {
    const crashes = fuzzCrashes(mutated(500, 6), importAlertmanagerConfig, [AlertmanagerImportError]);
    expect(crashes.slice(0, 5)).toEqual([]);
  });
});
