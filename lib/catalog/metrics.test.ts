import { describe, expect, it } from "vitest";
import { MetricNameSchema } from "../model";
import {
  isServedMetric,
  KNOWN_METRICS,
  KNOWN_SUMMARY_SERIES,
  SEED_PROPOSED_METRICS,
  unservedMetrics,
} from "./metrics";

describe("unservedMetrics", () => {
  it("returns nothing for real v2 names, exporter names and Prometheus series", () => {
    expect(
      unservedMetrics(
        [
          "fraiseql_graphql_queries_success",
          "fraiseql_http_responses_5xx",
          "fraiseql_query_duration_seconds_bucket",
          "node_load1",
          "pg_stat_database_blks_hit",
          "container_memory_working_set_bytes",
          "up",
        ],
        "v2",
      ),
    ).toEqual([]);
  });

  it("tells v1 and v2 names apart", () => {
    expect(unservedMetrics(["fraiseql_cache_hits_total", "fraiseql_cache_hits"], "v2")).toEqual([
      "fraiseql_cache_hits_total",
    ]);
    expect(unservedMetrics(["fraiseql_cache_hits_total", "fraiseql_cache_hits"], "v1")).toEqual([
      "fraiseql_cache_hits",
    ]);
    expect(unservedMetrics(["fraiseql_graphql_queries_errors_total"], "v1")).toEqual([]);
    expect(unservedMetrics(["fraiseql_graphql_queries_errors_total"], "v2")).toEqual([
      "fraiseql_graphql_queries_errors_total",
    ]);
  });

  it("knows histograms by their three series and summaries by their bare name", () => {
    expect(unservedMetrics(["fraiseql_query_duration_seconds"], "v2")).toEqual([
      "fraiseql_query_duration_seconds",
    ]);
    expect(
      unservedMetrics(["fraiseql_function_run_duration_seconds", "fraiseql_auth_duration_ms_count"], "v2"),
    ).toEqual([]);
    expect(unservedMetrics(["fraiseql_function_run_duration_seconds_bucket"], "v2")).toEqual([
      "fraiseql_function_run_duration_seconds_bucket",
    ]);
  });

  it("includes the _total and _created series prometheus_client adds in v1", () => {
    expect(
      unservedMetrics(
        [
          "fraiseql_graphql_queries_success_total",
          "fraiseql_graphql_queries_success_created",
          "fraiseql_db_query_duration_seconds_created",
        ],
        "v1",
      ),
    ).toEqual([]);
    expect(unservedMetrics(["fraiseql_graphql_queries_success"], "v1")).toEqual([
      "fraiseql_graphql_queries_success",
    ]);
  });

  it("reports doc-only names and typos, sorted and without repeats", () => {
    expect(
      unservedMetrics(
        [
          "fraiseql_request_duration_seconds_bucket",
          "fraiseql_db_errors_total",
          "fraiseql_graphql_queries_errors",
          "fraiseql_db_errors_total",
        ],
        "v2",
      ),
    ).toEqual([
      "fraiseql_db_errors_total",
      "fraiseql_graphql_queries_errors",
      "fraiseql_request_duration_seconds_bucket",
    ]);
  });

  it("returns an empty list for no names", () => {
    expect(unservedMetrics([], "v1")).toEqual([]);
  });
});

describe("metric lists", () => {
  it("hold only valid Prometheus metric names", () => {
    for (const [source, names] of Object.entries(KNOWN_METRICS)) {
      for (const name of names)
        expect(MetricNameSchema.safeParse(name).success, `${source}: ${name}`).toBe(true);
    }
    for (const name of SEED_PROPOSED_METRICS)
      expect(MetricNameSchema.safeParse(name).success, name).toBe(true);
  });

  it("keeps summaries within v2 and without buckets", () => {
    for (const name of KNOWN_SUMMARY_SERIES) {
      expect(KNOWN_METRICS["fraiseql-v2"].has(name), name).toBe(true);
      expect(name).not.toMatch(/_bucket$/);
    }
  });

  it("lists as seed proposals only names some FraiseQL version lacks", () => {
    for (const name of SEED_PROPOSED_METRICS) {
      expect(isServedMetric(name, "v2") && isServedMetric(name, "v1"), name).toBe(false);
    }
  });

  it("serves the seed's invented metrics in neither version", () => {
    for (const name of ["fraiseql_rust_jsonb_duration_seconds_bucket", "fraiseql_graphql_query_depth"]) {
      expect(isServedMetric(name, "v2")).toBe(false);
      expect(isServedMetric(name, "v1")).toBe(false);
    }
  });
});
