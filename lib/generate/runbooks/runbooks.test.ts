import { describe, expect, it } from "vitest";
import { type AlertingRuleInput, type Project, ProjectShapeSchema } from "../../model";
import { expectGolden } from "../golden";
import { enabledAlerts, runbookUrl } from "../names";
import { smallProject } from "../testdata/small-project";
import { generateRunbooks } from "./runbooks";

function alert(overrides: Partial<AlertingRuleInput>): AlertingRuleInput {
  return {
    kind: "alert",
    alert: "QueueBacklog",
    expr: "queue_depth > 100",
    labels: { severity: "warning" },
    annotations: { summary: "Queue | backlog is {{ $value }}", description: "The queue keeps growing." },
    // An empty body gets the generic page; a rule without one gets none.
    runbook: "",
    ...overrides,
  };
}

function project(rules: AlertingRuleInput[], more: Record<string, AlertingRuleInput[]> = {}): Project {
  return ProjectShapeSchema.parse({
    name: "Runbook test",
    ruleGroups: [
      { name: "main", rules },
      ...Object.entries(more).map(([name, list]) => ({ name, rules: list })),
    ],
  });
}

describe("generateRunbooks", () => {
  it("matches the golden files", () => {
    expectGolden(import.meta.dirname, "small", generateRunbooks(smallProject()));
  });

  it("writes a page at every runbook_url the rule files link to", () => {
    const small = smallProject();
    const paths = new Set(generateRunbooks(small).map((file) => file.path));
    for (const { rule } of enabledAlerts(small)) expect(paths).toContain(runbookUrl(small, rule));
  });

  it("uses a generic body when the rule has no runbook, and says when it fires", () => {
    const [page] = generateRunbooks(project([alert({ for: "10m" })]));
    expect(page?.path).toBe("runbooks/QueueBacklog.md");
    expect(page?.content).toContain("```promql\nqueue_depth > 100\n```");
    expect(page?.content).toContain("- **Fires after:** the condition has held for 10m");
    expect(page?.content).toContain(
      "## Meaning\n\nThe expression above returned a result and kept returning one for 10m.",
    );
    expect(page?.content).toContain("## Diagnosis");
    expect(page?.content).toContain("## Mitigation");
  });

  it("gives rules that share an alert name one page describing each rule", () => {
    const files = generateRunbooks(
      project([alert({ runbook: "## Meaning\nBacklog." })], {
        other: [
          alert({
            labels: { severity: "critical" },
            expr: "queue_depth > 1000",
            runbook: "## Meaning\nBacklog.",
          }),
        ],
      }),
    );
    expect(files.map((file) => file.path)).toEqual(["runbooks/QueueBacklog.md", "runbooks/README.md"]);
    const page = files[0]?.content ?? "";
    expect(page).toContain("2 rules raise this alert");
    expect(page).toContain("## Rule 1: group `main`");
    expect(page).toContain("## Rule 2: group `other`");
    expect(page.match(/## Meaning\nBacklog\./g)).toHaveLength(1);
    expect(files[1]?.content).toContain(
      "| [QueueBacklog](QueueBacklog.md) | warning, critical | `main`, `other` |",
    );
  });

  it("escapes table cells in the index and sorts alerts by name", () => {
    const files = generateRunbooks(project([alert({}), alert({ alert: "ApiDown", expr: "up == 0" })]));
    const index = files.find((file) => file.path === "runbooks/README.md")?.content ?? "";
    expect(index).toContain("Queue \\| backlog is {{ $value }}");
    expect(index.indexOf("[ApiDown]")).toBeLessThan(index.indexOf("[QueueBacklog]"));
  });

  it("skips disabled alerts and alerts whose runbook lives elsewhere", () => {
    const files = generateRunbooks(
      project([
        alert({ enabled: false }),
        alert({
          alert: "External",
          annotations: { summary: "s", description: "d", runbook_url: "https://wiki/x" },
        }),
      ]),
    );
    expect(files).toEqual([]);
  });

  it("writes no page, and no link, for an alert without a runbook body", () => {
    const { runbook: _none, ...withoutRunbook } = alert({});
    const small = project([withoutRunbook]);
    expect(generateRunbooks(small)).toEqual([]);
    const [placed] = enabledAlerts(small);
    expect(placed && runbookUrl(small, placed.rule)).toBeUndefined();
  });
});
