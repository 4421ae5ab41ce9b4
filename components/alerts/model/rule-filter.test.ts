import { describe, expect, it } from "vitest";
import type { Rule, RuleGroup } from "@/lib/model/rule";
import type { LiveRuleState } from "./live-state";
import { filterRules, labelChoices, NO_FILTER, type RuleRow } from "./rule-filter";

const alert = (name: string, labels: Record<string, string>): Rule =>
  ({
    kind: "alert",
    alert: name,
    expr: "up == 0",
    labels,
    annotations: {},
    enabled: true,
    tests: [],
  }) as Rule;

const groups: RuleGroup[] = [
  {
    name: "a",
    rules: [
      alert("HighLatency", { severity: "warning", category: "performance" }),
      alert("DatabaseDown", { severity: "critical", category: "availability" }),
    ],
  },
  { name: "b", rules: [{ kind: "record", record: "job:latency:p99", expr: "x", labels: {}, enabled: true }] },
];

const states: LiveRuleState[] = [
  { kind: "alerting", state: "firing", active: 1 },
  { kind: "not-loaded" },
  { kind: "recording" },
];

const rows: RuleRow[] = groups
  .flatMap((group) =>
    group.rules.map((rule, index) => ({
      groupName: group.name,
      index,
      rule,
      live: { kind: "unavailable" } as LiveRuleState,
    })),
  )
  .map((row, i) => ({ ...row, live: states[i] as LiveRuleState }));

const names = (filtered: RuleRow[]): string[] =>
  filtered.map((row) => (row.rule.kind === "alert" ? row.rule.alert : row.rule.record));

describe("the rules page's filters", () => {
  it.each([
    [{}, ["HighLatency", "DatabaseDown", "job:latency:p99"]],
    [{ text: "LATENCY" }, ["HighLatency", "job:latency:p99"]],
    [{ severity: "critical" }, ["DatabaseDown"]],
    [{ category: "performance" }, ["HighLatency"]],
    [{ state: "firing" }, ["HighLatency"]],
    [{ state: "not-loaded" }, ["DatabaseDown"]],
    [{ state: "recording", text: "p99" }, ["job:latency:p99"]],
    [{ severity: "warning", state: "not-loaded" }, []],
  ])("%j keeps %j", (filter, expected) => {
    expect(names(filterRules(rows, { ...NO_FILTER, ...filter }))).toEqual(expected);
  });

  it("offers the severities and categories the rules have", () => {
    expect(labelChoices(groups, "severity")).toEqual(["critical", "warning"]);
    expect(labelChoices(groups, "category")).toEqual(["availability", "performance"]);
  });
});
