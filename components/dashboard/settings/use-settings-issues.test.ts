import { describe, expect, it } from "vitest";
import { issuesOfVariable } from "./use-settings-issues";

describe("issuesOfVariable", () => {
  it("picks one variable's issues, relative to it", () => {
    const issues = [
      { path: "variables[1].name", message: "duplicate", severity: "error" as const },
      { path: "variables[10].query", message: "other", severity: "error" as const },
      { path: "variables[1]", message: "whole", severity: "error" as const },
      { path: "title", message: "title", severity: "error" as const },
    ];
    expect(issuesOfVariable(issues, 1)).toEqual([
      { path: "name", message: "duplicate", severity: "error" },
      { path: "(root)", message: "whole", severity: "error" },
    ]);
  });
});
