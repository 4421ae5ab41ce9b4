import type { Dashboard } from "../../model";
import type { CatalogContext } from "../context";
import { dashboard, promTarget, row, targets, thresholds, trafficLight } from "../factories";
import type { DashboardEntry } from "../types";
import {
  appMatchers,
  appQuantile,
  appRate,
  byVersion,
  instanceVariable,
  postgresTarget,
  requiresMetrics,
  tableLegend,
} from "./shared";

/** Seed 003, Phase 20 "Database Health": the application's connection pool and its SQL. */

interface PoolGauges {
  active: string;
  idle: string;
  total: string;
}

function poolGauges(context: CatalogContext): PoolGauges {
  return byVersion(context, {
    v2: {
      active: "fraiseql_db_pool_connections_active",
      idle: "fraiseql_db_pool_connections_idle",
      total: "fraiseql_db_pool_connections_total",
    },
    v1: {
      active: "fraiseql_db_connections_active",
      idle: "fraiseql_db_connections_idle",
      total: "fraiseql_db_connections_total",
    },
  });
}

/**
 * The latency histogram that is actually fed: v2 renders fraiseql_database_query_duration_seconds
 * but never observes it, so v2 panels use the per-operation histogram instead.
 */
function latencyHistogram(context: CatalogContext): string {
  return byVersion(context, {
    v2: "fraiseql_query_duration_seconds",
    v1: "fraiseql_db_query_duration_seconds",
  });
}

const V2_LATENCY_NOTE =
  "FraiseQL v2 renders fraiseql_database_query_duration_seconds but never observes it, so this uses fraiseql_query_duration_seconds: the time of whole GraphQL operations, each of which runs its SQL.";

const TOP_STATEMENTS_SQL = `SELECT
  left(query, 200) AS query,
  calls,
  round(mean_exec_time::numeric, 2) AS mean_ms,
  round(max_exec_time::numeric, 2) AS max_ms,
  round(total_exec_time::numeric) AS total_ms,
  rows
FROM pg_stat_statements
WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY mean_exec_time DESC
LIMIT 10`;

function build(context: CatalogContext): Dashboard {
  const app = appMatchers(context);
  const pool = poolGauges(context);
  const histogram = latencyHistogram(context);
  const poolNote = byVersion(context, {
    v2: "Sampled live from the server's connection pool.",
    v1: "FraiseQL v1 sets these gauges only when the application calls update_db_connections.",
  });
  return dashboard({
    uid: "fraiseql-database",
    title: "Database Health",
    description:
      "Connection pool, query latency, slow statements and transactions of the application's database.",
    tags: ["fraiseql", "database", "postgresql"],
    catalogId: "database",
    variables: [instanceVariable(context)],
    panels: [
      row("Connection pool"),
      {
        type: "gauge",
        title: "Connection pool utilization",
        description: `Connections in use over the pool size. ${poolNote}`,
        unit: "percentunit",
        decimals: 1,
        min: 0,
        max: 1,
        thresholds: trafficLight(0.75, 0.9),
        w: 6,
        h: 8,
        targets: [promTarget(`sum(${pool.active}{${app}}) / sum(${pool.total}{${app}})`, "utilization")],
      },
      {
        type: "timeseries",
        title: "Active vs idle connections",
        description: poolNote,
        unit: "short",
        decimals: 0,
        w: 9,
        legend: tableLegend(["mean", "max", "lastNotNull"]),
        targets: targets(
          promTarget(`sum(${pool.active}{${app}})`, "active"),
          promTarget(`sum(${pool.idle}{${app}})`, "idle"),
          promTarget(`sum(${pool.total}{${app}})`, "pool size"),
          ...byVersion(context, {
            v2: [promTarget(`sum(fraiseql_db_pool_requests_waiting{${app}})`, "waiting for a connection")],
            v1: [],
          }),
        ),
      },
      {
        type: "timeseries",
        title: "Connection wait latency",
        description: requiresMetrics(
          ["fraiseql_db_pool_wait_duration_seconds"],
          byVersion(context, {
            v2: "as a histogram of time spent waiting for a pooled connection. FraiseQL v2 exposes only how many requests are waiting (fraiseql_db_pool_requests_waiting, in the panel to the left).",
            v1: "as a histogram of time spent waiting for a pooled connection. FraiseQL v1 does not time pool checkouts.",
          }),
        ),
        unit: "s",
        decimals: 3,
        w: 9,
        targets: targets(
          promTarget(appQuantile(context, 0.5, "fraiseql_db_pool_wait_duration_seconds_bucket"), "P50"),
          promTarget(appQuantile(context, 0.95, "fraiseql_db_pool_wait_duration_seconds_bucket"), "P95"),
        ),
      },

      row("Queries"),
      {
        type: "stat",
        title: "Slow queries (>100 ms)",
        description: byVersion(context, {
          v2: `Queries slower than 100 ms in the selected range. ${V2_LATENCY_NOTE}`,
          v1: "Database queries slower than 100 ms in the selected range, from fraiseql_db_query_duration_seconds (fed when the application calls record_db_query).",
        }),
        unit: "short",
        decimals: 0,
        thresholds: trafficLight(10, 100),
        w: 6,
        h: 8,
        targets: [
          promTarget(
            `sum(increase(${histogram}_count{${app}}[$__range])) - sum(increase(${histogram}_bucket{${appMatchers(context, 'le="0.1"')}}[$__range]))`,
            "slow queries",
            { instant: true },
          ),
        ],
      },
      {
        type: "stat",
        title: "Rollback rate",
        description:
          "Share of transactions rolled back, from postgres_exporter (every database on the server). Application errors inside a transaction show up here.",
        unit: "percentunit",
        decimals: 2,
        thresholds: trafficLight(0.01, 0.05),
        w: 6,
        h: 8,
        targets: [
          promTarget(
            "sum(rate(pg_stat_database_xact_rollback[$__rate_interval])) / (sum(rate(pg_stat_database_xact_commit[$__rate_interval])) + sum(rate(pg_stat_database_xact_rollback[$__rate_interval])))",
            "rollback rate",
          ),
        ],
      },
      {
        type: "timeseries",
        title: "Database query rate",
        description: byVersion(context, {
          v2: "FraiseQL v2 counts one database query per successful GraphQL request (fraiseql_database_queries_total), not one per SQL statement.",
          v1: "Database queries per second by query type (fed when the application calls record_db_query).",
        }),
        unit: "ops",
        w: 12,
        h: 8,
        targets: [
          byVersion(context, {
            v2: promTarget(appRate(context, "fraiseql_database_queries_total"), "queries/s"),
            v1: promTarget(
              appRate(context, "fraiseql_db_queries_total", { by: "query_type" }),
              "{{query_type}}",
            ),
          }),
        ],
      },

      row("Latency"),
      {
        type: "heatmap",
        title: "Query latency distribution",
        description: byVersion(context, {
          v2: V2_LATENCY_NOTE,
          v1: "Database queries per latency bucket, from fraiseql_db_query_duration_seconds.",
        }),
        unit: "s",
        targets: [
          promTarget(`sum by (le) (increase(${histogram}_bucket{${app}}[$__rate_interval]))`, "{{le}}", {
            format: "heatmap",
          }),
        ],
      },
      {
        type: "timeseries",
        title: "Transaction duration (P50 / P95 / P99)",
        description: requiresMetrics(
          ["fraiseql_db_transaction_duration_seconds"],
          "as a histogram; no FraiseQL version times transactions. The longest open transaction comes from postgres_exporter and is real.",
        ),
        unit: "s",
        decimals: 3,
        legend: tableLegend(),
        targets: targets(
          promTarget(appQuantile(context, 0.5, "fraiseql_db_transaction_duration_seconds_bucket"), "P50"),
          promTarget(appQuantile(context, 0.95, "fraiseql_db_transaction_duration_seconds_bucket"), "P95"),
          promTarget(appQuantile(context, 0.99, "fraiseql_db_transaction_duration_seconds_bucket"), "P99"),
          promTarget(
            'max(pg_stat_activity_max_tx_duration{datname!~"template.*"})',
            "longest open transaction",
          ),
        ),
      },

      row("Statements"),
      {
        type: "bargauge",
        title: "Query execution time breakdown",
        description: byVersion(context, {
          v2: "Cumulative execution time of the most expensive statements, from pg_stat_statements through fraiseql_db_query_exec_seconds (FraiseQL v2 reports the top 5; absent without the extension).",
          v1: "Time spent in database queries over the selected range, by query type.",
        }),
        unit: "s",
        decimals: 2,
        thresholds: thresholds("blue"),
        w: 10,
        h: 9,
        targets: [
          byVersion(context, {
            v2: promTarget(
              `topk(5, max by (queryid, query) (fraiseql_db_query_exec_seconds{${app}}))`,
              "{{query}}",
              { instant: true },
            ),
            v1: promTarget(
              `sum by (query_type) (increase(fraiseql_db_query_duration_seconds_sum{${app}}[$__range]))`,
              "{{query_type}}",
              { instant: true },
            ),
          }),
        ],
      },
      {
        type: "table",
        title: "Top slow queries",
        description:
          "Statements with the highest mean execution time since pg_stat_statements was last reset. Needs the pg_stat_statements extension (PostgreSQL 13+ column names) and the pg_read_all_stats role for Grafana's database user.",
        datasource: context.postgresUid,
        w: 14,
        h: 9,
        sortBy: [{ displayName: "mean_ms", desc: true }],
        targets: [postgresTarget(context, TOP_STATEMENTS_SQL)],
      },
    ],
  });
}

export const databaseDashboard: DashboardEntry = {
  id: "database",
  title: "Database Health",
  description:
    "Pool utilization, active vs idle connections, connection wait, slow queries, top slow statements, transaction duration, rollback rate and execution time breakdown.",
  source: "seed-003",
  level: "standard",
  datasources: ["prometheus", "postgres"],
  build,
};
