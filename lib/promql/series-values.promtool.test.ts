import { describe, expect, it } from "vitest";
import { seededRandom } from "../import/fuzz/mutate";
import { toolAvailable } from "../tools/real-tools";
import { runPromtoolTests } from "../alerting/rule-tests/promtool";
import { readSeriesValues } from "./series-values";

/**
 * The values check against promtool 2.42 itself: generated values (well-formed ones, and the same
 * with a character deleted, a fragment inserted or two swapped) each go in a test file of their
 * own, all through one `promtool test rules`; the check accepts exactly what promtool loads.
 */

const FRAGMENTS = [
  "0",
  "1",
  "7",
  "10",
  "1.5",
  ".5",
  "5.",
  "1e3",
  "1e",
  "2E-1",
  "010",
  "09",
  "Inf",
  "-Inf",
  "+Inf",
  "NaN",
  "nan",
  "inf",
  "stale",
  "_",
  "+",
  "-",
  "x",
  "x3",
  " ",
  "  ",
  "\t",
  "{",
  "}",
  "a",
  "by",
  "sum",
  "0x5",
  "1_0",
  ":",
  "stalex2",
  "Infx2",
  "x1.5",
  ",",
  "#",
  "\n",
  "'",
];

function wellFormed(random: () => number): string {
  const item = (): string => {
    const n = String(Math.floor(random() * 12));
    const value = ["0", "1", "-3", "2.5", ".5", "1e2", "Inf", "-Inf", "NaN", "stale"][
      Math.floor(random() * 10)
    ];
    switch (Math.floor(random() * 6)) {
      case 0:
        return "_";
      case 1:
        return `_x${n}`;
      case 2:
        return `${value}x${n}`;
      case 3:
        return `${value}${random() < 0.5 ? "+" : "-"}${Math.floor(random() * 20)}x${n}`;
      default:
        return value as string;
    }
  };
  return Array.from({ length: 1 + Math.floor(random() * 4) }, item).join(random() < 0.8 ? " " : "  ");
}

function mutated(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const fragment = FRAGMENTS[Math.floor(random() * FRAGMENTS.length)] as string;
  switch (Math.floor(random() * 4)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1);
    case 1:
      return text.slice(0, at) + fragment + text.slice(at);
    case 2:
      return `${text.slice(0, at)}${text.slice(at + 1, at + 2)}${text.slice(at, at + 1)}${text.slice(at + 2)}`;
    default:
      return text;
  }
}

function cases(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const out = new Set<string>();
  while (out.size < count) {
    const text = wellFormed(random);
    out.add(random() < 0.35 ? text : mutated(text, random));
  }
  return [...out].filter((text) => text.trim() !== "");
}

/** A test file whose one test only loads the series: promtool refuses it when the values do not parse. */
function testFile(values: string): string {
  return `rule_files: []\ntests:\n  - interval: 1m\n    input_series:\n      - series: 'test_series{a="b"}'\n        values: ${JSON.stringify(values)}\n`;
}

/** promtool's verdict per file, from its "Unit Testing:  <file>" sections. */
function verdicts(output: string): Map<string, boolean> {
  const result = new Map<string, boolean>();
  for (const section of output.split(/^Unit Testing:\s+/m).slice(1)) {
    const [file, ...rest] = section.split("\n");
    result.set((file as string).trim(), /^\s*SUCCESS/m.test(rest.join("\n")));
  }
  return result;
}

describe.runIf(toolAvailable("promtool"))("the input-series values check against promtool 2.42", () => {
  it("accepts exactly the values promtool loads, on 1,200 generated cases", async () => {
    const texts = cases(1_200, 23);
    const files = texts.map((values, index) => ({
      path: `case-${String(index).padStart(4, "0")}.yml`,
      content: testFile(values),
    }));
    const run = await runPromtoolTests(
      files,
      files.map((file) => file.path),
    );
    const promtool = verdicts(run.output);
    expect(promtool.size).toBe(texts.length);
    const disagreements = texts
      .map((values, index) => {
        const ours = readSeriesValues(values).ok;
        const theirs = promtool.get(files[index]?.path as string);
        return ours === theirs ? undefined : { values, ours, promtool: theirs };
      })
      .filter((entry) => entry !== undefined);
    expect(disagreements.slice(0, 10)).toEqual([]);
    // Both verdicts are well represented.
    const accepted = [...promtool.values()].filter(Boolean).length;
    expect(accepted).toBeGreaterThan(texts.length / 5);
    expect(texts.length - accepted).toBeGreaterThan(texts.length / 5);
  }, 300_000);
});
