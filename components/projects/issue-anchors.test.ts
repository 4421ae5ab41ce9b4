import { describe, expect, it } from "vitest";
import { anchorForIssuePath, anchorId, parseIssuePath, SETTINGS_ANCHOR } from "./issue-anchors";

describe("parseIssuePath", () => {
  it("splits keys and indexes", () => {
    expect(parseIssuePath("dashboards[2].panels[5].targets[0].expr")).toEqual([
      "dashboards",
      2,
      "panels",
      5,
      "targets",
      0,
      "expr",
    ]);
    expect(parseIssuePath("(root)")).toEqual([]);
    expect(parseIssuePath("name")).toEqual(["name"]);
  });
});

describe("anchorForIssuePath", () => {
  it.each([
    ["dashboards[2].panels[5].targets[0].expr", "dashboards-2"],
    ["dashboards", "dashboards"],
    ["ruleGroups[0].rules[3].expr", "ruleGroups-0-rules-3"],
    ["ruleGroups[1].name", "ruleGroups-1"],
    ["ruleGroups[1].rules", "ruleGroups-1"],
    ["receivers[1].integrations[0].channel", "receivers-1"],
    ["route.receiver", "route"],
    ["route", "route"],
    ["route.routes[0].routes[2].matchers[0].label", "route-routes-0-routes-2"],
    ["inhibitRules[0].equal[1]", "inhibitRules-0"],
    ["datasources[1].uid", "datasources-1"],
    ["scrapeTargets[0].bearerToken", "scrapeTargets-0"],
    ["kubernetes.releaseLabel", SETTINGS_ANCHOR],
    ["environment", SETTINGS_ANCHOR],
    ["(root)", SETTINGS_ANCHOR],
  ])("%s → #%s", (path, anchor) => {
    expect(anchorForIssuePath(path)).toBe(anchor);
  });

  it("uses the same ids the overview gives its items", () => {
    expect(anchorForIssuePath("ruleGroups[0].rules[3].for")).toBe(anchorId(["ruleGroups", 0, "rules", 3]));
  });
});
