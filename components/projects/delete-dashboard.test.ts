import { describe, expect, it } from "vitest";
import type { RuleGroup } from "@/lib/model/rule";
import { linkingRules } from "./delete-dashboard";

const alert = (name: string): RuleGroup["rules"][number] => ({
  kind: "alert",
  alert: name,
  expr: "up == 0",
  labels: { severity: "critical", category: "custom" },
  annotations: { summary: "s", description: "d" },
  panel: { dashboardUid: "api", panelId: 1 },
  enabled: true,
  tests: [],
});

const PROJECT = {
  ruleGroups: [
    { name: "availability", rules: [alert("ApiDown"), alert("ApiSlow")] },
    {
      name: "records",
      rules: [{ kind: "record" as const, record: "job:up:sum", expr: "sum(up)", labels: {}, enabled: true }],
    },
  ],
};

const missing = 'no dashboard with uid "api" in the project';

describe("linkingRules", () => {
  it("names each rule whose dashboard link the deletion would break, with its group", () => {
    expect(
      linkingRules(
        [
          { path: "ruleGroups[0].rules[1].panel.dashboardUid", message: missing, severity: "error" },
          { path: "ruleGroups[0].rules[0].panel.dashboardUid", message: missing, severity: "error" },
        ],
        PROJECT,
      ),
    ).toEqual({
      rules: [
        { rule: "ApiSlow", group: "availability", message: missing },
        { rule: "ApiDown", group: "availability", message: missing },
      ],
      others: [],
    });
  });

  it("keeps the path when the index is not in the project it knows", () => {
    const path = "ruleGroups[4].rules[0].panel.dashboardUid";
    expect(linkingRules([{ path, message: missing, severity: "error" }], PROJECT).rules).toEqual([
      { rule: path, message: missing },
    ]);
  });

  it("leaves every other issue as it came", () => {
    const other = { path: "ruleGroups[0].rules[0].expr", message: "parse error", severity: "error" as const };
    expect(linkingRules([other], PROJECT)).toEqual({ rules: [], others: [other] });
  });
});
