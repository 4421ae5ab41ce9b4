import { describe, expect, it } from "vitest";
import type { PreviewSeries } from "./annotation-preview-schemas";
import { parseSampleValue, previewRuleTemplates } from "./preview";

const SERIES: Record<string, PreviewSeries[]> = {
  "up == 0": [
    { labels: { job: "api", instance: "a:1" }, value: "0" },
    { labels: { job: "db", instance: "b:2" }, value: "0" },
  ],
  'count(up{job="db"})': [{ labels: {}, value: "3" }],
  "count(up)": [{ labels: {}, value: "7" }],
};

function fakeQuery(asked: string[]) {
  return async (expr: string) => {
    asked.push(expr);
    if (expr === "broken(") throw new Error("1:8: parse error: unclosed left parenthesis");
    const raw = SERIES[expr] ?? [];
    return { raw, samples: raw.map((s) => ({ labels: s.labels, value: parseSampleValue(s.value) })) };
  };
}

describe("previewRuleTemplates", () => {
  it("renders for the chosen series and answers queries, even ones built from other query results", async () => {
    const asked: string[] = [];
    const preview = await previewRuleTemplates({
      rule: {
        alert: "Down",
        expr: "up == 0",
        labels: { owner: "{{ $labels.job }}-team" },
        annotations: {
          summary: "{{ $labels.instance }} is down ({{ $value }})",
          peers:
            '{{ with query (printf "count(up{job=%q})" $labels.job) }}{{ . | first | value }}{{ end }} of {{ query "count(up)" | first | value }}',
          broken: '{{ query "broken(" }}',
          parse: "{{ $labels.job }",
        },
      },
      series: { job: "db", instance: "b:2" },
      time: 1700000000,
      query: fakeQuery(asked),
    });
    expect(preview.selected).toBe(1);
    expect(preview.seriesTotal).toBe(2);
    expect(preview.labels).toEqual([
      { key: "owner", template: "{{ $labels.job }}-team", ok: true, text: "db-team" },
    ]);
    const byKey = Object.fromEntries(preview.annotations.map((a) => [a.key, a]));
    expect(byKey.summary?.text).toBe("b:2 is down (0)");
    expect(byKey.peers?.text).toBe("3 of 7");
    expect(byKey.broken?.ok).toBe(false);
    expect(byKey.broken?.stage).toBe("execute");
    expect(byKey.broken?.text).toContain("error calling query: 1:8: parse error: unclosed left parenthesis");
    expect(byKey.parse).toMatchObject({
      ok: false,
      stage: "parse",
      error: 'error parsing template __alert_Down: template: __alert_Down:1: unexpected "}" in operand',
    });
    expect(asked.filter((q) => q === "count(up)")).toHaveLength(1);
    expect(preview.queries.map((q) => q.expr).sort()).toEqual([
      "broken(",
      "count(up)",
      'count(up{job="db"})',
    ]);
  });

  it("renders for an empty series when the expression returns nothing, so errors still show", async () => {
    const preview = await previewRuleTemplates({
      rule: {
        alert: "Never",
        expr: "absent_metric",
        labels: {},
        annotations: { s: "{{ $labels }} {{ $value }}" },
      },
      time: 0,
      query: fakeQuery([]),
    });
    expect(preview.selected).toBeNull();
    expect(preview.annotations[0]?.text).toBe("map[] 0");
  });

  it("reads Prometheus's special sample values", () => {
    expect(parseSampleValue("+Inf")).toBe(Number.POSITIVE_INFINITY);
    expect(parseSampleValue("-Inf")).toBe(Number.NEGATIVE_INFINITY);
    expect(parseSampleValue("NaN")).toBeNaN();
    expect(parseSampleValue("1e+21")).toBe(1e21);
  });
});
