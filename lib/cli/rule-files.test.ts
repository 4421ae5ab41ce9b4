import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseRuleFile } from "../import/rule-file/parse-rule-file";
import { makeTempDir } from "../tools/files";
import { runCli } from "./run-cli";

/** `obsforge import` and `obsforge validate` on rule files, as users run them: the real bin. */
const work = makeTempDir("obsforge-cli-rules");
afterAll(() => rmSync(work, { recursive: true, force: true }));

const GOOD = `groups:
  - name: node.rules
    interval: 1m
    rules:
      - record: instance:node_cpus:count
        expr: count without (cpu, mode) (node_cpu_seconds_total{mode="idle"})
      - alert: JvmNon-heapMemoryFillingUp
        expr: up == 0
        for: 5m
        labels:
          severity: page
          version: 1.10
        annotations:
          message: '{{ with query "up" }}{{ . | first | value }}{{ end }}'
  - name: node-rules
    rules:
      - alert: Disk [sda] 90%
        expr: vector(1)
`;

const BAD = `groups:
  - name: g
    rules:
      - alert: A
        expr: rate(x) >
      - record: "bad name"
        expr: up
        annotations:
          a: b
  - name: g
    rules: []
`;

describe("obsforge import and validate on rule files", () => {
  it("imports every group of a rule file, labels and annotations as written, and the bundle writes one file each", () => {
    writeFileSync(path.join(work, "node.rules"), GOOD);
    const imported = runCli(work, "import", "node.rules", "--into", "p.json");
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).toContain(
      "node.rules: Prometheus rule file: 2 groups, 3 rules (2 alerting, 1 recording)",
    );
    expect(imported.stderr).toContain(
      "wrote p.json: 1 file imported, 0 dashboards and 2 rule groups in the project",
    );
    const project = JSON.parse(readFileSync(path.join(work, "p.json"), "utf8"));
    expect(project.ruleGroups[0].rules[1]).toMatchObject({
      alert: "JvmNon-heapMemoryFillingUp",
      labels: { severity: "page", version: "1.10" },
      annotations: { message: '{{ with query "up" }}{{ . | first | value }}{{ end }}' },
    });
    const bundle = runCli(work, "bundle", "p.json", "--out", "out");
    expect(bundle.status, bundle.stderr).toBe(0);
    const rulesDir = path.join(work, "out/prometheus/rules");
    const files = readdirSync(rulesDir).sort();
    expect(files).toHaveLength(2);
    expect(files.every((file) => /^node-rules-[0-9a-f]{8}\.yml$/.test(file))).toBe(true);
    // Read back as Prometheus reads it (scalars as written): the group is what the file had.
    const written = files.map(
      (file) => parseRuleFile(readFileSync(path.join(rulesDir, file), "utf8")).groups[0],
    );
    expect(written.find((group) => group?.name === "node.rules")).toEqual(parseRuleFile(GOOD).groups[0]);
  });

  it("lists every problem by group and rule as promtool does, and exits 1", () => {
    writeFileSync(path.join(work, "bad.yml"), BAD);
    writeFileSync(path.join(work, "good.yml"), GOOD);
    const result = runCli(work, "validate", "good.yml", "bad.yml");
    expect(result.status).toBe(1);
    expect(result.stderr.split("\n")).toEqual([
      "good.yml: rule file: 2 groups, 3 rules, 0 problems",
      "good.yml: valid",
      'bad.yml: 5:15: group "g", rule 1, "A": could not parse expression: 1:10: parse error: unexpected end of input',
      'bad.yml: 6:17: group "g", rule 2, "bad name": invalid field \'annotations\' in recording rule',
      'bad.yml: 6:17: group "g", rule 2, "bad name": invalid recording rule name: bad name',
      'bad.yml: 10:5: groupname: "g" is repeated in the same file',
      "bad.yml: rule file: 2 groups, 2 rules, 4 problems",
      "bad.yml: invalid",
      "",
    ]);
    const imported = runCli(work, "import", "bad.yml", "--into", "q.json");
    expect(imported.status).toBe(1);
    expect(imported.stderr).toContain(
      "bad.yml: not an importable Prometheus rule file (4 problems promtool check rules reports):",
    );
  });
});
