import { describe, expect, it } from "vitest";
import { issuesAt, isWithin, toProjectPath, unclaimedIssues } from "./field-issues";

describe("field issues", () => {
  it("strips the request body prefix", () => {
    expect(toProjectPath("project.retention.metrics")).toBe("retention.metrics");
    expect(toProjectPath("environment")).toBe("environment");
  });

  it("matches a field and what is inside it, not its siblings", () => {
    expect(isWithin("scrapeTargets[0].targets[1]", "scrapeTargets[0].targets")).toBe(true);
    expect(isWithin("scrapeTargets[0].targets", "scrapeTargets[0].targets")).toBe(true);
    expect(isWithin("scrapeTargets[10].job", "scrapeTargets[1]")).toBe(false);
    expect(isWithin("retention.metricsX", "retention.metrics")).toBe(false);
  });

  it("splits issues between fields and the rest", () => {
    const issues = [
      { path: "retention.metrics", message: "bad duration" },
      { path: "dashboards[0].uid", message: "duplicate" },
    ];
    expect(issuesAt(issues, "retention.metrics")).toEqual([issues[0]]);
    expect(unclaimedIssues(issues, ["retention.metrics", "environment"])).toEqual([issues[1]]);
  });
});
