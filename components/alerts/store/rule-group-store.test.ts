import { describe, expect, it } from "vitest";
import type { Project } from "@/lib/model/project";
import type { RuleGroup } from "@/lib/model/rule";
import { newAlertRule, newRecordingRule } from "../model/rule-ops";
import { createRuleGroupStore } from "./rule-group-store";

const base: RuleGroup = { name: "g", rules: [] };

function store() {
  return createRuleGroupStore({
    projectId: "p",
    project: { dashboards: [] } as unknown as Project,
    version: 3,
    base,
    group: base,
  });
}

describe("the rule group editor's store", () => {
  it("adds rules with free names, opens the new one, and deletes keeping the selection on its rule", () => {
    const s = store();
    s.getState().addRule(newAlertRule(s.getState().group));
    s.getState().addRule(newAlertRule(s.getState().group));
    s.getState().addRule(newRecordingRule(s.getState().group));
    expect(
      s.getState().group.rules.map((rule) => (rule.kind === "alert" ? rule.alert : rule.record)),
    ).toEqual(["InstanceDown", "InstanceDown2", "job:up:sum"]);
    expect(s.getState().selectedRule).toBe(2);
    s.getState().deleteRule(0);
    expect(s.getState().selectedRule).toBe(1);
    s.getState().deleteRule(1);
    expect(s.getState().selectedRule).toBeUndefined();
  });

  it("undoes and redoes edits, typing in one field as one step", () => {
    const s = store();
    s.getState().addRule(newAlertRule(s.getState().group));
    s.getState().updateRule(0, (rule) => ({ ...rule, expr: "u" }), "rules[0].expr");
    s.getState().updateRule(0, (rule) => ({ ...rule, expr: "up" }), "rules[0].expr");
    s.getState().undo();
    expect(s.getState().group.rules[0]?.expr).toBe("up == 0");
    s.getState().redo();
    expect(s.getState().group.rules[0]?.expr).toBe("up");
    s.getState().undo();
    s.getState().undo();
    expect(s.getState().group.rules).toEqual([]);
    expect(s.getState().selectedRule).toBeUndefined();
  });

  it("keeps the stored group as the save base, apart from the draft", () => {
    const s = createRuleGroupStore({
      projectId: "p",
      project: { dashboards: [] } as unknown as Project,
      version: 3,
      base,
      group: { ...base, rules: [newAlertRule(base)] },
    });
    expect(s.getState().base).toEqual({ version: 3, draft: base });
    expect(s.getState().group.rules).toHaveLength(1);
  });
});
