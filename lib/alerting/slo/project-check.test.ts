import { describe, expect, it } from "vitest";
import { generateBundle } from "@/lib/generate/bundle";
import { smallProject } from "@/lib/generate/testdata/small-project";
import { checkProject, parseProject } from "@/lib/model";
import { type SloPolicy, SloSpecSchema } from "@/lib/model/slo";
import { applySloToGroup } from "./merge";

const POLICIES: SloPolicy[] = ["sre-workbook", "sloth", "pyrra"];

describe("SLO groups in a project", () => {
  it("pass the model's checks, survive a stored round trip, and reach the bundle without the spec", () => {
    const base = smallProject();
    const groups = POLICIES.map((policy) =>
      applySloToGroup(
        { name: `slo-${policy}`, rules: [] },
        SloSpecSchema.parse({
          name: `api-${policy}`,
          objective: 99.5,
          policy,
          groupBy: ["route"],
          indicator: {
            kind: "availability",
            errors: 'http_requests_total{code=~"5.."}',
            total: "http_requests_total",
          },
        }),
      ),
    );
    const project = parseProject(
      JSON.parse(JSON.stringify({ ...base, ruleGroups: [...base.ruleGroups, ...groups] })),
    );
    expect(project.ruleGroups.at(-1)?.slo?.policy).toBe("pyrra");
    expect(checkProject(project).filter((issue) => issue.severity === "error")).toEqual([]);
    const files = generateBundle(project);
    const ruleFiles = files.filter(
      (file) => file.content.includes("slo-sre-workbook") || file.content.includes("slo-pyrra"),
    );
    expect(ruleFiles.length).toBeGreaterThan(0);
    for (const file of files.filter((f) => f.path.endsWith(".yml") || f.path.endsWith(".yaml"))) {
      expect(file.content, file.path).not.toContain("policy: pyrra");
    }
  });
});
