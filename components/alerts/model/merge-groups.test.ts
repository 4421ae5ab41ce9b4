import { describe, expect, it } from "vitest";
import type { Rule, RuleGroup } from "@/lib/model/rule";
import { mergeGroups } from "./merge-groups";

const rule = (alert: string, expr = "up == 0"): Rule =>
  ({ kind: "alert", alert, expr, labels: {}, annotations: {}, enabled: true, tests: [] }) as Rule;
const base: RuleGroup = { name: "g", interval: "1m", rules: [rule("A"), rule("B"), rule("C")] };

describe("re-applying my edits of a group on a newer version", () => {
  it("keeps their changes and re-applies mine, rule by rule", () => {
    const mine: RuleGroup = { ...base, rules: [rule("A", "up == 1"), rule("C"), rule("D")] };
    const theirs: RuleGroup = {
      ...base,
      interval: "30s",
      rules: [rule("A"), rule("B"), rule("C", "up < 1"), rule("E")],
    };
    const merged = mergeGroups(base, mine, theirs);
    expect(merged.draft.interval).toBe("30s");
    expect(merged.draft.rules.map((r) => [r.kind === "alert" ? r.alert : "", r.expr])).toEqual([
      ["A", "up == 1"],
      ["C", "up < 1"],
      ["E", "up == 0"],
      ["D", "up == 0"],
    ]);
    expect(merged.conflicts).toEqual([]);
    expect(merged.theirChanges).toEqual(["the interval", "changed C", "added E"]);
  });

  it("names what we both changed and keeps mine", () => {
    const mine: RuleGroup = { ...base, interval: "2m", rules: [rule("A", "up == 2"), rule("B"), rule("C")] };
    const theirs: RuleGroup = {
      ...base,
      interval: "30s",
      rules: [rule("A", "up == 3"), rule("B"), rule("C")],
    };
    const merged = mergeGroups(base, mine, theirs);
    expect(merged.draft.interval).toBe("2m");
    expect(merged.draft.rules[0]?.expr).toBe("up == 2");
    expect(merged.conflicts).toEqual(["the interval", "A"]);
  });
});
