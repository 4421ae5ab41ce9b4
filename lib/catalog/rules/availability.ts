import type { CatalogContext } from "../context";
import type { RuleEntry } from "../types";
import {
  appJob,
  appTarget,
  byVersion,
  code,
  DASHBOARD_UIDS,
  defineRule,
  errorLogs,
  fraiseqlName,
  healthCurl,
  metricsCurl,
  POSTGRES_TARGET,
  quoted,
  runbook,
  series,
} from "./shared";

/** Seed 003's availability alerts, plus seed 000's earlier warning on database connections. */

/** Connections in use over the pool's current size; v1 feeds these only via `update_db_connections`. */
function poolGauges(context: CatalogContext): { active: string; total: string; note: string } {
  return byVersion(context, {
    v2: {
      active: "fraiseql_db_pool_connections_active",
      total: "fraiseql_db_pool_connections_total",
      note: "",
    },
    v1: {
      active: "fraiseql_db_connections_active",
      total: "fraiseql_db_connections_total",
      note: " FraiseQL v1 reports these gauges only where the application calls `update_db_connections`.",
    },
  });
}

function poolRule(
  context: CatalogContext,
  options: { alert: string; threshold: number; for: string; busy: number; dashboardUid: string },
): ReturnType<typeof defineRule> {
  const { active, total, note } = poolGauges(context);
  const job = appJob(context);
  const target = appTarget(context);
  const usage = `${active}{${job}} / ${total}{${job}}`;
  const percent = `${Math.round(options.threshold * 100)}%`;
  const pool = (inUse: number) => [series(active, target, `${inUse}x10`), series(total, target, "20x10")];
  return defineRule(context, {
    alert: options.alert,
    expr: `${usage} > ${options.threshold}`,
    for: options.for,
    labels: { severity: "critical", category: "availability" },
    annotations: {
      summary: "Database pool of {{ $labels.instance }} is {{ $value | humanizePercentage }} in use",
      description: `{{ $labels.instance }} has {{ $value | humanizePercentage }} of its database connections in use (threshold ${percent}); requests will soon wait for a connection.`,
    },
    dashboardUid: options.dashboardUid,
    runbook: runbook({
      meaning: `More than ${percent} of the connections in ${fraiseqlName(context)}'s database pool have been busy for ${options.for}.${note}`,
      impact:
        "When no connection is free, requests wait for one: latency climbs, then requests time out. A pool kept busy by slow queries is the usual first sign of a database problem.",
      diagnosis: [
        `Graph usage per instance:${code("promql", usage)}`,
        byVersion(context, {
          v2: `Check whether requests already wait for a connection:${code("promql", `fraiseql_db_pool_requests_waiting{${job}}`)}`,
          v1: `Compare active and idle connections:${code("promql", `fraiseql_db_connections_active{${job}}\nfraiseql_db_connections_idle{${job}}`)}`,
        }),
        `See what the connections are doing in PostgreSQL:${code(
          "sql",
          "SELECT state, wait_event_type, count(*), max(now() - query_start) AS longest\nFROM pg_stat_activity WHERE datname = current_database() GROUP BY 1, 2 ORDER BY 3 DESC;",
        )}`,
        `Look for long transactions holding connections:${code(
          "sql",
          "SELECT pid, now() - xact_start AS age, state, left(query, 80)\nFROM pg_stat_activity WHERE xact_start IS NOT NULL ORDER BY age DESC LIMIT 10;",
        )}`,
        `Check the pool gauges on one instance:${code("shell", metricsCurl(context, byVersion(context, { v2: "fraiseql_db_pool", v1: "fraiseql_db_connections" })))}`,
      ],
      mitigation: [
        "Terminate runaway queries: `SELECT pg_terminate_backend(<pid>);` for the worst offenders found above.",
        "If slow queries keep connections busy, fix them first (see SlowQueryRate); a bigger pool only moves the queue into PostgreSQL.",
        "If the load is legitimate, raise the pool size, keeping the sum over all instances below PostgreSQL's `max_connections`, or scale out.",
      ],
    }),
    tests: [
      {
        description: `${options.busy} of 20 connections busy`,
        inputSeries: pool(options.busy),
        evalTime: "5m",
        fires: true,
        labels: target,
        value: options.busy / 20,
      },
      { description: "10 of 20 connections busy", inputSeries: pool(10), evalTime: "5m", fires: false },
    ],
  });
}

export const databaseConnectionPoolExhausted: RuleEntry = {
  id: "DatabaseConnectionPoolExhausted",
  category: "availability",
  level: "basic",
  source: "seed-003",
  build: (context) =>
    // Database Health is a standard-level dashboard; Performance (basic) has the pool panel.
    poolRule(context, {
      alert: "DatabaseConnectionPoolExhausted",
      threshold: 0.9,
      for: "1m",
      busy: 19,
      dashboardUid: DASHBOARD_UIDS.performance,
    }),
};

/** Seed 000's "Database Connections > 80% for 2m" (critical): an earlier warning than the 90% one. */
export const databaseConnectionsHigh: RuleEntry = {
  id: "DatabaseConnectionsHigh",
  category: "availability",
  level: "standard",
  source: "seed-000",
  build: (context) =>
    poolRule(context, {
      alert: "DatabaseConnectionsHigh",
      threshold: 0.8,
      for: "2m",
      busy: 17,
      dashboardUid: DASHBOARD_UIDS.database,
    }),
};

export const databaseDown: RuleEntry = {
  id: "DatabaseDown",
  category: "availability",
  level: "basic",
  source: "seed-003",
  build(context) {
    const job = appJob(context);
    return defineRule(context, {
      alert: "DatabaseDown",
      expr: "pg_up == 0",
      for: "1m",
      labels: { severity: "critical", category: "availability" },
      annotations: {
        summary: "PostgreSQL behind {{ $labels.instance }} is unreachable",
        description:
          "postgres_exporter {{ $labels.instance }} has not been able to connect to PostgreSQL for 1 minute (pg_up = 0). Needs postgres_exporter to be scraped.",
      },
      // The PostgreSQL dashboard is standard-level; Performance (basic) shows the pool and error rate.
      dashboardUid: DASHBOARD_UIDS.performance,
      runbook: runbook({
        meaning:
          "postgres_exporter could not open a connection to PostgreSQL for a minute. The exporter itself is up (otherwise its `up` series would be 0 instead), so the database is down, refusing connections, or unreachable from the exporter.",
        impact: `Every GraphQL operation that touches the database fails. ${byVersion(context, {
          v2: "FraiseQL v2's `/health` answers 503 `unhealthy`, so orchestrators may restart it in a loop.",
          v1: "FraiseQL v1's `/ready` answers 503 `not_ready`, so load balancers take it out of rotation.",
        })}`,
        diagnosis: [
          `Confirm from PostgreSQL's side:${code("shell", 'pg_isready -h <db-host> -p 5432\npsql "$DATABASE_URL" -c "SELECT 1"')}`,
          `Check the application's view of the database:${code("shell", healthCurl(context))}`,
          `Check that the application sees it too:${code("promql", `rate(${byVersion(context, { v2: "fraiseql_graphql_queries_error", v1: "fraiseql_errors_total" })}{${job}}[5m])`)}`,
          `Read PostgreSQL's own log and the application's connection errors:${code(
            "shell",
            "docker compose logs --since 15m postgres",
          )}${code("logql", errorLogs(context, ' |~ "(?i)(connection|postgres)"'))}`,
          "Check disk space on the database host: a full disk stops PostgreSQL (see DiskSpaceRunningLow).",
        ],
        mitigation: [
          "Restart PostgreSQL if it crashed, after freeing disk space if that was the cause.",
          "If connections are refused because `max_connections` is reached, find the client holding them (`SELECT usename, application_name, count(*) FROM pg_stat_activity GROUP BY 1, 2`).",
          "If the database is fine but unreachable, check the network path and credentials the exporter uses (`DATA_SOURCE_NAME`).",
        ],
      }),
      tests: [
        {
          description: "exporter reports the database down",
          inputSeries: [series("pg_up", POSTGRES_TARGET, "0x10")],
          evalTime: "5m",
          fires: true,
          labels: POSTGRES_TARGET,
          value: 0,
        },
        {
          description: "database up",
          inputSeries: [series("pg_up", POSTGRES_TARGET, "1x10")],
          evalTime: "5m",
          fires: false,
        },
      ],
    });
  },
};

const REDIS_TARGET = { job: "redis", instance: "redis-exporter:9121" };

/** v2's fail-open counters, one per Redis user; each exists only with its Cargo feature. */
const REDIS_FAIL_OPEN_COUNTERS = [
  "fraiseql_apq_redis_errors_total",
  "fraiseql_rate_limit_redis_errors_total",
  "fraiseql_pkce_redis_errors_total",
];

export const cacheConnectionLost: RuleEntry = {
  id: "CacheConnectionLost",
  category: "availability",
  level: "basic",
  source: "seed-003",
  build(context) {
    const job = appJob(context);
    const target = appTarget(context);
    // v2 counts every Redis call that failed open (APQ, rate limiter, PKCE store); v1 exposes nothing
    // about Redis, so it falls back to redis_exporter. One rate per counter: a `__name__` regex under
    // rate() fails ("same labelset") as soon as two of them exist.
    const failOpenRates = REDIS_FAIL_OPEN_COUNTERS.map(
      (counter) => `sum by (job, instance) (rate(${counter}{${job}}[5m]))`,
    );
    const variant = byVersion(context, {
      v2: {
        expr: failOpenRates.map((rate) => `${rate} > 0`).join(" or "),
        summary: "{{ $labels.instance }} cannot reach Redis",
        description:
          '{{ $labels.instance }} has been failing open on Redis for 2 minutes ({{ printf "%.2f" $value }} Redis errors/s).',
        fires: [
          series("fraiseql_apq_redis_errors_total", target, "0+30x20"),
          series("fraiseql_rate_limit_redis_errors_total", target, "0+60x20"),
        ],
        quiet: [
          series("fraiseql_apq_redis_errors_total", target, "7x20"),
          series("fraiseql_rate_limit_redis_errors_total", target, "3x20"),
        ],
        labels: target,
        // `or` keeps the first counter that matches: the APQ one, at 30 errors a minute.
        value: 0.5,
        moreFiring: [
          {
            description: "only the rate limiter fails (a later branch of the or)",
            inputSeries: [series("fraiseql_rate_limit_redis_errors_total", target, "0+60x20")],
            evalTime: "10m",
            fires: true,
            labels: target,
            value: 1,
          },
        ],
        meaning:
          "FraiseQL v2 keeps failing open on Redis: automatic persisted queries, the distributed rate limiter or the PKCE store cannot reach it, so FraiseQL carries on without them. These counters exist only when the matching Cargo features (`redis-apq`, `redis-rate-limiting`, `redis-pkce`) are built in.",
      },
      v1: {
        expr: "redis_up == 0",
        summary: "Redis {{ $labels.instance }} is down",
        description:
          "redis_exporter {{ $labels.instance }} cannot connect to Redis (redis_up = 0). Needs redis_exporter to be scraped: FraiseQL v1 exposes no Redis metric.",
        fires: [series("redis_up", REDIS_TARGET, "0x20")],
        quiet: [series("redis_up", REDIS_TARGET, "1x20")],
        labels: REDIS_TARGET,
        value: 0,
        moreFiring: [],
        meaning:
          "redis_exporter cannot connect to Redis. FraiseQL v1 exposes no Redis metric of its own, so this alert needs redis_exporter (oliver006/redis_exporter) scraped next to the cache.",
      },
    });
    return defineRule(context, {
      alert: "CacheConnectionLost",
      expr: variant.expr,
      for: "2m",
      labels: { severity: "critical", category: "availability" },
      annotations: {
        summary: variant.summary,
        description: variant.description,
        // Cache Performance is a standard-level dashboard; Operations (basic) has the hit rate.
      },
      dashboardUid: DASHBOARD_UIDS.operations,
      runbook: runbook({
        meaning: variant.meaning,
        impact:
          "Cached responses and persisted queries are lost, so every request goes to PostgreSQL; rate limits may stop being shared between instances, which weakens abuse protection.",
        diagnosis: [
          `Check Redis itself:${code("shell", "redis-cli -h <redis-host> ping\nredis-cli -h <redis-host> info clients")}`,
          byVersion(context, {
            v2: `See which Redis users fail (APQ, rate limiter, PKCE store):${code("promql", failOpenRates.join("\n"))}`,
            v1: `Check whether the exporter itself is scraped:${code("promql", `up{job=${quoted(REDIS_TARGET.job)}}`)}`,
          }),
          `Read the application's Redis errors:${code("logql", errorLogs(context, ' |~ "(?i)redis"'))}`,
          `Check Redis's memory: at \`maxmemory\` with \`noeviction\` it refuses writes.${code("shell", "redis-cli -h <redis-host> info memory | grep -E 'used_memory_human|maxmemory'")}`,
        ],
        mitigation: [
          "Restart Redis if it is down; the application reconnects by itself.",
          "If Redis is out of memory, raise `maxmemory` or switch the eviction policy to `allkeys-lru`.",
          "While Redis is away, watch database load and latency: the cache's traffic now reaches PostgreSQL.",
        ],
      }),
      tests: [
        {
          description: "Redis unreachable",
          inputSeries: variant.fires,
          evalTime: "10m",
          fires: true,
          labels: variant.labels,
          value: variant.value,
        },
        ...variant.moreFiring,
        { description: "Redis healthy", inputSeries: variant.quiet, evalTime: "10m", fires: false },
      ],
    });
  },
};

export const healthCheckFailed: RuleEntry = {
  id: "HealthCheckFailed",
  category: "availability",
  level: "basic",
  source: "seed-003",
  build(context) {
    const target = appTarget(context);
    const up = `up{${appJob(context)}}`;
    return defineRule(context, {
      alert: "HealthCheckFailed",
      expr: `${up} == 0`,
      for: "1m",
      labels: { severity: "critical", category: "availability" },
      annotations: {
        summary: "{{ $labels.instance }} ({{ $labels.job }}) is down",
        description: "Prometheus has not been able to scrape {{ $labels.instance }} for 1 minute.",
      },
      dashboardUid: DASHBOARD_UIDS.operations,
      runbook: runbook({
        meaning: `Prometheus could not scrape ${fraiseqlName(context)} on this instance for a minute: the process is down, unreachable, or refusing the scrape.${byVersion(
          context,
          {
            v2: " FraiseQL v2 serves `/metrics` only when `metrics_enabled` and `metrics_token` are set, and answers 401 to a wrong bearer token — both also look like this.",
            v1: " FraiseQL v1 serves `/metrics` only when the application calls `setup_metrics`.",
          },
        )}`,
        impact:
          "If the process is down, every client request to this instance fails. If only scraping fails, the application may be fine but every other alert is blind.",
        diagnosis: [
          "Read the scrape error on Prometheus's Targets page (`/targets`): connection refused, timeout or HTTP status.",
          `See which instances are down, and how much of the last hour each was up:${code("promql", `${up} == 0\navg_over_time(${up}[1h])`)}`,
          `Check the process answers at all:${code("shell", healthCurl(context))}`,
          `Fetch the metrics the way Prometheus does:${code("shell", metricsCurl(context, "^fraiseql_"))}`,
          `Check whether the container restarts in a loop:${code("shell", "docker compose ps\ndocker compose logs --since 15m <app-service>")}`,
          `Read the last logs before it stopped:${code("logql", `{app=${quoted(context.appName)}}`)}`,
        ],
        mitigation: [
          "Restart the instance if it hangs; if it crashes on start, roll back the last deployment.",
          byVersion(context, {
            v2: "If scraping gets 401, make Prometheus's bearer token file match `FRAISEQL_METRICS_TOKEN`.",
            v1: "If scraping gets 404, enable metrics with `setup_metrics(app, MetricsConfig())`.",
          }),
          "If it is out of memory, see HighMemoryUsage and raise the container's memory limit.",
        ],
      }),
      tests: [
        {
          description: "scrapes fail",
          inputSeries: [series("up", target, "0x10")],
          evalTime: "5m",
          fires: true,
          labels: target,
          value: 0,
        },
        {
          description: "scrapes succeed",
          inputSeries: [series("up", target, "1x10")],
          evalTime: "5m",
          fires: false,
        },
      ],
    });
  },
};

export const availabilityRules: readonly RuleEntry[] = [
  databaseConnectionPoolExhausted,
  databaseDown,
  cacheConnectionLost,
  healthCheckFailed,
  databaseConnectionsHigh,
];
