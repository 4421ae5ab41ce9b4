import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments, stringify } from "yaml";
import { ruleFileYaml } from "../../generate/prometheus/rule-file";
import { importIntoProject, newProjectFor } from "../into-project";
import { parseRuleFile } from "./parse-rule-file";
import { promtoolCheckRules } from "./testing/promtool-check-rules";
import { withYamlSource } from "./yaml-source";

/**
 * The lossless import test on real rule files (testdata/rules, sources in SOURCES.md): each file
 * is imported as `obsforge import` imports it, exported, and must come out the same, key for key,
 * as Prometheus reads both; promtool gives the same verdict on input and output; exporting the
 * import of the export gives the same bytes.
 */
const CORPUS = path.join(import.meta.dirname, "../testdata/rules");
const FILES = readdirSync(CORPUS)
  .filter((file) => /\.ya?ml$/.test(file))
  .sort();

function asDocument(text: string): unknown {
  const documents = parseAllDocuments(text);
  const values = (Array.isArray(documents) ? documents : []).map((document) => document.toJS());
  return withYamlSource(values.length === 1 ? values[0] : values, text);
}

/** Imports a rule file's text into a new project and exports its groups as one rule file. */
function roundTrip(name: string, text: string): string {
  const source = { name, document: asDocument(text) };
  const result = importIntoProject(newProjectFor(name, [source]), [source]);
  expect(result.ok, `${name}: ${result.outcomes.flatMap((outcome) => outcome.lines).join("\n")}`).toBe(true);
  return ruleFileYaml(result.project, result.project.ruleGroups);
}

/** What Prometheus reads: groups with empty label and annotation maps left out (it reads none there). */
function asPrometheusReads(text: string): unknown {
  const parsed = parseRuleFile(text);
  expect(parsed.problems).toEqual([]);
  return parsed.groups.map((group) => ({
    ...group,
    rules: (group.rules as Record<string, unknown>[]).map((rule) =>
      Object.fromEntries(
        Object.entries(rule).filter(
          ([, value]) => !(typeof value === "object" && value !== null && Object.keys(value).length === 0),
        ),
      ),
    ),
  }));
}

/** A plain value with empty maps and lists and nulls dropped: Go reads `labels: {}`, `rules:` and none alike. */
function withoutEmptyMaps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmptyMaps);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(
        ([, entry]) => !(entry === null || (typeof entry === "object" && Object.keys(entry).length === 0)),
      )
      .map(([key, entry]) => [key, withoutEmptyMaps(entry)]),
  );
}

/** The groups as a plain rule file: a PrometheusRule's spec.groups, for promtool. */
function asRuleFile(text: string): string {
  const documents = parseAllDocuments(text);
  const values = (Array.isArray(documents) ? documents : []).map((document) => document.toJS());
  const groups = values.flatMap((value) =>
    value?.kind === "PrometheusRule" ? value.spec.groups : value.groups,
  );
  return stringify({ groups }, { lineWidth: 0 });
}

describe("import of real rule files", () => {
  const inputs = FILES.map((file) => ({ file, text: readFileSync(path.join(CORPUS, file), "utf8") }));
  const exports = inputs.map(({ file, text }) => ({ file, text: roundTrip(file, text) }));

  it("holds a corpus of real files with their sources", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(190);
    const sources = readFileSync(path.join(CORPUS, "SOURCES.md"), "utf8");
    for (const file of FILES) expect(sources, file).toContain(`| ${file} |`);
    const rules = inputs.reduce(
      (sum, { text }) =>
        sum + parseRuleFile(text).groups.reduce((n, group) => n + (group.rules?.length ?? 0), 0),
      0,
    );
    expect(rules).toBeGreaterThan(2000);
  });

  it.each(FILES)("%s exports key for key what it imported", (file) => {
    const input = inputs.find((entry) => entry.file === file)?.text ?? "";
    const output = exports.find((entry) => entry.file === file)?.text ?? "";
    expect(asPrometheusReads(output)).toEqual(asPrometheusReads(input));
    // The same through a plain YAML reader: nothing added, nothing dropped (keys in any order).
    const plain = (text: string) => withoutEmptyMaps(parse(asRuleFile(text)).groups);
    expect(plain(output)).toEqual(plain(input));
  });

  it("gets the same promtool check rules verdict on every input and its export, all accepted", () => {
    const verdicts = promtoolCheckRules([
      ...inputs.map(({ text }) => asRuleFile(text)),
      ...exports.map(({ text }) => text),
    ]);
    FILES.forEach((file, index) => {
      expect(verdicts[index], `${file} as given`).toEqual({ ok: true, lines: [] });
      expect(verdicts[index + FILES.length], `${file} exported`).toEqual(verdicts[index]);
    });
  });

  it("exports the import of its export byte for byte the same", () => {
    for (const { file, text } of exports) expect(roundTrip(file, text), file).toBe(text);
  });
});
