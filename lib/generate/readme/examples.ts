import type { FrameworkVersion } from "../../model";

/** Queries printed in the bundle README; tests check that each one parses. */
export function promqlExamples(version: FrameworkVersion, job: string): { title: string; query: string }[] {
  const v2 = version === "v2";
  return [
    { title: "Is the application being scraped?", query: `up{job="${job}"}` },
    { title: "GraphQL queries per second", query: "sum(rate(fraiseql_graphql_queries_total[5m]))" },
    {
      title: "GraphQL error ratio",
      query: v2
        ? "sum(rate(fraiseql_graphql_queries_error[5m])) / sum(rate(fraiseql_graphql_queries_total[5m]))"
        : "sum(rate(fraiseql_graphql_queries_errors_total[5m])) / sum(rate(fraiseql_graphql_queries_total[5m]))",
    },
    {
      title: "p95 latency by operation",
      query: v2
        ? "histogram_quantile(0.95, sum by (operation, le) (rate(fraiseql_query_duration_seconds_bucket[5m])))"
        : "histogram_quantile(0.95, sum by (operation_name, le) (rate(fraiseql_graphql_query_duration_seconds_bucket[5m])))",
    },
    {
      title: "Connection pool in use",
      query: v2
        ? "fraiseql_db_pool_connections_active / fraiseql_db_pool_connections_total"
        : "fraiseql_db_connections_active / fraiseql_db_connections_total",
    },
  ];
}

export function logqlExamples(app: string): { title: string; query: string }[] {
  const stream = `{app="${app}"}`;
  return [
    { title: "Recent errors", query: `${stream} |= "ERROR"` },
    { title: "Structured logs with a GraphQL query", query: `${stream} | json | query != ""` },
    { title: "Slow requests (over 1 s)", query: `${stream} | json | duration_ms > 1000` },
    {
      title: "Error lines per minute by level",
      query: `sum by (level) (count_over_time(${stream} | json [1m]))`,
    },
  ];
}
