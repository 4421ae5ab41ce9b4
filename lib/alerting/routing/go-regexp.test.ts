import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateAlertmanager } from "../../generate/alertmanager";
import { parseProject } from "../../model";
import { seededRandom } from "../../promql/testing/mutate";
import { makeTempDir, writeFiles } from "../../tools/files";
import { compileAnchoredGoRegexp, InvalidRegexpError } from "./go-regexp";
import { amtoolRoutes } from "./testing/amtool-routes";

/**
 * Go regexps as Alertmanager anchors them, translated for JavaScript, against Go itself: one
 * configuration holds a child route per regex (each with continue), so one amtool run answers
 * for every regex which of them match a value.
 */

const REGEXES = [
  "a.c",
  "(?s)a.c",
  "(?s:a.)c",
  "a\\sc",
  "a\\Sc",
  "[[:alpha:]]+",
  "[[:digit:][:upper:]]+",
  "[^[:space:]]*",
  "(?i)abc",
  "(?i)a[b-d]c",
  "x(?i:ab)c",
  "(?i)\\Qa.c\\E",
  "\\Qa.c\\E",
  "a{2,}",
  "a{,2}",
  "(?U)a+b",
  "a|b|",
  "[]a]+",
  "[a-]+",
  "\\x41\\x{42}",
  "\\d+\\.\\d+",
  "\\w+-\\w+",
  "\\bab",
  "(?P<name>ab)+",
  "^ab$",
  "a\\z",
  "\\Aab",
  "(a|ab)(c|bcd)",
  ".*",
  ".+",
  "",
  "[\\s]+",
  "\\.\\*\\+",
  "a\\-b",
  "caf\u00e9",
  "[^\\n]+",
  "(?m)^b$",
  "[\\d\\w]+",
];

const VALUES = [
  "abc",
  "aBc",
  "ABC",
  "a\nc",
  "a\rc",
  "a c",
  "a\tc",
  "a\u2028c",
  "a\u00a0c",
  "a.c",
  "A.C",
  "aa",
  "aaa",
  "a",
  "",
  "ab",
  "aab",
  "]a",
  "a-",
  "AB",
  "1.5",
  "12.34",
  "foo-bar",
  "abab",
  "abcd",
  "abbcd",
  "   ",
  ".*+",
  "a-b",
  "café",
  "CAFÉ",
  "xABc",
  "xabc",
  "b",
  "a\nb",
  "Z9",
  "ab\n",
];

const dir = makeTempDir("obsforge-go-regexp");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Go regexps translated for JavaScript", () => {
  it("match exactly the values Alertmanager's anchored regexps match", async () => {
    const project = parseProject({
      name: "regexes",
      receivers: [{ name: "none" }, ...REGEXES.map((_, index) => ({ name: `r${index}` }))],
      route: {
        receiver: "none",
        routes: REGEXES.map((regex, index) => ({
          receiver: `r${index}`,
          matchers: [{ label: "v", op: "=~", value: regex }],
          continue: true,
        })),
      },
    });
    writeFiles(dir, generateAlertmanager(project));
    const configFile = path.join(dir, "alertmanager/alertmanager.yml");
    const random = seededRandom(7);
    const values = [
      ...VALUES,
      ...Array.from({ length: 40 }, () => VALUES.map((v) => (random() < 0.3 ? v : "")).join("")),
    ];
    const answers = await amtoolRoutes(
      values.map((v) => ({ configFile, labels: { v } })),
      dir,
    );
    const differences = values.flatMap((value, index) => {
      const amtool = new Set((answers[index] ?? "").split(","));
      return REGEXES.flatMap((regex, r) => {
        const engine = compileAnchoredGoRegexp(regex).test(value);
        return engine === amtool.has(`r${r}`) ? [] : [{ regex, value, amtool: amtool.has(`r${r}`), engine }];
      });
    });
    expect(differences.slice(0, 10)).toEqual([]);
  }, 240_000);

  it("refuses what RE2 refuses, with Go's message", () => {
    expect(() => compileAnchoredGoRegexp("(?=a)")).toThrow(InvalidRegexpError);
    expect(() => compileAnchoredGoRegexp("a**")).toThrow(
      "error parsing regexp: invalid nested repetition operator: `**`",
    );
  });
});
