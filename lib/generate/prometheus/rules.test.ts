import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ProjectShapeSchema } from "../../model";
import { expectToolAccepts } from "../../testing/run-tool";
import { expectGolden } from "../golden";
import { smallProject } from "../testdata/small-project";
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
});
