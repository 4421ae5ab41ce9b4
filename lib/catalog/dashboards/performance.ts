import type { Dashboard } from "../../model";
import type { CatalogContext } from "../context";
import { dashboard, promTarget, targets, thresholds, trafficLight } from "../factories";
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

/**
 * Seed 000's "FraiseQL Performance" dashboard, panel for panel, with the seed's metric names
 * replaced by the ones FraiseQL exposes where one exists. Like the seed, queries select the job
 * through a hidden constant `$job`.
 */

function build(base: CatalogContext): Dashboard {
  // Route every matcher through `$job` so the dashboard can be re-pointed by editing one constant.
  const context: CatalogContext = { ...base, appJob: "$job" };
  const app = appMatchers(context);
  const rustBuckets = "fraiseql_rust_jsonb_duration_seconds_bucket";
  return dashboard({
    uid: "fraiseql-performance",
    title: `${base.appName} - FraiseQL Performance`,
    description: "FraiseQL throughput, errors, connection pool and query performance (seed 000).",
    tags: ["fraiseql", "graphql", "performance"],
    catalogId: "performance",
    variables: [
      { type: "constant", name: "job", label: "Job", value: base.appJob, hide: true },
      instanceVariable(context),
    ],
    panels: [
      {
        type: "timeseries",
        title: "Rust JSONB Processing Time",
        description: requiresMetrics(
          ["fraiseql_rust_jsonb_duration_seconds"],
          "as a histogram of the time Rust spends turning JSONB rows into the HTTP response (the seed expects it 7-10x faster than Python). No FraiseQL version exposes it.",
        ),
        unit: "s",
        decimals: 4,
        legend: tableLegend(),
        targets: targets(
          promTarget(appQuantile(context, 0.95, rustBuckets), "P95 Rust processing"),
          promTarget(appQuantile(context, 0.5, rustBuckets), "P50 Rust processing"),
        ),
      },
      {
        type: "timeseries",
        title: "GraphQL Queries/sec",
        description: byVersion(context, {
          v2: `GraphQL operations per second. ${requiresMetrics(
            ["fraiseql_graphql_mutations_total"],
            "for the mutation line: FraiseQL v2 counts queries and mutations together in fraiseql_graphql_queries_total (v1 exposes this counter).",
          )}`,
          v1: "GraphQL queries and mutations per second (fed by the @with_metrics decorator).",
        }),
        unit: "ops",
        legend: tableLegend(),
        targets: targets(
          promTarget(appRate(context, "fraiseql_graphql_queries_total"), "Queries/sec"),
          promTarget(appRate(context, "fraiseql_graphql_mutations_total"), "Mutations/sec"),
        ),
      },
      {
        type: "timeseries",
        title: "GraphQL Error Rate",
        description: "Share of GraphQL operations that failed. The seed alerts above 5%.",
        unit: "percentunit",
        decimals: 2,
        min: 0,
        thresholds: trafficLight(0.01, 0.05),
        targets: [
          promTarget(
            `${appRate(
              context,
              byVersion(context, {
                v2: "fraiseql_graphql_queries_error",
                v1: "fraiseql_graphql_queries_errors_total",
              }),
            )} / ${appRate(context, "fraiseql_graphql_queries_total")}`,
            "Error Rate",
          ),
        ],
      },
      {
        type: "timeseries",
        title: "Database Connection Pool",
        description: byVersion(context, {
          v2: "Connections of the server's pool. FraiseQL exposes the pool size, not PostgreSQL's max_connections (see the PostgreSQL dashboard).",
          v1: "Connections of the pool (set only when the application calls update_db_connections).",
        }),
        unit: "short",
        decimals: 0,
        legend: tableLegend(["mean", "max", "lastNotNull"]),
        targets: byVersion(context, {
          v2: targets(
            promTarget(`sum(fraiseql_db_pool_connections_active{${app}})`, "Active Connections"),
            promTarget(`sum(fraiseql_db_pool_connections_idle{${app}})`, "Idle Connections"),
            promTarget(`sum(fraiseql_db_pool_connections_total{${app}})`, "Pool Size"),
            promTarget(`sum(fraiseql_db_pool_requests_waiting{${app}})`, "Waiting Requests"),
          ),
          v1: targets(
            promTarget(`sum(fraiseql_db_connections_active{${app}})`, "Active Connections"),
            promTarget(`sum(fraiseql_db_connections_idle{${app}})`, "Idle Connections"),
            promTarget(`sum(fraiseql_db_connections_total{${app}})`, "Pool Size"),
          ),
        }),
      },
      {
        type: "timeseries",
        title: "JSONB Query Performance",
        description: byVersion(context, {
          v2: "Performance of PostgreSQL JSONB view queries. FraiseQL v2 renders the fraiseql_database_query_duration_seconds histogram but never observes it, so P95 stays empty; the average is fraiseql_database_query_duration_ms, a lifetime average of whole requests.",
          v1: "Performance of PostgreSQL JSONB view queries (query_type jsonb of fraiseql_db_query_duration_seconds, fed when the application calls record_db_query).",
        }),
        unit: "s",
        decimals: 4,
        thresholds: trafficLight(0.1, 0.5),
        targets: byVersion(context, {
          v2: targets(
            promTarget(
              appQuantile(context, 0.95, "fraiseql_database_query_duration_seconds_bucket"),
              "P95 JSONB Query",
            ),
            promTarget(`avg(fraiseql_database_query_duration_ms{${app}}) / 1000`, "Average (lifetime)"),
          ),
          v1: [
            promTarget(
              `histogram_quantile(0.95, ${appRate(context, "fraiseql_db_query_duration_seconds_bucket", { by: "le", extra: ['query_type="jsonb"'] })})`,
              "P95 JSONB Query",
            ),
          ],
        }),
      },
      {
        type: "timeseries",
        title: "GraphQL Query Depth",
        description: requiresMetrics(
          ["fraiseql_graphql_query_depth"],
          "the average depth of incoming queries; high values may indicate malicious queries (the seed alerts above 15). No FraiseQL version exposes it.",
        ),
        unit: "short",
        decimals: 1,
        thresholds: thresholds("green", [15, "red"]),
        targets: [promTarget(`avg(fraiseql_graphql_query_depth{${app}})`, "Query Depth")],
      },
    ],
  });
}

export const performanceDashboard: DashboardEntry = {
  id: "performance",
  title: "FraiseQL Performance",
  description:
    "Seed 000's FraiseQL dashboard: Rust JSONB processing time, queries and mutations per second, error rate, connection pool, JSONB query performance and query depth.",
  source: "seed-000",
  level: "basic",
  datasources: ["prometheus"],
  build,
};
