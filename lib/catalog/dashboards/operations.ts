import type { Dashboard } from "../../model";
import type { CatalogContext } from "../context";
import {
  dashboard,
  promTarget,
  reverseTrafficLight,
  row,
  targets,
  thresholds,
  trafficLight,
} from "../factories";
import type { DashboardEntry } from "../types";
import {
  appMatchers,
  appQuantile,
  appRate,
  byVersion,
  instanceVariable,
  requiresMetrics,
  tableLegend,
} from "./shared";

/** Seed 003, Phase 20 "Operations Overview": the first dashboard an operator opens. */

function errorCounter(context: CatalogContext): string {
  return byVersion(context, {
    v2: "fraiseql_graphql_queries_error",
    v1: "fraiseql_graphql_queries_errors_total",
  });
}

function cacheCounters(context: CatalogContext): { hits: string; misses: string } {
  return byVersion(context, {
    v2: { hits: "fraiseql_cache_hits", misses: "fraiseql_cache_misses" },
    v1: { hits: "fraiseql_cache_hits_total", misses: "fraiseql_cache_misses_total" },
  });
}

function build(context: CatalogContext): Dashboard {
  const app = appMatchers(context);
  const cache = cacheCounters(context);
  const httpBuckets = "fraiseql_http_request_duration_seconds_bucket";
  return dashboard({
    uid: "fraiseql-operations",
    title: "Operations Overview",
    description: "Request rate, latency, errors and operation mix of the FraiseQL API.",
    tags: ["fraiseql", "graphql", "operations"],
    catalogId: "operations",
    variables: [instanceVariable(context)],
    panels: [
      row("Overview"),
      {
        type: "stat",
        title: "Request rate",
        description: "HTTP requests per second served by the selected instances.",
        unit: "reqps",
        decimals: 1,
        targets: [promTarget(appRate(context, "fraiseql_http_requests_total"), "requests/s")],
      },
      {
        type: "stat",
        title: "Error rate",
        description: "Share of GraphQL operations that failed (parse, validation or execution errors).",
        unit: "percentunit",
        decimals: 2,
        thresholds: trafficLight(0.01, 0.05),
        colorMode: "background",
        targets: [
          promTarget(
            `${appRate(context, errorCounter(context))} / ${appRate(context, "fraiseql_graphql_queries_total")}`,
            "error rate",
          ),
        ],
      },
      {
        type: "stat",
        title: "Average query complexity",
        description: byVersion(context, {
          v2: "Estimated cost per GraphQL operation: the growth of fraiseql_graphql_queries_cost_total over the number of operations.",
          v1: requiresMetrics(
            ["fraiseql_graphql_queries_cost_total"],
            "FraiseQL v1 does not score query complexity; v2 exposes this counter.",
          ),
        }),
        unit: "short",
        decimals: 1,
        graphMode: "area",
        targets: [
          promTarget(
            `${appRate(context, "fraiseql_graphql_queries_cost_total")} / ${appRate(context, "fraiseql_graphql_queries_total")}`,
            "cost per operation",
          ),
        ],
      },
      {
        type: "stat",
        title: "Cache hit rate",
        description: byVersion(context, {
          v2: "Query-result cache. FraiseQL v2 exposes fraiseql_cache_hits and fraiseql_cache_misses but nothing increments them yet, so this shows no data; the real hit counts are served as JSON at /api/v1/admin/cache/stats.",
          v1: "Cache hits over lookups. FraiseQL v1 counts them only when the application calls record_cache_hit / record_cache_miss.",
        }),
        unit: "percentunit",
        decimals: 1,
        min: 0,
        max: 1,
        thresholds: reverseTrafficLight(0.5, 0.75),
        targets: [
          promTarget(
            `${appRate(context, cache.hits)} / (${appRate(context, cache.hits)} + ${appRate(context, cache.misses)})`,
            "hit rate",
          ),
        ],
      },

      row("Latency"),
      {
        type: "timeseries",
        title: "Request latency (P50 / P95 / P99)",
        description:
          "HTTP request duration quantiles from the fraiseql_http_request_duration_seconds histogram.",
        unit: "s",
        decimals: 3,
        legend: tableLegend(),
        thresholds: trafficLight(0.5, 1),
        targets: targets(
          promTarget(appQuantile(context, 0.5, httpBuckets), "P50"),
          promTarget(appQuantile(context, 0.95, httpBuckets), "P95"),
          promTarget(appQuantile(context, 0.99, httpBuckets), "P99"),
        ),
      },
      {
        type: "heatmap",
        title: "Request latency distribution",
        description: "Requests per latency bucket over time.",
        unit: "s",
        targets: [
          promTarget(`sum by (le) (increase(${httpBuckets}{${app}}[$__rate_interval]))`, "{{le}}", {
            format: "heatmap",
          }),
        ],
      },

      row("Operations"),
      {
        type: "timeseries",
        title: "Throughput",
        description: "GraphQL operations, HTTP requests and failed operations per second.",
        unit: "reqps",
        legend: tableLegend(),
        targets: targets(
          promTarget(appRate(context, "fraiseql_graphql_queries_total"), "GraphQL operations"),
          promTarget(appRate(context, "fraiseql_http_requests_total"), "HTTP requests"),
          promTarget(appRate(context, errorCounter(context)), "failed operations"),
        ),
      },
      {
        type: "bargauge",
        title: "Top operations",
        description: byVersion(context, {
          v2: "Operations by request count over the selected range, by GraphQL operationName (anonymous operations count as __anonymous__).",
          v1: "Operations by request count over the selected range, by the name of the resolver decorated with @with_metrics.",
        }),
        unit: "short",
        decimals: 0,
        thresholds: thresholds("blue"),
        targets: [
          byVersion(context, {
            v2: promTarget(
              `topk(10, sum by (operation) (increase(fraiseql_query_duration_seconds_count{${app}}[$__range])))`,
              "{{operation}}",
              { instant: true },
            ),
            v1: promTarget(
              `topk(10, sum by (operation_name) (increase(fraiseql_graphql_queries_total{${app}}[$__range])))`,
              "{{operation_name}}",
              { instant: true },
            ),
          }),
        ],
      },
      {
        type: "timeseries",
        title: "Operation type distribution",
        description: byVersion(context, {
          v2: "Queries, mutations and subscriptions per second. Requires the application to expose an `operation_type` label on `fraiseql_graphql_queries_total`: FraiseQL v2 has no operation-type label, so this shows one unlabelled series.",
          v1: "Queries and mutations per second, by the operation_type given to @with_metrics.",
        }),
        unit: "reqps",
        stacking: "normal",
        fillOpacity: 40,
        targets: [
          promTarget(
            appRate(context, "fraiseql_graphql_queries_total", { by: "operation_type" }),
            "{{operation_type}}",
          ),
        ],
      },
      {
        type: "bargauge",
        title: "Execution mode breakdown",
        description: requiresMetrics(
          ["fraiseql_execution_mode_total"],
          "with a `mode` label (rust, python, apq, passthrough). No FraiseQL version has an execution-mode metric: v1 reports turbo/passthrough/normal counts only as JSON at /graphql/metrics outside production, and v2 runs every operation in Rust.",
        ),
        unit: "short",
        decimals: 0,
        orientation: "horizontal",
        targets: [
          promTarget(
            `sum by (mode) (increase(fraiseql_execution_mode_total{${app}}[$__range]))`,
            "{{mode}}",
            { instant: true },
          ),
        ],
      },
    ],
  });
}

export const operationsDashboard: DashboardEntry = {
  id: "operations",
  title: "Operations Overview",
  description:
    "Request rate, P50/P95/P99 latency, error rate, top operations, operation types, execution modes, query complexity and cache hit rate.",
  source: "seed-003",
  level: "basic",
  datasources: ["prometheus"],
  build,
};
