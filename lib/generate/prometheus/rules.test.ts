import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ProjectShapeSchema } from "../../model";
import { expectToolAccepts } from "../../testing/run-tool";
import { expectGolden } from "../golden";
import { smallProject } from "../testdata/small-project";
import { generateBundle } from "../bundle";
import { generateRuleFiles } from "./rules";

describe("generateRuleFiles", () => {
  it("matches the golden files", () => {
    expectGolden(import.meta.dirname, "small-rules", generateRuleFiles(smallProject()));
  });

  it("is accepted by promtool check rules", () => {
    const files = generateRuleFiles(smallProject());
    expectToolAccepts(files, "promtool", () => ["check", "rules", ...files.map((file) => file.path)]);
  });

  it("writes one file per group and leaves out groups with nothing enabled", () => {
    const project = ProjectShapeSchema.parse({
      name: "Groups",
      ruleGroups: [
        { name: "Live_Rules", rules: [{ kind: "record", record: "job:up:sum", expr: "sum by (job) (up)" }] },
        { name: "empty", rules: [] },
        {
          name: "switched-off",
          rules: [{ kind: "record", record: "job:up:min", expr: "min by (job) (up)", enabled: false }],
        },
      ],
    });
    const files = generateRuleFiles(project);
    expect(files.map((file) => file.path)).toEqual(["prometheus/rules/live-rules.yml"]);
    expect(parse(files[0]?.content ?? "")).toEqual({
      groups: [{ name: "Live_Rules", rules: [{ record: "job:up:sum", expr: "sum by (job) (up)" }] }],
    });
  });

  it("exports exactly the rule's labels and annotations, and the group's settings in rulefmt's order", () => {
    const project = ProjectShapeSchema.parse({
      name: "Imported",
      ruleGroups: [
        {
          name: "node exporter / disks",
          interval: "1m",
          limit: 10,
          queryOffset: "30s",
          labels: { team: "storage" },
          rules: [
            {
              kind: "alert",
              alert: "JvmNon-heapMemoryFillingUp",
              expr: "up == 0",
              for: "0s",
              keepFiringFor: "5m",
              labels: { severity: "page" },
              annotations: { message: "{{ $labels }} is down" },
            },
            { kind: "alert", alert: "Bare [x] 100%", expr: "vector(1)" },
          ],
        },
      ],
    });
    expect(parse(generateRuleFiles(project)[0]?.content ?? "")).toEqual({
      groups: [
        {
          name: "node exporter / disks",
          interval: "1m",
          query_offset: "30s",
          limit: 10,
          labels: { team: "storage" },
          rules: [
            {
              alert: "JvmNon-heapMemoryFillingUp",
              expr: "up == 0",
              for: "0s",
              keep_firing_for: "5m",
              labels: { severity: "page" },
              annotations: { message: "{{ $labels }} is down" },
            },
            { alert: "Bare [x] 100%", expr: "vector(1)" },
          ],
        },
      ],
    });
    const group = parse(generateRuleFiles(project)[0]?.content ?? "").groups[0];
    expect(Object.keys(group)).toEqual(["name", "interval", "query_offset", "limit", "labels", "rules"]);
  });

  it("adds a runbook_url only to a rule with a runbook page and no link of its own, after summary and description", () => {
    const rule = {
      kind: "alert",
      alert: "Down",
      expr: "up == 0",
      labels: { severity: "critical", category: "availability" },
      annotations: { summary: "s", description: "d", dashboard: "http://grafana/d/x" },
      runbook: "## Meaning",
    };
    const project = ProjectShapeSchema.parse({
      name: "Catalog",
      ruleGroups: [
        {
          name: "g",
          rules: [rule, { ...rule, alert: "Linked", annotations: { runbook_url: "https://wiki/x" } }],
        },
      ],
    });
    const [first, second] = parse(generateRuleFiles(project)[0]?.content ?? "").groups[0].rules;
    expect(Object.entries(first.annotations)).toEqual([
      ["summary", "s"],
      ["description", "d"],
      ["runbook_url", "runbooks/Down.md"],
      ["dashboard", "http://grafana/d/x"],
    ]);
    expect(second.annotations).toEqual({ runbook_url: "https://wiki/x" });
  });

  it("gives every group its own rule file and test file, and every alert its own runbook page, whatever their names", () => {
    const alert = (name: string) => ({
      kind: "alert",
      alert: name,
      expr: "vector(1) > 0",
      runbook: "",
      tests: [{ inputSeries: [{ series: "x", values: "1" }], evalTime: "0m", fires: true, value: 1 }],
    });
    const names = ["node.rules", "node-rules", "Node Rules", "a/b: c", "💥", "README"];
    const project = ProjectShapeSchema.parse({
      name: "Names",
      ruleGroups: names.map((name, index) => ({
        name,
        rules: [alert(["README", "readme", "a/b", "a-b", "Bare [x] 100%", "Down"][index] ?? "Down")],
      })),
    });
    const files = generateBundle(project);
    const rules = files.filter((file) => file.path.startsWith("prometheus/rules/"));
    expect(rules).toHaveLength(names.length);
    expect(rules.map((file) => file.path)).toContain("prometheus/rules/a-b-c.yml");
    expect(new Set(rules.map((file) => file.path.toLowerCase())).size).toBe(names.length);
    const tests = files.filter((file) => file.path.startsWith("prometheus/tests/"));
    expect(tests).toHaveLength(names.length);
    const runbooks = files.filter((file) => file.path.startsWith("runbooks/"));
    expect(runbooks.map((file) => file.path)).toContain("runbooks/README.md");
    expect(new Set(runbooks.map((file) => file.path.toLowerCase())).size).toBe(names.length + 1);
    for (const file of runbooks) expect(file.path).toMatch(/^runbooks\/[A-Za-z0-9_.-]+\.md$/);
    // The rule files link the pages that exist, and promtool runs every test against its own file.
    const paths = new Set(files.map((file) => file.path));
    for (const file of rules)
      for (const group of parse(file.content).groups)
        for (const rule of group.rules) expect(paths).toContain(rule.annotations.runbook_url);
    expectToolAccepts(rules, "promtool", () => ["check", "rules", ...rules.map((file) => file.path)]);
    expectToolAccepts([...rules, ...tests], "promtool", () => [
      "test",
      "rules",
      ...tests.map((file) => file.path),
    ]);
  });
});
