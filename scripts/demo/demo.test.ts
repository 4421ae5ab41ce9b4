import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultCatalogContext } from "../../lib/catalog/context";
import { operationsDashboard } from "../../lib/catalog/dashboards/operations";
import { performanceDashboard } from "../../lib/catalog/dashboards/performance";
import { isServedMetric, SEED_PROPOSED_METRICS } from "../../lib/catalog/metrics";
import type { DashboardEntry } from "../../lib/catalog/types";
import { dashboardVariables, interpolatePromql } from "../../lib/preview/interpolate";
import { chooseStep } from "../../lib/preview/step";
import { query, queryRange } from "../../lib/prometheus/client";
import { metricNames } from "../../lib/promql/parse";
import { waitFor } from "../../lib/testing/processes";
import { makeTempDir } from "../../lib/tools/files";
import { type DemoPrometheus, startDemoPrometheus } from "./prometheus";

/**
 * The demo data against the catalog, with the real programs: 3 h synthesized, backfilled by
 * promtool, served by Prometheus; every query of the Operations and Performance dashboards, with
 * its Grafana variables interpolated as the preview does, must find data over the last 2 h —
 * except the queries that use a metric FraiseQL v2 does not expose, which must find none.
 */

interface CatalogQuery {
  dashboard: string;
  panel: string;
  expr: string;
  resolved: string;
}

const SCRAPE_SECONDS = 15;
const RANGE_SECONDS = 2 * 3600;

function catalogQueries(entry: DashboardEntry, stepSeconds: number): CatalogQuery[] {
  const dashboard = entry.build(defaultCatalogContext({ version: "v2" }));
  // `$instance` is "All", which the preview resolves to `.*`.
  const variables = dashboardVariables(dashboard.variables);
  expect(variables.instance).toMatchObject({ value: "$__all", allValue: ".*" });
  return dashboard.panels.flatMap((panel) =>
    "targets" in panel
      ? panel.targets.flatMap((target) =>
          target.kind === "promql"
            ? [
                {
                  dashboard: entry.id,
                  panel: panel.title,
                  expr: target.expr,
                  resolved: interpolatePromql(target.expr, {
                    variables,
                    intervalMs: stepSeconds * 1000,
                    rangeMs: RANGE_SECONDS * 1000,
                    scrapeIntervalMs: SCRAPE_SECONDS * 1000,
                  }),
                },
              ]
            : [],
        )
      : [],
  );
}

/** Metrics the catalog queries although FraiseQL v2 does not expose them. */
function unexposed(expr: string): string[] {
  return metricNames(expr).filter((name) => SEED_PROPOSED_METRICS.has(name) && !isServedMetric(name, "v2"));
}

describe("the demo Prometheus", () => {
  let demo: DemoPrometheus;
  let dir = "";

  beforeAll(async () => {
    dir = makeTempDir("obsforge-demo");
    demo = await startDemoPrometheus({ hours: 3, dir });
  });
  afterAll(async () => {
    await demo?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers every Operations and Performance query with data, except those on unexposed metrics", async () => {
    const stepSeconds = chooseStep({
      rangeSeconds: RANGE_SECONDS,
      widthPx: 1200,
      scrapeIntervalSeconds: SCRAPE_SECONDS,
    });
    const queries = [operationsDashboard, performanceDashboard].flatMap((entry) =>
      catalogQueries(entry, stepSeconds),
    );
    expect(queries.length).toBeGreaterThan(20);
    const end = Math.floor(Date.now() / 1000);
    const results = await Promise.all(
      queries.map(async (entry) => {
        expect(entry.resolved, entry.expr).not.toMatch(/\$/);
        const answer = await queryRange(demo.url, {
          query: entry.resolved,
          start: String(end - RANGE_SECONDS),
          end: String(end),
          step: String(stepSeconds),
        });
        const result = answer.data.resultType === "matrix" ? answer.data.result : [];
        return { ...entry, empty: result.every((series) => series.values.length === 0) };
      }),
    );
    const empty = results
      .filter((entry) => entry.empty)
      .map((entry) => `${entry.dashboard}: ${entry.resolved}`);
    const expectedEmpty = results
      .filter((entry) => unexposed(entry.expr).length > 0)
      .map((entry) => `${entry.dashboard}: ${entry.resolved}`);
    expect(expectedEmpty.length).toBeGreaterThan(0);
    expect(empty).toEqual(expectedEmpty);
  });

  it("keeps the series going after the backfill through the live exporter", async () => {
    const up = await waitFor(
      async () => {
        const answer = await query(demo.url, { query: 'up{job="fraiseql"} == 1' });
        return answer.data.resultType === "vector" && answer.data.result.length === 2
          ? answer.data.result
          : undefined;
      },
      40_000,
      () => "the fraiseql targets were not scraped",
    );
    expect(up.map((sample) => sample.metric.instance).sort()).toEqual(["app-1:8000", "app-2:8000"]);
    // Counters continue from the backfill instead of restarting (which rate() would see as a reset).
    const resets = await query(demo.url, { query: "sum(resets(fraiseql_graphql_queries_total[3h]))" });
    expect(resets.data).toMatchObject({
      resultType: "vector",
      result: [{ value: [expect.any(Number), "0"] }],
    });
  });
});
