import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fuzzCrashes, mutateText, mutateValue, seededRandom } from "../import/fuzz/mutate";
import { InvalidProjectError, parseProject } from "./validate";

/**
 * Mutated project JSON through the model's parse and check (what a save, the CLI and the database
 * read-back run): a project or InvalidProjectError with its issues, never a crash or a polluted prototype.
 */

const TEXT = readFileSync(path.join(import.meta.dirname, "../generate/testdata/small.model.json"), "utf8");
const PROJECT = JSON.parse(TEXT) as unknown;

function* mutated(count: number, seed: number): Generator<{ label: string; input: unknown }> {
  const random = seededRandom(seed);
  for (let n = 0; n < count; n++) {
    if (n % 10 === 9) {
      try {
        yield { label: `text #${n}`, input: JSON.parse(mutateText(TEXT, random)) };
      } catch {}
      continue;
    }
    yield { label: `#${n} (seed ${seed})`, input: mutateValue(PROJECT, random) };
  }
}

describe("project JSON under fuzzing", () => {
  it("parses the corpus project", () => {
    expect(parseProject(PROJECT).name).toBeTruthy();
  });

  it("gives 1,500 mutated projects a project or InvalidProjectError, never a crash", () => {
    expect(fuzzCrashes(mutated(1_500, 3), parseProject, [InvalidProjectError]).slice(0, 5)).toEqual([]);
  });
});
