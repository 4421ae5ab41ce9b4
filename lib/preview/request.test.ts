import { describe, expect, it } from "vitest";
import { interpolatePromql } from "./interpolate";
import { parsePreviewParams, variablesFromParams } from "./request";

const context = { intervalMs: 15_000, rangeMs: 3_600_000, scrapeIntervalMs: 15_000 };

describe("variablesFromParams", () => {
  it("reads var- selections, and an allValue- beside All as Grafana's custom all value", () => {
    const raw = {
      query: ['up{job=~"$job", instance=~"$instance", env="$env"}'],
      "var-job": ["$__all"],
      "allValue-job": [".+"],
      "var-instance": ["a:1", "b:2"],
      "var-env": ["prod"],
    };
    const variables = variablesFromParams(raw);
    expect(interpolatePromql(raw.query[0] ?? "", { ...context, variables })).toBe(
      'up{job=~".+", instance=~"(a:1|b:2)", env="prod"}',
    );
    // Without it, All of a variable whose values the server does not know matches anything.
    const plain = variablesFromParams({ "var-job": ["$__all"] });
    expect(interpolatePromql('up{job=~"$job"}', { ...context, variables: plain })).toBe('up{job=~".*"}');
  });

  it("takes allValue- parameters as the preview's own, not Prometheus's", () => {
    const parsed = parsePreviewParams(
      { kind: "query" },
      { query: ['up{job=~"$job"}'], "var-job": ["$__all"], "allValue-job": [".+"] },
    );
    expect(parsed).toMatchObject({ kind: "query", params: { query: 'up{job=~"$job"}' } });
    expect(() => parsePreviewParams({ kind: "query" }, { query: ["up"], other: ["x"] })).toThrow();
  });
});
