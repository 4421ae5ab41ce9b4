import { describe, expect, it } from "vitest";
import { ConditionError, conditionExpr, parseCondition } from "./conditions";

describe("parseCondition", () => {
  it.each([
    ["cpu > 80%", "v2", '100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m]))) > 80'],
    [
      "connections > 80%",
      "v2",
      "100 * fraiseql_db_pool_connections_active / fraiseql_db_pool_connections_total > 80",
    ],
    ["connections>=90%", "v1", "100 * fraiseql_db_connections_active / fraiseql_db_connections_total >= 90"],
    [
      "error_rate > 5%",
      "v2",
      "100 * sum(rate(fraiseql_graphql_queries_error[5m])) / sum(rate(fraiseql_graphql_queries_total[5m])) > 5",
    ],
    [
      "latency_p95 > 500ms",
      "v2",
      "histogram_quantile(0.95, sum by (le) (rate(fraiseql_query_duration_seconds_bucket[5m]))) > 0.5",
    ],
    [
      "disk_free < 10%",
      "v2",
      '100 * node_filesystem_avail_bytes{fstype!~"tmpfs|overlay|squashfs"} / node_filesystem_size_bytes{fstype!~"tmpfs|overlay|squashfs"} < 10',
    ],
  ] as const)("%s (%s)", (text, version, expr) => {
    expect(conditionExpr(parseCondition(text), version)).toBe(expr);
  });

  it.each([
    [
      "cpux > 80%",
      'unknown metric "cpux" in condition: expected one of cpu, memory, disk, disk_free, connections, error_rate, latency_p50, latency_p95, latency_p99',
    ],
    ["cpu > 80", "cpu is a percentage: write the threshold with %, e.g. cpu > 80%"],
    ["cpu > 180%", "a percentage threshold must be between 0% and 100%, not 180%"],
    [
      "latency_p99 > 2",
      "latency_p99 is a duration: write the threshold with s or ms, e.g. latency_p99 > 500ms",
    ],
    [
      "cpu is high",
      'cannot read condition "cpu is high": expected <metric> <op> <number>[%|s|ms], e.g. cpu > 80%',
    ],
  ])("rejects %s", (text, message) => {
    expect(() => parseCondition(text)).toThrow(new ConditionError(message));
  });
});
