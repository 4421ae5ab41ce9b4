import {
  cumulative,
  cumulativeHistogram,
  type HistogramSeries,
  type MetricFamily,
  type ScalarSeries,
} from "./openmetrics";
import { smoothNoise, stochasticRound } from "./random";
import {
  APP_INSTANCES,
  type AppInstance,
  type DemoWorld,
  FRAISEQL_BUCKETS,
  LATENCY_SIGMA,
  lognormalCdf,
  OPERATIONS,
  splitCount,
} from "./world";

/**
 * FraiseQL v2's /metrics (reference §2), per application instance: the core collector's counters
 * (several without `_total`), the per-operation and HTTP histograms, the pool, pg_stat_statements,
 * APQ, subscriptions and observers. Series v2 exposes but never feeds stay at zero, as they do
 * in production: the query-result cache counters and the database duration histogram.
 */

type Scalar = "counter" | "gauge" | "unknown";

function appLabels(instance: AppInstance, extra: Record<string, string> = {}): Record<string, string> {
  return { job: "fraiseql", instance: instance.instance, ...extra };
}

function perInstance(
  type: Scalar,
  name: string,
  help: string,
  value: (instance: AppInstance) => (index: number) => number,
): MetricFamily {
  const series: ScalarSeries[] = APP_INSTANCES.map((instance) => ({
    labels: appLabels(instance),
    value: value(instance),
  }));
  return { type, name, help, series };
}

/** A counter of per-step increments that starts from a value accumulated before the window. */
function counterFrom(initial: number, increment: (index: number) => number): (index: number) => number {
  return cumulative(increment, Math.round(initial));
}

/** Hours of traffic already counted when the window starts (the process has been up a while). */
const PRIOR_HOURS = 30;

function priorCount(instance: AppInstance, perRequest: number): number {
  return instance.peakRate * 0.6 * PRIOR_HOURS * 3600 * perRequest;
}

function errorSplit(world: DemoWorld, instance: AppInstance, index: number): number[] {
  const errors = world.app(instance, index).graphqlErrors;
  return splitCount(errors, [0.15, 0.35, 0.5], world.random(`${instance.instance}:error-kind`)(index));
}

function operationCounts(world: DemoWorld, instance: AppInstance, index: number): number[] {
  const step = world.app(instance, index);
  return splitCount(
    step.graphqlOperations,
    OPERATIONS.map((operation) => operation.weight),
    world.random(`${instance.instance}:ops`)(index),
  );
}

function operationErrors(world: DemoWorld, instance: AppInstance, index: number): number[] {
  const step = world.app(instance, index);
  return splitCount(
    step.graphqlErrors,
    OPERATIONS.map((operation) => operation.weight * operation.errorProneness),
    world.random(`${instance.instance}:op-errors`)(index),
  );
}

/** A gauge holding a lifetime average (sum over count since start), as FraiseQL's `_ms` gauges do. */
function lifetimeAverageMs(
  world: DemoWorld,
  instance: AppInstance,
  factor: number,
  count: (index: number) => number,
): (index: number) => number {
  const priorCount = priorCountFor(instance);
  const priorSum = priorCount * 16 * factor;
  const sums = cumulative(
    (index) =>
      count(index) *
      world.app(instance, index).medianLatency *
      1000 *
      Math.exp(LATENCY_SIGMA ** 2 / 2) *
      factor,
    priorSum,
  );
  const counts = cumulative(count, priorCount);
  return (index) => sums(index) / counts(index);
}

function priorCountFor(instance: AppInstance): number {
  return Math.round(priorCount(instance, 0.94));
}

function histogramFamily(name: string, help: string, series: HistogramSeries[]): MetricFamily {
  return { type: "histogram", name, help, bounds: FRAISEQL_BUCKETS, series };
}

export function fraiseqlFamilies(world: DemoWorld): MetricFamily[] {
  const app = (instance: AppInstance, index: number) => world.app(instance, index);
  const families: MetricFamily[] = [
    perInstance("counter", "fraiseql_graphql_queries_total", "Total GraphQL queries executed", (instance) =>
      counterFrom(priorCountFor(instance), (index) => app(instance, index).graphqlOperations),
    ),
    perInstance(
      "unknown",
      "fraiseql_graphql_queries_success",
      "Total successful GraphQL queries",
      (instance) =>
        counterFrom(priorCountFor(instance) * 0.993, (index) => {
          const step = app(instance, index);
          return step.graphqlOperations - step.graphqlErrors;
        }),
    ),
    perInstance("unknown", "fraiseql_graphql_queries_error", "Total failed GraphQL queries", (instance) =>
      counterFrom(priorCountFor(instance) * 0.007, (index) => app(instance, index).graphqlErrors),
    ),
    perInstance(
      "gauge",
      "fraiseql_graphql_query_duration_ms",
      "Average query execution time in milliseconds",
      (instance) => lifetimeAverageMs(world, instance, 1, (index) => app(instance, index).graphqlOperations),
    ),
    perInstance(
      "counter",
      "fraiseql_graphql_queries_cost_total",
      "Sum of estimated operation costs (#379)",
      (instance) => {
        const cost = world.random(`${instance.instance}:cost`);
        return counterFrom(priorCountFor(instance) * 11, (index) => {
          const t = world.time(index);
          const average = 11 + 3 * smoothNoise(cost, t, 1200);
          return stochasticRound(app(instance, index).graphqlOperations * average, cost(index + 1e6));
        });
      },
    ),
    perInstance("counter", "fraiseql_database_queries_total", "Total database queries executed", (instance) =>
      counterFrom(priorCountFor(instance) * 0.99, (index) => {
        const step = app(instance, index);
        return step.graphqlOperations - step.graphqlErrors;
      }),
    ),
    perInstance(
      "gauge",
      "fraiseql_database_query_duration_ms",
      "Average database query time in milliseconds",
      (instance) =>
        lifetimeAverageMs(world, instance, 0.8, (index) => {
          const step = app(instance, index);
          return step.graphqlOperations - step.graphqlErrors;
        }),
    ),
    ...(
      [
        ["fraiseql_parse_errors_total", "Total parse errors", 0],
        ["fraiseql_validation_errors_total", "Total validation errors", 1],
        ["fraiseql_execution_errors_total", "Total execution errors", 2],
      ] as const
    ).map(([name, help, position]) =>
      perInstance("counter", name, help, (instance) =>
        counterFrom(
          priorCountFor(instance) * 0.002,
          (index) => errorSplit(world, instance, index)[position] ?? 0,
        ),
      ),
    ),
    perInstance("counter", "fraiseql_http_requests_total", "Total HTTP requests", (instance) =>
      counterFrom(priorCount(instance, 1), (index) => app(instance, index).httpRequests),
    ),
    perInstance("unknown", "fraiseql_http_responses_2xx", "Total 2xx HTTP responses", (instance) =>
      counterFrom(priorCount(instance, 0.985), (index) => {
        const step = app(instance, index);
        return Math.max(0, step.httpRequests - step.http4xx - step.http5xx);
      }),
    ),
    perInstance("unknown", "fraiseql_http_responses_4xx", "Total 4xx HTTP responses", (instance) =>
      counterFrom(priorCount(instance, 0.014), (index) => app(instance, index).http4xx),
    ),
    perInstance("unknown", "fraiseql_http_responses_5xx", "Total 5xx HTTP responses", (instance) =>
      counterFrom(priorCount(instance, 0.001), (index) => app(instance, index).http5xx),
    ),
    // Exposed by v2 but incremented nowhere (reference §0.4): flat zero, as a real server shows.
    perInstance("unknown", "fraiseql_cache_hits", "Total cache hits", () => () => 0),
    perInstance("unknown", "fraiseql_cache_misses", "Total cache misses", () => () => 0),
    perInstance("gauge", "fraiseql_cache_hit_ratio", "Cache hit ratio (0-1)", () => () => 0),
    histogramFamily(
      "fraiseql_query_duration_seconds",
      "Per-operation query duration histogram",
      APP_INSTANCES.flatMap((instance) =>
        OPERATIONS.map((operation, position) => ({
          labels: appLabels(instance, { operation: operation.name }),
          point: cumulativeHistogram(
            FRAISEQL_BUCKETS,
            (index) => ({
              count: operationCounts(world, instance, index)[position] ?? 0,
              median: app(instance, index).medianLatency * operation.latency,
              sigma: LATENCY_SIGMA,
            }),
            lognormalCdf,
          ),
        })),
      ),
    ),
    {
      type: "counter",
      name: "fraiseql_query_errors_total",
      help: "Per-operation query error count",
      series: APP_INSTANCES.flatMap((instance) =>
        OPERATIONS.map((operation, position) => ({
          labels: appLabels(instance, { operation: operation.name }),
          value: cumulative((index) => operationErrors(world, instance, index)[position] ?? 0),
        })),
      ),
    },
    histogramFamily(
      "fraiseql_http_request_duration_seconds",
      "HTTP request duration in seconds",
      APP_INSTANCES.map((instance) => ({
        labels: appLabels(instance),
        point: cumulativeHistogram(
          FRAISEQL_BUCKETS,
          (index) => ({
            count: app(instance, index).httpRequests,
            median: app(instance, index).medianLatency * 1.15,
            sigma: LATENCY_SIGMA,
          }),
          lognormalCdf,
        ),
      })),
    ),
    // Rendered by v2 but never observed (reference §0.4).
    histogramFamily(
      "fraiseql_database_query_duration_seconds",
      "Database query duration in seconds",
      APP_INSTANCES.map((instance) => ({
        labels: appLabels(instance),
        point: () => ({ buckets: new Array(FRAISEQL_BUCKETS.length + 1).fill(0), sum: 0, count: 0 }),
      })),
    ),
    perInstance(
      "gauge",
      "fraiseql_db_pool_connections_total",
      "Total connections in pool",
      (instance) => () => instance.poolSize,
    ),
    perInstance(
      "gauge",
      "fraiseql_db_pool_connections_idle",
      "Idle (available) connections",
      (instance) => (index) => instance.poolSize - app(instance, index).poolActive,
    ),
    perInstance(
      "gauge",
      "fraiseql_db_pool_connections_active",
      "Active (in-use) connections",
      (instance) => (index) => app(instance, index).poolActive,
    ),
    perInstance(
      "gauge",
      "fraiseql_db_pool_requests_waiting",
      "Requests waiting for a connection",
      (instance) => (index) => app(instance, index).poolWaiting,
    ),
    ...statementFamilies(world),
    ...apqFamilies(world),
    perInstance("counter", "fraiseql_schema_reloads_total", "Total successful schema reloads", () => () => 2),
    perInstance(
      "counter",
      "fraiseql_schema_reload_errors_total",
      "Total failed schema reload attempts",
      () => () => 0,
    ),
    perInstance(
      "counter",
      "fraiseql_multi_root_queries_total",
      "Total multi-root GraphQL queries dispatched via parallel execution",
      (instance) =>
        counterFrom(priorCountFor(instance) * 0.05, (index) =>
          stochasticRound(
            app(instance, index).graphqlOperations * 0.05,
            world.random(`${instance.instance}:multi`)(index),
          ),
        ),
    ),
    ...resultFamilies(world),
    ...observerFamilies(world),
  ];
  return families;
}

/** pg_stat_statements' top five, as the server samples them (gauges holding running totals). */
const STATEMENTS = [
  {
    queryid: "-4781234412093411201",
    query: "SELECT data FROM v_product WHERE id = $1",
    share: 0.34,
    seconds: 0.0009,
  },
  {
    queryid: "3391850233490012834",
    query: "SELECT data FROM v_product WHERE category_id = $1 ORDER BY name LIMIT $2",
    share: 0.2,
    seconds: 0.004,
  },
  {
    queryid: "7712093381234409915",
    query: "SELECT data FROM v_order WHERE customer_id = $1 ORDER BY created_at DESC",
    share: 0.13,
    seconds: 0.006,
  },
  {
    queryid: "-1209348812093311772",
    query: "SELECT data FROM v_product WHERE search_vector @@ plainto_tsquery($1)",
    share: 0.1,
    seconds: 0.012,
  },
  {
    queryid: "5523410098123409871",
    query: "SELECT * FROM fn_create_order($1::jsonb)",
    share: 0.07,
    seconds: 0.018,
  },
];

function statementFamilies(world: DemoWorld): MetricFamily[] {
  const calls = (instance: AppInstance, share: number) =>
    cumulative(
      (index) => Math.round(world.app(instance, index).graphqlOperations * share),
      priorCountFor(instance) * share,
    );
  const seconds = (instance: AppInstance, share: number, each: number) =>
    cumulative(
      (index) => {
        const step = world.app(instance, index);
        return step.graphqlOperations * share * each * (1 + step.incident * 2);
      },
      priorCountFor(instance) * share * each,
    );
  const series = (
    value: (instance: AppInstance, statement: (typeof STATEMENTS)[number]) => (index: number) => number,
  ) =>
    APP_INSTANCES.flatMap((instance) =>
      STATEMENTS.map((statement) => ({
        labels: appLabels(instance, { queryid: statement.queryid, query: statement.query.slice(0, 80) }),
        value: value(instance, statement),
      })),
    );
  return [
    {
      type: "gauge",
      name: "fraiseql_db_query_exec_seconds",
      help: "Cumulative execution time per query (from DB stats extension)",
      series: series((instance, statement) => seconds(instance, statement.share, statement.seconds)),
    },
    {
      type: "gauge",
      name: "fraiseql_db_query_calls",
      help: "Total call count per query (from DB stats extension)",
      series: series((instance, statement) => calls(instance, statement.share)),
    },
    {
      type: "gauge",
      name: "fraiseql_db_query_mean_exec_seconds",
      help: "Mean execution time per query (from DB stats extension)",
      series: series((instance, statement) => {
        const total = seconds(instance, statement.share, statement.seconds);
        const count = calls(instance, statement.share);
        return (index) => total(index) / Math.max(1, count(index));
      }),
    },
    {
      type: "gauge",
      name: "fraiseql_db_cache_hit_ratio",
      help: "Buffer cache hit ratio per query (0-1, from DB stats extension)",
      series: series((_instance, statement) => {
        const noise = world.random(`statement:${statement.queryid}`);
        return (index) => Math.min(1, 0.985 + 0.01 * smoothNoise(noise, world.time(index), 900));
      }),
    },
  ];
}

function apqFamilies(world: DemoWorld): MetricFamily[] {
  const lookups = (instance: AppInstance, index: number) =>
    world.app(instance, index).graphqlOperations * 0.6;
  const hitRatio = (instance: AppInstance, index: number) =>
    0.93 + 0.04 * smoothNoise(world.random(`${instance.instance}:apq`), world.time(index), 1800);
  const hits = (instance: AppInstance, index: number) =>
    stochasticRound(
      lookups(instance, index) * hitRatio(instance, index),
      world.random(`${instance.instance}:apq-hit`)(index),
    );
  const misses = (instance: AppInstance, index: number) =>
    stochasticRound(
      lookups(instance, index) * (1 - hitRatio(instance, index)),
      world.random(`${instance.instance}:apq-miss`)(index),
    );
  return [
    perInstance("counter", "fraiseql_apq_hits_total", "Total APQ cache hits", (instance) =>
      counterFrom(priorCountFor(instance) * 0.56, (index) => hits(instance, index)),
    ),
    perInstance("counter", "fraiseql_apq_misses_total", "Total APQ cache misses", (instance) =>
      counterFrom(priorCountFor(instance) * 0.04, (index) => misses(instance, index)),
    ),
    perInstance("counter", "fraiseql_apq_stored_total", "Total APQ queries stored", (instance) =>
      counterFrom(priorCountFor(instance) * 0.04, (index) => misses(instance, index)),
    ),
    // Fail-open events of the Redis-backed features: none while Redis is healthy.
    perInstance(
      "counter",
      "fraiseql_apq_redis_errors_total",
      "Total Redis APQ fail-open events",
      () => () => 0,
    ),
    perInstance(
      "counter",
      "fraiseql_rate_limit_redis_errors_total",
      "Total Redis rate limiter fail-open events (Redis unreachable)",
      () => () => 0,
    ),
    perInstance(
      "counter",
      "fraiseql_pkce_redis_errors_total",
      "Total Redis PKCE store errors (connection failures, etc.)",
      () => () => 0,
    ),
  ];
}

function resultFamilies(world: DemoWorld): MetricFamily[] {
  const family = (name: string, help: string, perSecond: number): MetricFamily => ({
    type: "counter",
    name,
    help,
    series: APP_INSTANCES.flatMap((instance) =>
      (["accepted", "rejected"] as const).map((result) => ({
        labels: appLabels(instance, { result }),
        value: cumulative((index) =>
          stochasticRound(
            perSecond *
              world.timeline.stepSeconds *
              world.app(instance, index).load *
              (result === "accepted" ? 1 : 0.02),
            world.random(`${instance.instance}:${name}:${result}`)(index),
          ),
        ),
      })),
    ),
  });
  return [
    family("fraiseql_ws_connections_total", "Total WebSocket subscription connections", 0.4),
    family("fraiseql_ws_subscriptions_total", "Total subscription registrations", 0.9),
  ];
}

function observerFamilies(world: DemoWorld): MetricFamily[] {
  const events = (instance: AppInstance, index: number) =>
    stochasticRound(
      world.app(instance, index).graphqlOperations * 0.08,
      world.random(`${instance.instance}:events`)(index),
    );
  const observerHits = (instance: AppInstance, index: number) =>
    stochasticRound(events(instance, index) * 0.82, world.random(`${instance.instance}:obs-hit`)(index));
  return [
    perInstance("counter", "fraiseql_observer_events_processed_total", "Total events processed", (instance) =>
      cumulative((index) => events(instance, index)),
    ),
    perInstance("counter", "fraiseql_observer_cache_hits_total", "Total cache hits", (instance) =>
      cumulative((index) => observerHits(instance, index)),
    ),
    perInstance("counter", "fraiseql_observer_cache_misses_total", "Total cache misses", (instance) =>
      cumulative((index) => events(instance, index) - observerHits(instance, index)),
    ),
    perInstance(
      "gauge",
      "fraiseql_observer_backlog_size",
      "Current number of events in processing queue",
      (instance) => (index) =>
        Math.round(
          world.app(instance, index).incident * 40 + world.random(`${instance.instance}:backlog`)(index) * 3,
        ),
    ),
  ];
}
