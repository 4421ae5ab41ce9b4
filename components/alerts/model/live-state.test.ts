import { describe, expect, it } from "vitest";
import type { Rule } from "@/lib/model/rule";
import type { RulesData } from "@/lib/prometheus/schemas";
import { liveRuleState, liveStateLabel } from "./live-state";

const alert = (name: string, expr: string): Rule =>
  ({ kind: "alert", alert: name, expr, labels: {}, annotations: {}, enabled: true, tests: [] }) as Rule;

const DATA: RulesData = {
  groups: [
    {
      name: "api",
      file: "/etc/prometheus/rules/api.yml",
      rules: [
        {
          type: "alerting",
          name: "HighErrors",
          query: "sum by (job) (rate(errors_total[5m])) > 1",
          state: "firing",
          labels: {},
          annotations: {},
          alerts: [
            { labels: { job: "a" }, annotations: {}, state: "firing" },
            { labels: { job: "b" }, annotations: {}, state: "pending" },
          ],
        },
        { type: "recording", name: "job:up:sum", query: "sum by (job) (up)", labels: {} },
      ],
    },
  ],
};

describe("a rule's live state", () => {
  it.each([
    ["no answer", "api", alert("HighErrors", "x"), undefined, "state unknown"],
    [
      "the same rule, spaced differently",
      "api",
      alert("HighErrors", "sum by(job)(rate(errors_total[5m]))>1"),
      DATA,
      "firing (2 active)",
    ],
    [
      "another group of that name",
      "web",
      alert("HighErrors", "sum by (job) (rate(errors_total[5m])) > 1"),
      DATA,
      "not loaded in Prometheus",
    ],
    [
      "an edited expression",
      "api",
      alert("HighErrors", "errors_total > 5"),
      DATA,
      "Prometheus runs another version",
    ],
    [
      "a recording rule",
      "api",
      { kind: "record", record: "job:up:sum", expr: "sum by (job) (up)", labels: {}, enabled: true } as Rule,
      DATA,
      "recording",
    ],
    [
      "an alert named like a recording rule",
      "api",
      alert("job:up:sum", "sum by (job) (up)"),
      DATA,
      "not loaded in Prometheus",
    ],
  ])("%s", (_name, group, rule, data, label) => {
    expect(liveStateLabel(liveRuleState(group, rule, data))).toBe(label);
  });
});
