import type { CatalogContext } from "../context";
import type { RuleEntry } from "../types";
import {
  appJob,
  appLogs,
  appTarget,
  byVersion,
  code,
  DASHBOARD_UIDS,
  defineRule,
  errorLogs,
  fraiseqlName,
  metricsCurl,
  runbook,
  series,
} from "./shared";

/** Seed 003's performance alerts: error rate, P99 latency, slow operations, cache hit rate. */

/** GraphQL error and request counters: v2's error counter has no `_total`; v1's is `_errors_total`. */
type Labels = Record<string, string>;

function graphqlCounters(context: CatalogContext): { errors: string; total: string; extra: Labels } {
  return byVersion<{ errors: string; total: string; extra: Labels }>(context, {
    v2: { errors: "fraiseql_graphql_queries_error", total: "fraiseql_graphql_queries_total", extra: {} },
    v1: {
      errors: "fraiseql_graphql_queries_errors_total",
      total: "fraiseql_graphql_queries_total",
      extra: { operation_type: "query" },
    },
  });
}

export const highErrorRate: RuleEntry = {
  id: "HighErrorRate",
  category: "performance",
  level: "basic",
  source: "seed-003",
  build(context) {
    const { errors, total, extra } = graphqlCounters(context);
    const job = appJob(context);
    const target = appTarget(context);
    const ratio = `sum by (job) (rate(${errors}{${job}}[5m])) / sum by (job) (rate(${total}{${job}}[5m]))`;
    const v1Note = byVersion(context, {
      v2: "",
      v1: " FraiseQL v1 counts only resolvers wrapped in `@with_metrics`; undecorated resolvers are invisible to this alert.",
    });
    const traffic = (errorsPerMinute: number) => [
      series(total, { ...target, ...extra, operation_name: "users" }, "0+100x20"),
      series(errors, { ...target, ...extra }, `0+${errorsPerMinute}x20`),
    ];
    return defineRule(context, {
      alert: "HighErrorRate",
      expr: `${ratio} > 0.05`,
      for: "5m",
      labels: { severity: "warning", category: "performance" },
      annotations: {
        summary: "GraphQL error rate of {{ $labels.job }} is {{ $value | humanizePercentage }}",
        description:
          "{{ $value | humanizePercentage }} of GraphQL operations failed over the last 5 minutes (threshold 5%).",
      },
      dashboardUid: DASHBOARD_UIDS.operations,
      runbook: runbook({
        meaning: `More than 5% of the GraphQL operations ${fraiseqlName(context)} executed in the last 5 minutes returned errors, for at least 5 minutes.${v1Note}`,
        impact:
          "Clients receive `errors` in their GraphQL responses: pages fail to load or mutations are lost. Parse and validation errors point at a client release; execution errors at the server or the database.",
        diagnosis: [
          `Confirm the ratio and see when it started:${code("promql", ratio)}`,
          byVersion(context, {
            v2: `Split by error kind (parse, validation, execution) and by operation:${code(
              "promql",
              ["parse", "validation", "execution"]
                .map((kind) => `sum(rate(fraiseql_${kind}_errors_total{${job}}[5m]))`)
                .concat(`topk(10, sum by (operation) (rate(fraiseql_query_errors_total{${job}}[5m])))`)
                .join("\n"),
            )}`,
            v1: `Split by operation type and error type:${code(
              "promql",
              `sum by (operation_type) (rate(fraiseql_graphql_queries_errors_total{${job}}[5m]))\ntopk(10, sum by (error_type) (rate(fraiseql_errors_total{${job}}[5m])))`,
            )}`,
          }),
          `Read the error messages in Loki:${code("logql", errorLogs(context))}`,
          `Check the raw counters on one instance:${code("shell", metricsCurl(context, "fraiseql_graphql_queries"))}`,
        ],
        mitigation: [
          "If the errors started with a deployment, roll it back.",
          "If one client sends invalid queries (parse or validation errors), contact its owners or block it at the gateway; the server itself is healthy.",
          "If execution errors dominate, check the database alerts (DatabaseDown, DatabaseConnectionPoolExhausted) and fix the database first.",
        ],
      }),
      tests: [
        {
          description: "10% of operations fail",
          inputSeries: traffic(10),
          evalTime: "15m",
          fires: true,
          labels: { job: context.appJob },
          value: 0.1,
        },
        { description: "1% of operations fail", inputSeries: traffic(1), evalTime: "15m", fires: false },
      ],
    });
  },
};

export const highLatency: RuleEntry = {
  id: "HighLatency",
  category: "performance",
  level: "basic",
  source: "seed-003",
  build(context) {
    const job = appJob(context);
    const target = appTarget(context);
    // v2 times each GraphQL operation; v1's GraphQL histogram needs a decorator, its HTTP one is always fed.
    const { histogram, extra, what } = byVersion(context, {
      v2: {
        histogram: "fraiseql_query_duration_seconds",
        extra: { operation: "users" } as Labels,
        what: "GraphQL operation duration",
      },
      v1: {
        histogram: "fraiseql_http_request_duration_seconds",
        extra: { method: "POST", endpoint: "/graphql" } as Labels,
        what: "HTTP request duration",
      },
    });
    const p99 = `histogram_quantile(0.99, sum by (job, le) (rate(${histogram}_bucket{${job}}[5m])))`;
    // One request per second, all of them in the bucket that ends at `slowBucket` seconds.
    const requests = (slowBucket: "0.5" | "2.5") =>
      ["0.5", "1", "2.5", "+Inf"].map((le) =>
        series(
          `${histogram}_bucket`,
          { ...target, ...extra, le },
          Number(le) < Number(slowBucket) ? "0x20" : "0+60x20",
        ),
      );
    return defineRule(context, {
      alert: "HighLatency",
      expr: `${p99} > 1`,
      for: "5m",
      labels: { severity: "warning", category: "performance" },
      annotations: {
        summary: "P99 latency of {{ $labels.job }} is {{ $value | humanizeDuration }}",
        description: `The 99th percentile of ${what} over the last 5 minutes is {{ $value | humanizeDuration }} (threshold 1s).`,
      },
      dashboardUid: DASHBOARD_UIDS.operations,
      runbook: runbook({
        meaning: `One request in a hundred takes longer than a second (99th percentile of ${what}), sustained for 5 minutes.`,
        impact:
          "Users see slow pages and clients may hit their timeouts and retry, which adds load. Latency usually rises before errors do.",
        diagnosis: [
          `Compare P50, P95 and P99 to see whether everything is slow or only the tail:${code(
            "promql",
            `histogram_quantile(0.5, sum by (le) (rate(${histogram}_bucket{${job}}[5m])))\nhistogram_quantile(0.95, sum by (le) (rate(${histogram}_bucket{${job}}[5m])))\n${p99}`,
          )}`,
          byVersion(context, {
            v2: `Find the slow operations:${code(
              "promql",
              `topk(10, histogram_quantile(0.99, sum by (operation, le) (rate(fraiseql_query_duration_seconds_bucket{${job}}[5m]))))`,
            )}`,
            v1: `Find the slow endpoints:${code(
              "promql",
              `topk(10, histogram_quantile(0.99, sum by (endpoint, le) (rate(fraiseql_http_request_duration_seconds_bucket{${job}}[5m]))))`,
            )}`,
          }),
          `Check whether requests queue for database connections:${code(
            "promql",
            byVersion(context, {
              v2: `fraiseql_db_pool_requests_waiting{${job}}`,
              v1: `fraiseql_db_connections_active{${job}} / fraiseql_db_connections_total{${job}}`,
            }),
          )}`,
          `Look for the slowest statements in PostgreSQL (needs pg_stat_statements):${code(
            "sql",
            "SELECT calls, round(mean_exec_time) AS mean_ms, left(query, 80) AS query\nFROM pg_stat_statements ORDER BY mean_exec_time DESC LIMIT 10;",
          )}`,
          `Look for timeouts in the logs:${code("logql", appLogs(context, "timeout"))}`,
        ],
        mitigation: [
          "If one operation dominates, add the missing index or limit the query's depth and page size.",
          "If the pool is saturated, scale out the application or raise the pool size within PostgreSQL's `max_connections`.",
          "If a deployment or a traffic spike coincides, roll back or scale out.",
        ],
      }),
      tests: [
        {
          description: "every request takes between 1 and 2.5 seconds",
          inputSeries: requests("2.5"),
          evalTime: "15m",
          fires: true,
          labels: { job: context.appJob },
          value: 1 + 1.5 * 0.99,
        },
        {
          description: "every request takes under 0.5 seconds",
          inputSeries: requests("0.5"),
          evalTime: "15m",
          fires: false,
        },
      ],
    });
  },
};

export const slowQueryRate: RuleEntry = {
  id: "SlowQueryRate",
  category: "performance",
  level: "standard",
  source: "seed-003",
  build(context) {
    const job = appJob(context);
    const target = appTarget(context);
    const { histogram, extra } = byVersion(context, {
      v2: { histogram: "fraiseql_query_duration_seconds", extra: { operation: "users" } as Labels },
      v1: {
        histogram: "fraiseql_graphql_query_duration_seconds",
        extra: { operation_type: "query", operation_name: "users" } as Labels,
      },
    });
    const slowShare = `1 - sum by (job) (rate(${histogram}_bucket{${job},le="0.1"}[5m])) / sum by (job) (rate(${histogram}_count{${job}}[5m]))`;
    const operations = (fastPerMinute: number) => [
      series(`${histogram}_bucket`, { ...target, ...extra, le: "0.1" }, `0+${fastPerMinute}x20`),
      series(`${histogram}_count`, { ...target, ...extra }, "0+60x20"),
    ];
    const v1Note = byVersion(context, {
      v2: "",
      v1: " FraiseQL v1 times only resolvers wrapped in `@with_metrics`.",
    });
    return defineRule(context, {
      alert: "SlowQueryRate",
      expr: `${slowShare} > 0.1`,
      for: "10m",
      labels: { severity: "warning", category: "performance" },
      annotations: {
        summary:
          "{{ $value | humanizePercentage }} of GraphQL operations on {{ $labels.job }} take over 100 ms",
        description:
          "{{ $value | humanizePercentage }} of GraphQL operations took longer than 100 ms over the last 5 minutes (threshold 10%).",
      },
      dashboardUid: DASHBOARD_UIDS.database,
      runbook: runbook({
        meaning: `More than 10% of GraphQL operations took longer than 100 ms for 10 minutes. The operation duration includes the database queries that resolve it, so this is usually the database.${v1Note}`,
        impact: "Pages feel sluggish; if it grows, the P99 latency and connection pool alerts follow.",
        diagnosis: [
          `See the share of slow operations over time:${code("promql", slowShare)}`,
          byVersion(context, {
            v2: `Find which operations are slow:${code(
              "promql",
              `topk(10, 1 - sum by (operation) (rate(fraiseql_query_duration_seconds_bucket{${job},le="0.1"}[5m])) / sum by (operation) (rate(fraiseql_query_duration_seconds_count{${job}}[5m])))`,
            )}`,
            v1: `Find which operations are slow:${code(
              "promql",
              `topk(10, 1 - sum by (operation_name) (rate(fraiseql_graphql_query_duration_seconds_bucket{${job},le="0.1"}[5m])) / sum by (operation_name) (rate(fraiseql_graphql_query_duration_seconds_count{${job}}[5m])))`,
            )}`,
          }),
          `List the slowest SQL statements (needs pg_stat_statements):${code(
            "sql",
            "SELECT calls, round(mean_exec_time) AS mean_ms, left(query, 80) AS query\nFROM pg_stat_statements WHERE mean_exec_time > 100 ORDER BY calls * mean_exec_time DESC LIMIT 10;",
          )}`,
          `Run EXPLAIN on the worst statement to spot sequential scans:${code(
            "shell",
            "psql \"$DATABASE_URL\" -c 'EXPLAIN (ANALYZE, BUFFERS) <statement>'",
          )}`,
        ],
        mitigation: [
          "Add the index the plan is missing, or materialise the view the operation reads.",
          "Ask clients to request fewer fields or smaller pages for the slow operation.",
          "If it is load rather than one query, scale out the application or the database.",
        ],
      }),
      tests: [
        {
          description: "half the operations are slow",
          inputSeries: operations(30),
          evalTime: "15m",
          fires: true,
          labels: { job: context.appJob },
          value: 0.5,
        },
        {
          description: "one operation in thirty is slow",
          inputSeries: operations(58),
          evalTime: "15m",
          fires: false,
        },
      ],
    });
  },
};

export const cacheHitRateLow: RuleEntry = {
  id: "CacheHitRateLow",
  category: "performance",
  level: "standard",
  source: "seed-003",
  build(context) {
    const job = appJob(context);
    const target = appTarget(context);
    const { hits, misses, by, extra } = byVersion<{
      hits: string;
      misses: string;
      by: string;
      extra: Labels;
    }>(context, {
      v2: { hits: "fraiseql_cache_hits", misses: "fraiseql_cache_misses", by: "job", extra: {} },
      v1: {
        hits: "fraiseql_cache_hits_total",
        misses: "fraiseql_cache_misses_total",
        by: "job, cache_type",
        extra: { cache_type: "query" },
      },
    });
    const hitRate = `sum by (${by}) (rate(${hits}{${job}}[5m])) / (sum by (${by}) (rate(${hits}{${job}}[5m])) + sum by (${by}) (rate(${misses}{${job}}[5m])))`;
    const lookups = (hitsPerMinute: number) => [
      series(hits, { ...target, ...extra }, `0+${hitsPerMinute}x30`),
      series(misses, { ...target, ...extra }, `0+${60 - hitsPerMinute}x30`),
    ];
    const fed = byVersion(context, {
      v2: " FraiseQL v2 exposes `fraiseql_cache_hits` and `fraiseql_cache_misses` but, as of the reference snapshot, never increments them; until it does the ratio is 0/0 and this alert stays silent. The query-result cache statistics are at `/api/v1/admin/cache/stats`.",
      v1: " FraiseQL v1 counts hits and misses only where the application calls `record_cache_hit` / `record_cache_miss`.",
    });
    return defineRule(context, {
      alert: "CacheHitRateLow",
      expr: `${hitRate} < 0.75`,
      for: "15m",
      labels: { severity: "warning", category: "performance" },
      annotations: {
        summary: byVersion(context, {
          v2: "Cache hit rate of {{ $labels.job }} is {{ $value | humanizePercentage }}",
          v1: "{{ $labels.cache_type }} cache hit rate of {{ $labels.job }} is {{ $value | humanizePercentage }}",
        }),
        description:
          "Only {{ $value | humanizePercentage }} of cache lookups hit over the last 5 minutes (threshold 75%).",
      },
      dashboardUid: DASHBOARD_UIDS.cache,
      runbook: runbook({
        meaning: `Fewer than three cache lookups in four found their entry, for 15 minutes.${fed}`,
        impact:
          "Every miss goes to PostgreSQL: more database load and higher latency, especially after a deployment or a cache flush.",
        diagnosis: [
          `Graph the hit rate over the last day, to tell a cold cache after a restart from a lasting drop:${code("promql", hitRate)}`,
          `Check whether the instances restarted recently (counters reset on restart):${code("promql", `resets(${hits}{${job}}[1h])`)}`,
          byVersion(context, {
            v2: `Read the per-cache statistics (entries, TTL, hits, misses):${code(
              "shell",
              'curl -s -H "Authorization: Bearer <admin token>" http://<app-host>:8000/api/v1/admin/cache/stats | jq',
            )}`,
            v1: `Compare the cache types:${code("promql", `sum by (cache_type) (rate(${hits}{${job}}[5m]))`)}`,
          }),
          `Look for invalidation storms in the logs:${code("logql", appLogs(context, "invalidat"))}`,
        ],
        mitigation: [
          "After a restart or deployment, wait for the cache to warm up; the alert clears by itself.",
          "If a mutation-heavy workload invalidates too much, narrow the invalidation or lengthen the TTL.",
          "If the cache is too small for the working set, give it more memory.",
        ],
      }),
      tests: [
        {
          description: "half the lookups hit",
          inputSeries: lookups(30),
          evalTime: "25m",
          fires: true,
          labels: { job: context.appJob, ...extra },
          value: 0.5,
        },
        { description: "nine lookups in ten hit", inputSeries: lookups(54), evalTime: "25m", fires: false },
      ],
    });
  },
};

export const performanceRules: readonly RuleEntry[] = [
  highErrorRate,
  highLatency,
  slowQueryRate,
  cacheHitRateLow,
];
