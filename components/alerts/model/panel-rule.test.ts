import { describe, expect, it } from "vitest";
import type { Project } from "@/lib/model/project";
import { ProjectShapeSchema } from "@/lib/model/stored-project";
import { alertNameFrom, ruleFromPanel, rulesOfPanel } from "./panel-rule";

const project = ProjectShapeSchema.parse({
  name: "p",
  route: { receiver: "default" },
  receivers: [{ name: "default" }],
  datasources: [
    {
      uid: "prometheus",
      name: "Prometheus",
      type: "prometheus",
      url: "http://prometheus:9090",
      isDefault: true,
    },
  ],
  dashboards: [
    {
      uid: "api",
      title: "API",
      variables: [
        { type: "constant", name: "job", value: "fraiseql" },
        { type: "custom", name: "quantile", values: ["0.99", "0.5"] },
      ],
      panels: [
        {
          id: 1,
          type: "timeseries",
          title: "p99 latency (s)",
          gridPos: { x: 0, y: 0, w: 12, h: 8 },
          thresholds: {
            mode: "absolute",
            steps: [
              { value: null, color: "green" },
              { value: 0.5, color: "orange" },
              { value: 2, color: "red" },
            ],
          },
          targets: [
            {
              kind: "promql",
              refId: "A",
              expr: 'histogram_quantile($quantile, sum by (le) (rate(http_seconds_bucket{job="$job"}[$__rate_interval])))',
            },
          ],
        },
      ],
    },
  ],
}) as Project;

describe("a rule from a dashboard panel", () => {
  it("resolves the dashboard's variables, takes the highest threshold and links the panel", () => {
    const draft = ruleFromPanel(project, "api", 1);
    expect(draft?.rule.expr).toMatch(
      /^histogram_quantile\(0\.99, sum by \(le\) \(rate\(http_seconds_bucket\{job="fraiseql"\}\[\d+[smh]\]\)\)\) > 2$/,
    );
    expect(draft?.rule.expr).not.toMatch(/\$/);
    expect(draft?.rule.labels).toEqual({ severity: "critical" });
    expect(draft?.rule.panel).toEqual({ dashboardUid: "api", panelId: 1 });
    expect(draft?.rule.alert).toBe("P99LatencyS");
  });

  it("finds nothing for a missing panel, and lists a panel's rules", () => {
    expect(ruleFromPanel(project, "api", 9)).toBeUndefined();
    const rule = ruleFromPanel(project, "api", 1)?.rule;
    if (!rule) throw new Error("no rule");
    expect(rulesOfPanel([{ name: "g", rules: [rule] }], "api", 1)).toEqual([{ group: "g", index: 0, rule }]);
    expect(rulesOfPanel([{ name: "g", rules: [rule] }], "api", 2)).toEqual([]);
  });

  it.each([
    ["High CPU usage", "HighCPUUsage"],
    ["5xx rate", "Panel5xxRate"],
  ])("names %s %s", (title, name) => expect(alertNameFrom(title)).toBe(name));
});
