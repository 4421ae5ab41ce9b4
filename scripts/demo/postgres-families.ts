import { appActivity, BOOT_TIME_AGO, counter, GIB, gauge, POSTGRES } from "./exporter-helpers";
import { cumulative, type MetricFamily } from "./openmetrics";
import { stochasticRound } from "./random";
import { APP_INSTANCES, type DemoWorld } from "./world";

/** postgres_exporter on the application's database: pg_up, settings, pg_stat_database, activity, locks. */

const DATABASES = [
  { datid: "16384", datname: "app", share: 1, size: 6.4 * GIB, growth: 2400 },
  { datid: "5", datname: "postgres", share: 0.01, size: 7.6e6, growth: 0 },
];

const LOCK_MODES = ["accesssharelock", "rowexclusivelock", "rowsharelock", "exclusivelock"] as const;
const LOCKS_PER_CONNECTION = [2, 0.6, 0.2, 0.05] as const;

export function postgresFamilies(world: DemoWorld): MetricFamily[] {
  const pg = (extra: Record<string, string> = {}) => ({ ...POSTGRES, ...extra });
  const perDatabase = (
    name: string,
    help: string,
    perOperation: number,
    options: { prior?: number; jitter?: number } = {},
  ): MetricFamily =>
    counter(
      name,
      help,
      DATABASES.map((db) => ({
        labels: pg({ datid: db.datid, datname: db.datname }),
        value: cumulative(
          (index) =>
            stochasticRound(
              appActivity(world, index).operations *
                perOperation *
                db.share *
                (1 + (options.jitter ?? 0) * world.random(`${name}:${db.datname}`)(index)),
              world.random(`${name}:${db.datname}:round`)(index),
            ),
          Math.round((options.prior ?? 5e6) * perOperation * db.share),
        ),
      })),
    );
  const backends = (db: (typeof DATABASES)[number]) => (index: number) => {
    if (db.share < 1) return 1;
    let connections = 0;
    for (const instance of APP_INSTANCES) connections += instance.poolSize;
    // The pools hold their connections open; the exporter and an occasional psql session add a few.
    return connections + 1 + Math.floor(world.random("backends")(index) * 3);
  };
  const activeConnections = (index: number) => {
    let active = 0;
    for (const instance of APP_INSTANCES) active += world.app(instance, index).poolActive;
    return active;
  };
  return [
    gauge(
      "pg_up",
      "Whether the last scrape of metrics from PostgreSQL was able to connect to the server (1 for yes, 0 for no).",
      [{ labels: pg(), value: () => 1 }],
    ),
    gauge("pg_settings_max_connections", "Server Parameter: max_connections", [
      { labels: pg({ server: "postgres:5432" }), value: () => 100 },
    ]),
    gauge("pg_postmaster_start_time_seconds", "Time at which postmaster started", [
      { labels: pg(), value: () => world.timeline.start - BOOT_TIME_AGO + 40 },
    ]),
    gauge(
      "pg_stat_database_numbackends",
      "Number of backends currently connected to this database.",
      DATABASES.map((db) => ({
        labels: pg({ datid: db.datid, datname: db.datname }),
        value: backends(db),
      })),
    ),
    perDatabase(
      "pg_stat_database_xact_commit",
      "Number of transactions in this database that have been committed",
      1.05,
    ),
    perDatabase(
      "pg_stat_database_xact_rollback",
      "Number of transactions in this database that have been rolled back",
      0.004,
      { jitter: 3 },
    ),
    perDatabase(
      "pg_stat_database_blks_hit",
      "Number of times disk blocks were found already in the buffer cache",
      42,
    ),
    perDatabase("pg_stat_database_blks_read", "Number of disk blocks read in this database", 0.6, {
      jitter: 1.5,
    }),
    perDatabase("pg_stat_database_tup_returned", "Number of rows returned by queries in this database", 120),
    perDatabase("pg_stat_database_tup_fetched", "Number of rows fetched by queries in this database", 38),
    perDatabase("pg_stat_database_tup_inserted", "Number of rows inserted by queries in this database", 0.3),
    perDatabase("pg_stat_database_tup_updated", "Number of rows updated by queries in this database", 0.18),
    perDatabase("pg_stat_database_tup_deleted", "Number of rows deleted by queries in this database", 0.02),
    perDatabase("pg_stat_database_deadlocks", "Number of deadlocks detected in this database", 0.000004, {
      jitter: 4,
    }),
    perDatabase(
      "pg_stat_database_conflicts",
      "Number of queries canceled due to conflicts with recovery in this database",
      0,
    ),
    perDatabase(
      "pg_stat_database_temp_files",
      "Number of temporary files created by queries in this database",
      0.0004,
    ),
    gauge(
      "pg_database_size_bytes",
      "Disk space used by the database",
      DATABASES.map((db) => ({
        labels: pg({ datname: db.datname }),
        value: (index: number) =>
          Math.round(db.size + db.growth * (world.time(index) - world.timeline.start)),
      })),
    ),
    gauge(
      "pg_stat_activity_count",
      "number of connections in this state",
      DATABASES.flatMap((db) =>
        (["active", "idle", "idle in transaction"] as const).map((state) => ({
          labels: pg({ datname: db.datname, state }),
          value: (index: number) => {
            if (db.share < 1) return state === "idle" ? 1 : 0;
            const active = activeConnections(index);
            const total = backends(db)(index);
            if (state === "active") return active;
            if (state === "idle in transaction") return Math.round(world.random("idle-tx")(index) * 2);
            return Math.max(0, total - active);
          },
        })),
      ),
    ),
    gauge(
      "pg_stat_activity_max_tx_duration",
      "max duration in seconds any active transaction has been running",
      DATABASES.flatMap((db) =>
        (["active", "idle in transaction"] as const).map((state) => ({
          labels: pg({ datname: db.datname, state }),
          value: (index: number) =>
            db.share < 1
              ? 0
              : Math.round(
                  (0.05 +
                    appActivity(world, index).incident * 4 +
                    world.random(`maxtx:${state}`)(index) * 0.4) *
                    1000,
                ) / 1000,
        })),
      ),
    ),
    gauge(
      "pg_locks_count",
      "Number of locks",
      DATABASES.flatMap((db) =>
        LOCK_MODES.map((mode, position) => ({
          labels: pg({ datname: db.datname, mode }),
          value: (index: number) =>
            db.share < 1
              ? 0
              : Math.round(
                  activeConnections(index) *
                    (LOCKS_PER_CONNECTION[position] ?? 0) *
                    (1 + world.random(`lock:${mode}`)(index)),
                ),
        })),
      ),
    ),
    gauge("pg_replication_lag_seconds", "Replication lag behind master in seconds", [
      { labels: pg(), value: () => 0 },
    ]),
    gauge("pg_replication_is_replica", "Indicates if the server is a replica", [
      { labels: pg(), value: () => 0 },
    ]),
  ];
}
