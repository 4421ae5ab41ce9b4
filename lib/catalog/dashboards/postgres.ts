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
import { prometheusLabelVariable, tableLegend } from "./shared";

/**
 * Seed 000's PostgreSQL dashboard, built on postgres_exporter's default collectors. It does not
 * depend on the FraiseQL version.
 */

const SERVER = 'instance=~"$instance"';
const DATABASE = `${SERVER},datname=~"$datname"`;

function cacheHitRatio(by = ""): string {
  const grouping = by ? ` by (${by}) ` : "";
  const hit = `sum${grouping}(rate(pg_stat_database_blks_hit{${DATABASE}}[$__rate_interval]))`;
  const read = `sum${grouping}(rate(pg_stat_database_blks_read{${DATABASE}}[$__rate_interval]))`;
  return `${hit} / (${hit} + ${read})`;
}

function build(context: CatalogContext): Dashboard {
  return dashboard({
    uid: "fraiseql-postgres",
    title: "PostgreSQL",
    description:
      "Availability, connections, transactions, cache, locks, size and replication of PostgreSQL (postgres_exporter).",
    tags: ["fraiseql", "postgresql", "database"],
    catalogId: "postgres",
    variables: [
      prometheusLabelVariable(context, "instance", "Server", "label_values(pg_up, instance)"),
      prometheusLabelVariable(
        context,
        "datname",
        "Database",
        'label_values(pg_stat_database_numbackends{instance=~"$instance",datname!~"template.*"}, datname)',
      ),
    ],
    panels: [
      row("Overview"),
      {
        type: "stat",
        title: "PostgreSQL up",
        description: "1 when postgres_exporter can connect to every selected server (pg_up).",
        unit: "none",
        decimals: 0,
        colorMode: "background",
        graphMode: "none",
        thresholds: thresholds("red", [1, "green"]),
        targets: [promTarget(`min(pg_up{${SERVER}})`, "up")],
      },
      {
        type: "gauge",
        title: "Connections used",
        description: "Backends connected over max_connections, for the busiest selected server.",
        unit: "percentunit",
        decimals: 1,
        min: 0,
        max: 1,
        thresholds: trafficLight(0.75, 0.9),
        h: 4,
        targets: [
          promTarget(
            `max(sum by (instance) (pg_stat_database_numbackends{${SERVER}}) / on (instance) max by (instance) (pg_settings_max_connections{${SERVER}}))`,
            "connections used",
          ),
        ],
      },
      {
        type: "stat",
        title: "Buffer cache hit ratio",
        description:
          "Blocks found in shared buffers over blocks requested (blks_hit / (blks_hit + blks_read)).",
        unit: "percentunit",
        decimals: 2,
        thresholds: reverseTrafficLight(0.9, 0.99),
        targets: [promTarget(cacheHitRatio(), "hit ratio")],
      },
      {
        type: "stat",
        title: "Database size",
        description: "Disk space used by the selected databases.",
        unit: "bytes",
        decimals: 1,
        targets: [promTarget(`sum(pg_database_size_bytes{${DATABASE}})`, "size")],
      },

      row("Connections"),
      {
        type: "timeseries",
        title: "Connections vs max_connections",
        unit: "short",
        decimals: 0,
        legend: tableLegend(["mean", "max", "lastNotNull"]),
        targets: targets(
          promTarget(
            `sum by (instance) (pg_stat_database_numbackends{${SERVER}})`,
            "{{instance}} connections",
          ),
          promTarget(
            `max by (instance) (pg_settings_max_connections{${SERVER}})`,
            "{{instance}} max_connections",
          ),
        ),
      },
      {
        type: "timeseries",
        title: "Connections by state",
        description: "Backends by state; many 'idle in transaction' connections hold locks and block vacuum.",
        unit: "short",
        decimals: 0,
        stacking: "normal",
        fillOpacity: 40,
        targets: [promTarget(`sum by (state) (pg_stat_activity_count{${DATABASE}})`, "{{state}}")],
      },

      row("Throughput"),
      {
        type: "timeseries",
        title: "Transactions",
        description: "Commits and rollbacks per second.",
        unit: "ops",
        legend: tableLegend(),
        targets: targets(
          promTarget(`sum(rate(pg_stat_database_xact_commit{${DATABASE}}[$__rate_interval]))`, "commits"),
          promTarget(`sum(rate(pg_stat_database_xact_rollback{${DATABASE}}[$__rate_interval]))`, "rollbacks"),
        ),
      },
      {
        type: "timeseries",
        title: "Rows",
        description: "Rows fetched, inserted, updated and deleted per second.",
        unit: "short",
        targets: targets(
          promTarget(`sum(rate(pg_stat_database_tup_fetched{${DATABASE}}[$__rate_interval]))`, "fetched"),
          promTarget(`sum(rate(pg_stat_database_tup_inserted{${DATABASE}}[$__rate_interval]))`, "inserted"),
          promTarget(`sum(rate(pg_stat_database_tup_updated{${DATABASE}}[$__rate_interval]))`, "updated"),
          promTarget(`sum(rate(pg_stat_database_tup_deleted{${DATABASE}}[$__rate_interval]))`, "deleted"),
        ),
      },
      {
        type: "timeseries",
        title: "Cache hit ratio by database",
        unit: "percentunit",
        decimals: 2,
        max: 1,
        thresholds: reverseTrafficLight(0.9, 0.99),
        targets: [promTarget(cacheHitRatio("datname"), "{{datname}}")],
      },
      {
        type: "timeseries",
        title: "Longest running transaction",
        description:
          "Age of the oldest open transaction per database; long ones block vacuum and hold locks.",
        unit: "s",
        thresholds: trafficLight(60, 300),
        targets: [
          promTarget(`max by (datname) (pg_stat_activity_max_tx_duration{${DATABASE}})`, "{{datname}}"),
        ],
      },

      row("Contention"),
      {
        type: "timeseries",
        title: "Locks by mode",
        unit: "short",
        decimals: 0,
        stacking: "normal",
        fillOpacity: 40,
        targets: [promTarget(`sum by (mode) (pg_locks_count{${DATABASE}})`, "{{mode}}")],
      },
      {
        type: "timeseries",
        title: "Deadlocks and conflicts",
        description: "Deadlocks detected, and queries cancelled by conflicts with recovery (standbys only).",
        unit: "short",
        drawStyle: "bars",
        thresholds: thresholds("green", [1, "red"]),
        targets: targets(
          promTarget(`sum(increase(pg_stat_database_deadlocks{${DATABASE}}[$__rate_interval]))`, "deadlocks"),
          promTarget(`sum(increase(pg_stat_database_conflicts{${DATABASE}}[$__rate_interval]))`, "conflicts"),
        ),
      },

      row("Storage and replication"),
      {
        type: "timeseries",
        title: "Database size",
        unit: "bytes",
        legend: tableLegend(["min", "max", "lastNotNull"]),
        targets: [promTarget(`sum by (datname) (pg_database_size_bytes{${DATABASE}})`, "{{datname}}")],
      },
      {
        type: "timeseries",
        title: "Replication lag",
        description:
          "Seconds a standby is behind its primary (pg_replication_lag_seconds); always 0 on a primary.",
        unit: "s",
        thresholds: trafficLight(30, 300),
        targets: [promTarget(`max by (instance) (pg_replication_lag_seconds{${SERVER}})`, "{{instance}}")],
      },
    ],
  });
}

export const postgresDashboard: DashboardEntry = {
  id: "postgres",
  title: "PostgreSQL",
  description:
    "postgres_exporter: availability, connections vs max_connections, transactions, buffer cache hit ratio, deadlocks, locks, database size and replication lag.",
  source: "seed-000",
  level: "standard",
  datasources: ["prometheus"],
  build,
};
