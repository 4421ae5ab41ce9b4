import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoPrometheus, startDemoPrometheus } from "../../scripts/demo/prometheus";
import {
  alerts,
  labels,
  labelValues,
  metadata,
  query,
  queryRange,
  rules,
  series,
} from "../prometheus/client";
import { PreviewError } from "../prometheus/errors";
import { quickQueryAnswer } from "../prometheus/quick-check";
import { QueryResponseSchema } from "../prometheus/schemas";
import { makeTempDir } from "../tools/files";
import { fetchKnownNames } from "./known-names";
import { lintExpressions } from "./lint";

/** The client against a real Prometheus serving an hour of backfilled demo data. */

describe("the Prometheus client against the demo Prometheus", () => {
  let demo: DemoPrometheus;
  let dir = "";

  beforeAll(async () => {
    dir = makeTempDir("obsforge-client");
    // One group that never fires, so the rules API has something to list and the alerts API stays empty.
    const ruleFile = [
      "groups:",
      "  - name: client check",
      "    rules:",
      "      - alert: NeverFires",
      "        expr: vector(1) < 0",
      "        for: 5m",
      "        labels: { severity: info }",
      "      - record: job:up:count",
      "        expr: count by (job) (up)",
      "",
    ].join("\n");
    demo = await startDemoPrometheus({
      hours: 1,
      dir,
      live: false,
      ruleFiles: [{ path: "prometheus/rules/client-check.yml", content: ruleFile }],
    });
  });
  afterAll(async () => {
    await demo?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads every endpoint the preview allows", async () => {
    const end = demo.backfilledUntil;
    const instant = await query(demo.url, {
      query: 'sum by (instance) (fraiseql_db_pool_connections_total{job="fraiseql"})',
      time: String(end),
    });
    expect(instant.data).toEqual({
      resultType: "vector",
      result: [
        { metric: { instance: "app-1:8000" }, value: [end, "20"] },
        { metric: { instance: "app-2:8000" }, value: [end, "20"] },
      ],
    });
    const scalar = await query(demo.url, { query: "scalar(count(up))", time: String(end) });
    expect(scalar.data).toEqual({ resultType: "scalar", result: [end, "5"] });

    const range = await queryRange(
      demo.url,
      {
        query: "sum(rate(fraiseql_http_requests_total[1m]))",
        start: String(end - 1800),
        end: String(end),
        step: "60",
      },
      { method: "POST" },
    );
    expect(range.data.resultType).toBe("matrix");
    const values = range.data.resultType === "matrix" ? (range.data.result[0]?.values ?? []) : [];
    expect(values).toHaveLength(31);
    for (const [, value] of values) expect(Number(value)).toBeGreaterThan(5);

    const found = await series(demo.url, {
      match: ['fraiseql_query_duration_seconds_count{instance="app-1:8000"}'],
    });
    expect(found.data.map((labelSet) => labelSet.operation).sort()).toContain("__anonymous__");
    expect((await labels(demo.url)).data).toEqual(
      expect.arrayContaining(["__name__", "job", "instance", "operation", "le"]),
    );
    // Prometheus's own job appears once it has scraped itself.
    expect((await labelValues(demo.url, "job")).data).toEqual(
      expect.arrayContaining(["cadvisor", "fraiseql", "node", "postgres"]),
    );
    // Backfilled blocks carry no metadata: only scraped targets describe their metrics.
    expect(typeof (await metadata(demo.url)).data).toBe("object");
    expect((await alerts(demo.url)).data).toEqual({ alerts: [] });
    const loaded = (await rules(demo.url)).data.groups;
    expect(loaded.map((group) => group.name)).toEqual(["client check"]);
    expect(loaded[0]?.rules).toMatchObject([
      { type: "alerting", name: "NeverFires", query: "vector(1) < 0", state: "inactive", duration: 300 },
      { type: "recording", name: "job:up:count", query: "count by (job) (up)" },
    ]);
    const recordingOnly = (await rules(demo.url, { type: "record" })).data.groups[0]?.rules ?? [];
    expect(recordingOnly.map((rule) => rule.type)).toEqual(["recording"]);
  });

  it("takes Prometheus's query answers by the quick check, as the schema reads them, text and all", async () => {
    const end = demo.backfilledUntil;
    const expressions = [
      "up",
      'sum by (instance) (rate(fraiseql_http_requests_total{job="fraiseql"}[5m]))',
      "histogram_quantile(0.9, sum by (le) (rate(fraiseql_query_duration_seconds_bucket[5m])))",
      "fraiseql_query_duration_seconds_count",
      "1 / 0",
      "-1 / 0",
      "0 / 0",
      "scalar(count(up))",
      '"a string"',
      "absent(no_such_metric)",
      "no_such_metric",
      'label_replace(up, "odd", "q\\"uote ü", "", "")',
    ];
    for (const expression of expressions) {
      for (const path of [
        `/api/v1/query?time=${end}`,
        `/api/v1/query_range?start=${end - 900}&end=${end}&step=60`,
      ]) {
        if (path.includes("range") && expression.startsWith('"')) continue;
        const text = await (await fetch(`${demo.url}${path}&query=${encodeURIComponent(expression)}`)).text();
        const schema = QueryResponseSchema.parse(JSON.parse(text));
        const quick = quickQueryAnswer(JSON.parse(text));
        expect(quick, `${expression} at ${path}`).toBeDefined();
        expect(schema.status === "success" && schema.data).toEqual(quick?.data);
      }
      const range = await queryRange(demo.url, {
        query: expression.startsWith('"') ? "up" : expression,
        start: String(end - 900),
        end: String(end),
        step: "60",
      });
      expect(range.rawData, expression).toBeDefined();
      expect(JSON.parse(range.rawData ?? "null")).toEqual(range.data);
      const instant = await query(demo.url, { query: expression, time: String(end) });
      expect(JSON.parse(instant.rawData ?? "null")).toEqual(instant.data);
    }
  });

  it("passes Prometheus's own error text through", async () => {
    const error = await query(demo.url, { query: "sum(rate(up[5m])" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PreviewError);
    expect(error).toMatchObject({ kind: "prometheus", errorType: "bad_data", status: 422 });
    expect((error as Error).message).toMatch(/^Prometheus: .*parse error/);
  });

  it("lints metric names against what the demo Prometheus knows", async () => {
    const known = await fetchKnownNames(demo.url);
    const [result] = lintExpressions(
      ["rate(fraiseql_graphql_queries_totl[5m]) + fraiseql_http_requests_total"],
      known.names,
    );
    expect(result?.unknown).toEqual([
      {
        name: "fraiseql_graphql_queries_totl",
        suggestions: expect.arrayContaining(["fraiseql_graphql_queries_total"]),
      },
    ]);
    expect(result?.unknown[0]?.suggestions[0]).toBe("fraiseql_graphql_queries_total");
  });
});
