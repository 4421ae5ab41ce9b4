import { describe, expect, it } from "vitest";
import { ApiRequestError } from "@/lib/api/client";
import type { TemplateSummary } from "@/lib/api/schemas";
import { catalogChoices, createdDashboardUid, dashboardHref, splitCreateError } from "./new-dashboard";

const TEMPLATES: TemplateSummary[] = [
  { kind: "level", name: "basic", title: "Basic monitoring", description: "…", level: "basic" },
  {
    kind: "dashboard",
    name: "operations",
    title: "Operations Overview",
    description: "Rate.",
    level: "basic",
  },
  { kind: "dashboard", name: "cache", title: "Cache", description: "Hits.", level: "standard" },
  { kind: "rule", name: "HighErrorRate", title: "HighErrorRate", description: "alert", level: "basic" },
];

describe("catalogChoices", () => {
  it("lists only catalog dashboards, in catalog order, with title, description and level", () => {
    expect(catalogChoices(TEMPLATES, [])).toEqual([
      {
        name: "operations",
        title: "Operations Overview",
        description: "Rate.",
        level: "basic",
        added: false,
      },
      { name: "cache", title: "Cache", description: "Hits.", level: "standard", added: false },
    ]);
  });

  it("marks the ones a project dashboard was built from, and no others", () => {
    const choices = catalogChoices(TEMPLATES, [{ catalogId: "cache" }, { catalogId: undefined }, {}]);
    expect(choices.map((choice) => [choice.name, choice.added])).toEqual([
      ["operations", false],
      ["cache", true],
    ]);
  });
});

describe("createdDashboardUid", () => {
  it.each([
    [{ uid: "checkout", title: "Checkout" }, "checkout"],
    [{ title: "no uid" }, undefined],
    [{ uid: "" }, undefined],
    [{ uid: 3 }, undefined],
    [null, undefined],
    ["checkout", undefined],
  ])("%j → %s", (content, uid) => {
    expect(createdDashboardUid({ content })).toBe(uid);
  });
});

describe("dashboardHref", () => {
  it("encodes the uid", () => {
    expect(dashboardHref("abc12345", "a b")).toBe("/projects/abc12345/dashboards/a%20b");
  });
});

describe("splitCreateError", () => {
  it("is empty without an error", () => {
    expect(splitCreateError(null)).toEqual({ title: [], rest: null });
  });

  it("puts a 422's title issues beside the field and keeps the others for the notice", () => {
    const error = new ApiRequestError(422, {
      error: "the project would be invalid with this section",
      issues: [
        { path: "title", message: "titles must be unique", severity: "error" },
        { path: "ruleGroups[0].rules[1].expr", message: "parse error", severity: "error", section: false },
      ],
    });
    const split = splitCreateError(error);
    expect(split.title.map((issue) => issue.message)).toEqual(["titles must be unique"]);
    expect(split.rest).toBeInstanceOf(ApiRequestError);
    expect((split.rest as ApiRequestError).status).toBe(422);
    expect(split.rest?.message).toBe("the project would be invalid with this section");
    expect((split.rest as ApiRequestError).body.issues.map((issue) => issue.path)).toEqual([
      "ruleGroups[0].rules[1].expr",
    ]);
  });

  it("treats a 400's request field the same way", () => {
    const error = new ApiRequestError(400, {
      error: "invalid request",
      issues: [{ path: "title", message: "Too big", severity: "error" }],
    });
    expect(splitCreateError(error).title).toHaveLength(1);
  });

  it("leaves other failures whole", () => {
    const conflict = new ApiRequestError(409, {
      error: "exists",
      issues: [{ path: "title", message: "x", severity: "error" }],
    });
    expect(splitCreateError(conflict)).toEqual({ title: [], rest: conflict });
    const thrown = new Error("network");
    expect(splitCreateError(thrown)).toEqual({ title: [], rest: thrown });
  });
});
