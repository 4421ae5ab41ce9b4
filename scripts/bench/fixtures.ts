import { type Project, ProjectShapeSchema } from "../../lib/model";

/** A synthetic project of `dashboards` × `panelsPerDashboard` panels and `rules` alert rules. */
export function syntheticProject(dashboards: number, panelsPerDashboard: number, rules: number): Project {
  const perLine = 4;
  const groups = 20;
  return ProjectShapeSchema.parse({
    name: `Synthetic ${dashboards}x${panelsPerDashboard}`,
    datasources: [{ uid: "prometheus", name: "Prometheus", type: "prometheus", isDefault: true }],
    scrapeTargets: [{ job: "app", kind: "app", targets: ["app:8000"] }],
    dashboards: Array.from({ length: dashboards }, (_, d) => ({
      uid: `synthetic-${d}`,
      title: `Synthetic dashboard ${d}`,
      variables: [
        {
          type: "query",
          name: "instance",
          query: "label_values(up, instance)",
          includeAll: true,
          multi: true,
        },
      ],
      panels: Array.from({ length: panelsPerDashboard }, (_, p) => ({
        id: p + 1,
        type: "timeseries",
        title: `Panel ${p}`,
        unit: "reqps",
        gridPos: { x: (p % perLine) * 6, y: Math.floor(p / perLine) * 8, w: 6, h: 8 },
        targets: [
          {
            kind: "promql",
            refId: "A",
            expr: `sum by (job) (rate(metric_${d}_${p}_total{instance=~"$instance"}[$__rate_interval]))`,
            legendFormat: "{{job}}",
          },
        ],
      })),
    })),
    ruleGroups: Array.from({ length: groups }, (_, g) => ({
      name: `group-${g}`,
      rules: Array.from({ length: Math.ceil(rules / groups) }, (_, r) => ({
        kind: "alert",
        alert: `Synthetic${g}x${r}`,
        expr: `sum(rate(errors_${g}_${r}_total[5m])) / sum(rate(requests_${g}_${r}_total[5m])) > 0.05`,
        for: "5m",
        labels: { severity: r % 2 === 0 ? "warning" : "critical" },
        annotations: {
          summary: "Error ratio {{ $value | humanizePercentage }}",
          description: "Too many errors.",
        },
        tests: [
          {
            inputSeries: [
              { series: `requests_${g}_${r}_total`, values: "0+100x20" },
              { series: `errors_${g}_${r}_total`, values: "0+10x20" },
            ],
            evalTime: "15m",
            fires: true,
            value: 0.1,
          },
        ],
      })),
    })),
    receivers: [{ name: "default" }],
    route: { receiver: "default" },
  });
}
