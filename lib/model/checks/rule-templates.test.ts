import { describe, expect, it } from "vitest";
import { IssueCollector } from "../issues";
import { type RuleGroup, RuleGroupSchema } from "../rule";
import { checkRuleTemplates } from "./rule-templates";

function group(annotations: Record<string, string>, labels: Record<string, string> = {}): RuleGroup {
  return RuleGroupSchema.parse({
    name: "g",
    rules: [
      { kind: "record", record: "job:up:sum", expr: "sum(up)", labels: { broken: "{{" } },
      { kind: "alert", alert: "HostDown", expr: "up == 0", labels, annotations },
    ],
  });
}

function issues(g: RuleGroup): { path: string; message: string }[] {
  const out = new IssueCollector();
  checkRuleTemplates([g], out);
  return out.issues.map(({ path, message }) => ({ path, message }));
}

describe("checkRuleTemplates", () => {
  it("accepts the templates Prometheus renders every day", () => {
    const ok = group({
      summary: "{{ $labels.instance }} down",
      description: '{{ $labels }} {{ with query "up" }}{{ . | first | value | humanize }}{{ end }}',
      message: "{{- range $k, $v := $labels }}{{ $k }}={{ $v }} {{ end -}}",
    });
    expect(issues(ok)).toEqual([]);
  });

  it("puts each parse error on its annotation or label, worded like Prometheus", () => {
    const bad = group({ summary: "{{ $labels.instance }", runbook_url: "ok" }, { team: "{{ if }}" });
    expect(issues(bad)).toEqual([
      {
        path: "ruleGroups[0].rules[1].labels.team",
        message:
          "error parsing template __alert_HostDown: template: __alert_HostDown:1: missing value for if",
      },
      {
        path: "ruleGroups[0].rules[1].annotations.summary",
        message:
          'error parsing template __alert_HostDown: template: __alert_HostDown:1: unexpected "}" in operand',
      },
    ]);
  });

  it("leaves recording rules alone: their labels are not templates", () => {
    expect(issues(group({}))).toEqual([]);
  });
});
