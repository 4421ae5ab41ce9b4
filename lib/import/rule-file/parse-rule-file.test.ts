import { describe, expect, it } from "vitest";
import { formatRuleFileProblem } from "./format-problem";
import { parseRuleFile } from "./parse-rule-file";
import { promtoolCheckRules } from "./testing/promtool-check-rules";

const rule = (body: string): string => `groups:\n  - name: g\n    rules:\n${body}`;

/**
 * Files promtool 2.42 accepts or refuses, each problem on its own: the checker must agree on the
 * verdict and, where promtool reads the whole file, on every line it prints.
 */
const CASES: Record<string, string> = {
  good: rule("      - alert: JvmNon-heapMemoryFillingUp\n        expr: up == 0\n        for: 0\n"),
  "good brackets and percent": rule(
    "      - alert: 'Disk [sda] 90%'\n        expr: vector(1)\n        labels:\n          severity: page\n",
  ),
  "good templates": rule(
    "      - alert: A\n        expr: up\n        annotations:\n          message: '{{ with query \"up\" }}{{ . | first | value }}{{ end }} {{ $labels }}'\n",
  ),
  "good keep_firing_for": rule("      - alert: A\n        expr: up\n        keep_firing_for: 5m\n"),
  "good limit and interval":
    "groups:\n  - name: 'a b/c'\n    interval: 30s\n    limit: 10\n    rules:\n      - record: a:b\n        expr: '1.0'\n",
  "good empty": "groups: []\n",
  "bad expr": rule("      - alert: A\n        expr: rate(x) >\n"),
  "bad rate of instant vector": rule("      - record: a\n        expr: rate(x)\n"),
  "bad label name": rule("      - alert: A\n        expr: up\n        labels:\n          bad-name: x\n"),
  "bad __name__ label": rule("      - alert: A\n        expr: up\n        labels:\n          __name__: x\n"),
  "bad annotation name": rule(
    "      - alert: A\n        expr: up\n        annotations:\n          runbook-url: x\n",
  ),
  "bad record with for": rule("      - record: a\n        expr: up\n        for: 5m\n"),
  "bad record name": rule("      - record: 'a b'\n        expr: up\n"),
  "bad both": rule("      - record: a\n        alert: A\n        expr: up\n"),
  "bad neither": rule("      - expr: up\n"),
  "bad no expr": rule("      - alert: A\n"),
  "bad repeated group": "groups:\n  - name: g\n    rules: []\n  - name: g\n    rules: []\n",
  "bad empty group name": "groups:\n  - name: ''\n    rules: []\n",
  "bad duration": rule("      - alert: A\n        expr: up\n        for: 5x\n"),
  "bad unknown rule field": rule("      - alert: A\n        expr: up\n        severity: page\n"),
  "bad query_offset on 2.42": "groups:\n  - name: g\n    query_offset: 1m\n    rules: []\n",
};

describe("parseRuleFile", () => {
  it("agrees with promtool check rules on every case, line for line where promtool reads the whole file", () => {
    const names = Object.keys(CASES);
    const verdicts = promtoolCheckRules(names.map((name) => CASES[name] ?? ""));
    names.forEach((name, index) => {
      const ours = parseRuleFile(CASES[name] ?? "").problems.map(formatRuleFileProblem);
      const theirs = verdicts[index];
      expect(
        ours.length === 0,
        `${name}: ours ${JSON.stringify(ours)}, promtool ${JSON.stringify(theirs)}`,
      ).toBe(theirs?.ok);
      expect(name.startsWith("good"), name).toBe(theirs?.ok);
      // promtool stops at the first field it cannot decode (durations, unknown fields) with yaml's
      // own wording; otherwise it validates everything, and says what we say.
      const decodeError = (theirs?.lines ?? []).some((line) =>
        /not a valid duration|not found in type|unmarshal errors/.test(line),
      );
      if (!decodeError)
        expect(ours, name).toEqual((theirs?.lines ?? []).map((line) => line.replace(/^0:0: /, "")));
    });
  });

  it("keeps scalars as written, as yaml.v3 gives them to Prometheus's string fields", () => {
    const parsed = parseRuleFile(
      rule(
        "      - alert: A\n        expr: 1.0\n        for: 0\n        labels:\n          version: 1.10\n          flag: yes\n          empty:\n",
      ),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.groups[0]?.rules).toEqual([
      {
        kind: "alert",
        alert: "A",
        expr: "1.0",
        for: "0",
        labels: { version: "1.10", flag: "yes", empty: "" },
        annotations: {},
      },
    ]);
  });

  it("reads PrometheusRule resources, one or several documents, and Lists of them", () => {
    const resource = (name: string) =>
      `apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: ${name}\nspec:\n  groups:\n    - name: ${name}\n      rules:\n        - alert: A\n          expr: up == 0\n`;
    const parsed = parseRuleFile(`${resource("one")}---\n${resource("two")}`);
    expect(parsed.format).toBe("PrometheusRule");
    expect(parsed.problems).toEqual([]);
    expect(parsed.groups.map((group) => group.name)).toEqual(["one", "two"]);
  });
});
