import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { type DemoPrometheus, startDemoPrometheus } from "../../../scripts/demo/prometheus";
import { parseProject } from "../../model";
import { alerts } from "../../prometheus/client";
import { previewAnnotations } from "../../server/services/annotations";
import { waitFor } from "../../testing/processes";
import { makeTempDir } from "../../tools/files";

/**
 * The annotation preview against a real Prometheus running the same rules: for every alert it
 * fires, the preview of that rule for that series must say exactly what Prometheus's alerts API
 * says the annotations are. The expressions are constant over time (Prometheus's own `up`, plain
 * numbers) so the preview and the rule engine see the same values.
 */

const ANNOTATIONS: Record<string, string> = {
  labels: "{{ $labels }}",
  value: '{{ $value }} {{ humanize $value }} {{ printf "%.3f" $value }} {{ $value | humanizeDuration }}',
  each: "{{ range $k, $v := $labels }}{{ $k }}={{ $v }};{{ end }}",
  query:
    '{{ with query "count(up)" }}{{ . | first | value }}{{ end }} {{ query "up" | first | label "job" }}',
  missing: '{{ with query "nonexistent_metric" }}{{ . | first | value }}{{ else }}none{{ end }}',
  failing: '{{ query "nonexistent_metric" | first | value }}',
  external: "{{ $externalLabels }}",
  control:
    '{{ if eq $labels.job "prometheus" }}self{{ else }}other{{ end }} {{ $labels.instance | stripPort }}',
};

const RULES = [
  { alert: "UpSeries", expr: "up" },
  { alert: "Scaled", expr: "up * 1234567.5" },
  { alert: "Grouped", expr: "sum by (job) (up) + 0.1" },
  { alert: "Scalarish", expr: "vector(86400 * 3 + 61)" },
];

describe("the annotation preview says what a real Prometheus says", () => {
  let demo: DemoPrometheus;
  let dir = "";

  beforeAll(async () => {
    dir = makeTempDir("obsforge-annotations");
    const rules = {
      groups: [
        {
          name: "annotation preview",
          interval: "1s",
          rules: RULES.map((r) => ({
            ...r,
            labels: { team: "{{ $labels.job }}-team" },
            annotations: ANNOTATIONS,
          })),
        },
      ],
    };
    demo = await startDemoPrometheus({
      hours: 1,
      dir,
      live: false,
      ruleFiles: [{ path: "prometheus/rules/annotations.yml", content: stringify(rules) }],
    });
  });
  afterAll(async () => {
    await demo?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("renders each firing alert's annotations byte for byte as Prometheus did", async () => {
    const firing = await waitFor(
      async () => {
        const answer = await alerts(demo.url);
        const names = new Set(answer.data.alerts.map((a) => a.labels.alertname));
        return RULES.every((r) => names.has(r.alert)) ? answer.data.alerts : undefined;
      },
      60_000,
      () => "every rule to fire",
    );
    const small = JSON.parse(
      readFileSync(path.join(import.meta.dirname, "../../generate/testdata/small.model.json"), "utf8"),
    );
    small.datasources[0].url = demo.url;
    const project = parseProject(small);
    let compared = 0;
    for (const alert of firing) {
      const rule = RULES.find((r) => r.alert === alert.labels.alertname);
      if (!rule) continue;
      const preview = await previewAnnotations(
        project,
        { rule: { ...rule, labels: { team: "{{ $labels.job }}-team" }, annotations: ANNOTATIONS } },
        { OBSFORGE_DEMO_PROMETHEUS_URL: undefined },
      );
      // The alert's labels are the series' without __name__, plus the rule's rendered labels.
      const selected = preview.series.find((s) =>
        Object.entries(s.labels).every(([k, v]) => k === "__name__" || alert.labels[k] === v),
      );
      expect(selected, `series of ${rule.alert}`).toBeDefined();
      const again = await previewAnnotations(
        project,
        {
          rule: { ...rule, labels: { team: "{{ $labels.job }}-team" }, annotations: ANNOTATIONS },
          series: selected?.labels,
        },
        { OBSFORGE_DEMO_PROMETHEUS_URL: undefined },
      );
      const rendered = Object.fromEntries(again.annotations.map((a) => [a.key, a.text]));
      expect(rendered, rule.alert).toEqual(alert.annotations);
      expect(again.labels.map((l) => l.text)).toEqual([alert.labels.team]);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(RULES.length);
  });
});
