import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { fuzzCrashes, mutateText, mutateValue, seededRandom, yamlAliasBomb } from "../import/fuzz/mutate";
import { parseDeploymentYaml, YamlInputError } from "./parse";

/**
 * Mutated deployment.yaml files (seed 000's example) through the whole conversion: each gives a
 * project of the model's shape, or a YamlInputError naming the line, never a crash or a polluted
 * prototype.
 */

const example = readFileSync(path.join(import.meta.dirname, "../../examples/deployment.yaml"), "utf8");
const document = parse(example) as unknown;

/** The conversion ends in ProjectShapeSchema.parse: a project it answers has the model's shape. */
function convert(text: string): void {
  parseDeploymentYaml(text);
}

function* mutated(count: number, seed: number): Generator<{ label: string; input: string }> {
  const random = seededRandom(seed);
  for (let n = 0; n < count; n++) {
    if (n % 2 === 0) {
      yield { label: `text #${n} (seed ${seed})`, input: mutateText(example, random) };
      continue;
    }
    let text: string;
    try {
      text = stringify(mutateValue(document, random), { aliasDuplicateObjects: false });
    } catch {
      continue;
    }
    yield { label: `value #${n} (seed ${seed})`, input: text };
  }
}

describe("deployment.yaml under fuzzing", () => {
  it("converts or refuses 1,000 mutated files clearly, never crashing", () => {
    for (const seed of [11, 12])
      expect(fuzzCrashes(mutated(500, seed), convert, [YamlInputError]).slice(0, 5)).toEqual([]);
    // A file that still converts builds a whole project from the catalog (tens of milliseconds on
    // an idle machine): the bound is for a loaded one, not a speed claim.
  }, 300_000);

  it("reads an alias bomb as a problem with its line, not as millions of nodes", () => {
    const bomb = `${yamlAliasBomb(10, 10)}project:\n  name: x\n`;
    expect(() => parseDeploymentYaml(bomb)).toThrow(YamlInputError);
  });
});
