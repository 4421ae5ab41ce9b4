import { describe, expect, it } from "vitest";
import { defaultCatalogContext } from "@/lib/catalog/context";
import { catalogRules } from "@/lib/catalog/rules";
import { type RuleGroup, RuleGroupSchema, RuleSchema } from "@/lib/model/rule";
import { expectToolAccepts } from "@/lib/testing/run-tool";
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeTempDir } from "@/lib/tools/files";
import { ruleGroupIssues } from "./group-issues";
import { ruleGroupFromYaml, ruleGroupToYaml } from "./rule-yaml";
import { yamlPathRange } from "./yaml-path-range";

const NO_DASHBOARDS = { dashboards: [] };

function group(input: unknown): RuleGroup {
  return RuleGroupSchema.parse(input);
}

const catalogGroup = group({
  name: "fraiseql availability",
  rules: catalogRules.slice(0, 6).map((entry) => RuleSchema.parse(entry.build(defaultCatalogContext()))),
});

const GROUPS: readonly RuleGroup[] = [
  catalogGroup,
  group({
    name: "node rules (with spaces)",
    interval: "30s",
    limit: 10,
    rules: [
      {
        kind: "alert",
        alert: "JvmNon-heapMemoryFillingUp",
        expr: 'jvm_memory_used_bytes{area="nonheap"} / jvm_memory_max_bytes > 0.8',
        for: "2m",
        keepFiringFor: "10m",
        labels: { severity: "warning", team: "platform" },
        annotations: { message: "{{ $labels }} is filling up", runbook_url: "https://runbooks/x" },
      },
      { kind: "record", record: "job:up:sum", expr: "sum by (job) (\n  up\n)", labels: { source: "rec" } },
      { kind: "alert", alert: "Disabled [beta] 100%", expr: "up == 0", enabled: false },
      { kind: "alert", alert: "Numbers", expr: "1", labels: { code: "404" }, annotations: {} },
    ],
  }),
];

describe("the YAML tab's rule file", () => {
  it.each(GROUPS.map((g) => [g.name, g] as const))("round-trips %s unchanged", (_name, value) => {
    const text = ruleGroupToYaml(value);
    const parsed = ruleGroupFromYaml(text, value);
    expect(parsed).toEqual({ ok: true, group: value });
  });

  it("is a rule file promtool accepts, with every rule of the group", () => {
    const files = GROUPS.map((g, index) => ({ path: `rules-${index}.yml`, content: ruleGroupToYaml(g) }));
    const output = expectToolAccepts(files, "promtool", () => [
      "check",
      "rules",
      ...files.map((file) => file.path),
    ]);
    expect(output).toMatch(/SUCCESS: 6 rules found/);
    expect(output).toMatch(/SUCCESS: 4 rules found/);
  });

  it("takes edits into the draft and keeps what YAML cannot say", () => {
    const base = GROUPS[1] as RuleGroup;
    const text = ruleGroupToYaml(base)
      .replace("for: 2m", "for: 5x")
      .replace("team: platform", "team: storage");
    const parsed = ruleGroupFromYaml(text, base);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const rule = parsed.group.rules[0];
    expect(rule?.kind === "alert" && rule.for).toBe("5x");
    expect(rule?.labels.team).toBe("storage");
    expect(parsed.group.rules[2]?.enabled).toBe(false);
    // The draft's checks say what is wrong, at a path the YAML tab marks on the value itself.
    const issues = ruleGroupIssues(parsed.group, NO_DASHBOARDS);
    expect(issues).toContainEqual(expect.objectContaining({ path: "rules[0].for", severity: "error" }));
    const range = yamlPathRange(text, "rules[0].for");
    expect(text.slice(range.start, range.end)).toBe("5x");
    expect(range.exact).toBe(true);
  });

  it.each([
    ["not YAML", "groups: [", "(root)", /^YAML: /],
    ["no groups key", "rules: []", "(root)", /expected a rule file/],
    [
      "two groups",
      "groups:\n  - name: a\n    rules: []\n  - name: b\n    rules: []",
      "(root)",
      /edits one group, and the text has 2/,
    ],
    [
      "an unknown group key",
      "groups:\n  - name: g\n    evaluation: 1m\n    rules: []",
      "evaluation",
      /field evaluation not found in type rulefmt.RuleGroup/,
    ],
    ["a renamed group", "groups:\n  - name: other\n    rules: []", "name", /rename it on the rules page/],
    [
      "an unknown rule key",
      "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up\n        severity: page",
      "rules[0].severity",
      /field severity not found in type rulefmt.RuleNode/,
    ],
    [
      "both alert and record",
      "groups:\n  - name: g\n    rules:\n      - alert: A\n        record: b\n        expr: up",
      "rules[0]",
      /only one of 'record' and 'alert'/,
    ],
    [
      "neither alert nor record",
      "groups:\n  - name: g\n    rules:\n      - expr: up",
      "rules[0]",
      /one of 'record' or 'alert' must be set/,
    ],
    [
      "annotations on a recording rule",
      "groups:\n  - name: g\n    rules:\n      - record: b\n        expr: up\n        annotations: {a: b}",
      "rules[0].annotations",
      /invalid field 'annotations' in recording rule/,
    ],
    [
      "labels as a list",
      "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up\n        labels: [a]",
      "rules[0].labels",
      /expected a map/,
    ],
    [
      "a limit that is no number",
      "groups:\n  - name: g\n    limit: lots\n    rules: []",
      "limit",
      /whole number/,
    ],
  ])("refuses %s, naming where", (_name, text, path, message) => {
    const parsed = ruleGroupFromYaml(text, group({ name: "g" }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toContainEqual(
      expect.objectContaining({ path, message: expect.stringMatching(message) }),
    );
  });
});

/**
 * The draft's checks against promtool: a group the checks pass is one promtool accepts, and an
 * error the checks report is one promtool refuses the file for.
 */
describe("the draft's checks agree with promtool check rules", () => {
  const alert = (extra: Record<string, unknown>) =>
    ({
      name: "g",
      rules: [{ kind: "alert", alert: "A", expr: "up == 0", ...extra }],
    }) as unknown as RuleGroup;
  const CASES: readonly [string, RuleGroup][] = [
    ["a valid alert", alert({ for: "5m", labels: { severity: "page" } })],
    ["a for of 5x", alert({ for: "5x" })],
    ["a keep_firing_for of 1y2", alert({ keepFiringFor: "1y2" })],
    ["a label name with a dash", alert({ labels: { "team-name": "a" } })],
    ["an annotation name with a dot", alert({ annotations: { "summary.text": "a" } })],
    ["PromQL Prometheus refuses", alert({ expr: "sum(rate(up[5m])" })],
    ["an empty expression", alert({ expr: "" })],
    ["an alert name with a dash and brackets", alert({ alert: "JvmNon-heap[old]" })],
    [
      "an annotation template that does not parse",
      alert({ annotations: { summary: "{{ $labels.instance }" } }),
    ],
    ["a label template that does not parse", alert({ labels: { team: "{{ if }}" } })],
    [
      "templates Prometheus renders every day",
      alert({
        annotations: {
          description: "{{ $labels }} {{ with $value }}{{ . | humanize }}{{ end }}",
          summary: '{{ query "up" | first | value }}',
        },
      }),
    ],
    ["an interval of 1x", { name: "g", interval: "1x", rules: [] } as unknown as RuleGroup],
    [
      "a recording rule named like an alert",
      { name: "g", rules: [{ kind: "record", record: "Bad-Name", expr: "up" }] } as unknown as RuleGroup,
    ],
    [
      "a recording rule",
      {
        name: "g",
        rules: [{ kind: "record", record: "job:up:sum", expr: "sum by (job) (up)" }],
      } as unknown as RuleGroup,
    ],
  ];

  it.each(CASES)("%s", (_name, draft) => {
    const normalized = {
      ...draft,
      // Drafts as the form holds them: every map present, even when the case left it out.
      rules: draft.rules.map((rule) =>
        Object.assign(
          { labels: {}, enabled: true, tests: [] },
          rule.kind === "alert" ? { annotations: {} } : {},
          rule,
        ),
      ),
    } as RuleGroup;
    const errors = ruleGroupIssues(normalized, NO_DASHBOARDS).filter((issue) => issue.severity === "error");
    const dir = makeTempDir("obsforge-rule-yaml");
    try {
      const file = path.join(dir, "rules.yml");
      writeFileSync(file, ruleGroupToYaml(normalized));
      const result = spawnSync("promtool", ["check", "rules", file], { encoding: "utf8" });
      const promtoolRefuses = result.status !== 0;
      expect(
        errors.length > 0,
        `ours: ${JSON.stringify(errors)}\npromtool: ${result.stdout}${result.stderr}`,
      ).toBe(promtoolRefuses);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
