import { describe, expect, it } from "vitest";
import { projectFromTemplate } from "@/lib/catalog/templates";
import type { Project } from "@/lib/model/project";
import { buildComparePageData, compareHref } from "./compare-data";

const BASE = projectFromTemplate({ name: "Shop", level: "basic", version: "v2" });
const SECTIONS = 2 + BASE.dashboards.length + BASE.ruleGroups.length;

function edit(change: (project: Project) => void): Project {
  const project = structuredClone(BASE);
  change(project);
  return project;
}

describe("buildComparePageData", () => {
  it.each([
    {
      name: "the same content",
      to: BASE,
      summary: "",
      changed: [],
    },
    {
      name: "a retention",
      to: edit((project) => {
        project.retention.metrics = "45d";
      }),
      summary: "settings: metrics retention 30d → 45d",
      changed: [{ key: "settings", before: '"metrics": "30d"', after: '"metrics": "45d"' }],
    },
    {
      name: "a removed rule group",
      to: edit((project) => {
        project.ruleGroups = project.ruleGroups.filter((group) => group.name !== "fraiseql-resources");
      }),
      summary: 'rule group "fraiseql-resources" removed',
      changed: [{ key: "rule-group:fraiseql-resources", before: '"name": "fraiseql-resources"', after: "" }],
    },
  ])("$name", ({ to, summary, changed }) => {
    const data = buildComparePageData(BASE, to);
    expect(data.summary).toBe(summary);
    expect(data.changed.map((section) => section.key)).toEqual(changed.map((section) => section.key));
    data.changed.forEach((section, index) => {
      const expected = changed[index];
      expect(section.beforeJson).toContain(expected?.before);
      if (expected?.after === "") expect(section.afterJson).toBe("");
      else expect(section.afterJson).toContain(expected?.after);
    });
    expect(data.changed.length + data.unchanged.length).toBe(SECTIONS);
  });

  it("names the unchanged sections, dashboards by title, and pretty-prints each side", () => {
    const data = buildComparePageData(
      BASE,
      edit((project) => {
        project.environment = "staging";
      }),
    );
    expect(data.unchanged.map((section) => section.label)).toContain('dashboard "Operations Overview"');
    const after = data.changed[0]?.afterJson ?? "";
    expect(after.startsWith('{\n  "schemaVersion": 1,\n  "name": "Shop",\n')).toBe(true);
    expect(after).toContain('\n  "environment": "staging",\n');
    expect(after.endsWith("\n}\n")).toBe(true);
  });
});

describe("compareHref", () => {
  it("puts both versions in the query", () => {
    expect(compareHref("p1", 2, 5)).toBe("/projects/p1/history/compare?from=2&to=5");
  });
});
