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
 * Seed 003, Phase 20 "Cache Performance". FraiseQL exposes little about its caches in Prometheus
 * (v2's query-result cache stats are JSON only), so most panels query the names the unmerged
 * Phase 17A branch used and say so.
 */

function hitRatio(context: CatalogContext, hits: string, misses: string, by?: string): string {
  return `${appRate(context, hits, { by })} / (${appRate(context, hits, { by })} + ${appRate(context, misses, { by })})`;
}

const PHASE_17A = "FraiseQL exposed it only on the unmerged Phase 17A branch; no released version does.";

function build(context: CatalogContext): Dashboard {
  const app = appMatchers(context);
  return dashboard({
    uid: "fraiseql-cache",
    title: "Cache Performance",
    description: "Hit rates, latency, size, coherency and invalidations of FraiseQL's caches.",
    tags: ["fraiseql", "cache", "performance"],
    catalogId: "cache",
    variables: [instanceVariable(context)],
    panels: [
      row("Hit rates"),
      {
        type: "gauge",
        title: "Overall hit rate",
        description: byVersion(context, {
          v2: "Query-result cache hits over lookups. FraiseQL v2 exposes fraiseql_cache_hits and fraiseql_cache_misses but nothing increments them yet, so this shows no data; the real counts are served as JSON at /api/v1/admin/cache/stats.",
          v1: "Cache hits over lookups, all cache types. FraiseQL v1 counts them only when the application calls record_cache_hit / record_cache_miss.",
        }),
        unit: "percentunit",
        decimals: 1,
        min: 0,
        max: 1,
        thresholds: reverseTrafficLight(0.5, 0.75),
        w: 6,
        h: 8,
        targets: [
          byVersion(context, {
            v2: promTarget(hitRatio(context, "fraiseql_cache_hits", "fraiseql_cache_misses"), "hit rate"),
            v1: promTarget(
              hitRatio(context, "fraiseql_cache_hits_total", "fraiseql_cache_misses_total"),
              "hit rate",
            ),
          }),
        ],
      },
      {
        type: "timeseries",
        title: "Hit rate by cache type",
        description: byVersion(context, {
          v2: "FraiseQL v2 has no cache_type label; its caches have separate counters: the query-result cache (not fed yet), automatic persisted queries, and the observer cache (built with feature observers-metrics).",
          v1: "Hit rate per cache_type label of fraiseql_cache_hits_total / fraiseql_cache_misses_total.",
        }),
        unit: "percentunit",
        decimals: 1,
        min: 0,
        max: 1,
        w: 18,
        legend: tableLegend(),
        targets: byVersion(context, {
          v2: targets(
            promTarget(hitRatio(context, "fraiseql_cache_hits", "fraiseql_cache_misses"), "query result"),
            promTarget(
              hitRatio(context, "fraiseql_apq_hits_total", "fraiseql_apq_misses_total"),
              "persisted queries (APQ)",
            ),
            promTarget(
              hitRatio(context, "fraiseql_observer_cache_hits_total", "fraiseql_observer_cache_misses_total"),
              "observer",
            ),
          ),
          v1: [
            promTarget(
              hitRatio(context, "fraiseql_cache_hits_total", "fraiseql_cache_misses_total", "cache_type"),
              "{{cache_type}}",
            ),
          ],
        }),
      },

      row("Latency and size"),
      {
        type: "timeseries",
        title: "Cache operation latency (P95)",
        description: requiresMetrics(
          ["fraiseql_cache_operation_duration_seconds"],
          "as a histogram with an `operation` label (get, set, delete). No FraiseQL version times cache operations.",
        ),
        unit: "s",
        decimals: 4,
        legend: tableLegend(),
        targets: [
          promTarget(
            appQuantile(context, 0.95, "fraiseql_cache_operation_duration_seconds_bucket", "operation"),
            "{{operation}}",
          ),
        ],
      },
      {
        type: "timeseries",
        title: "Cache size",
        description: byVersion(context, {
          v2: `${requiresMetrics(["fraiseql_cache_total_entries_total"], PHASE_17A)} v2 serves the entry count as JSON at /api/v1/admin/cache/stats; the APQ line counts persisted queries stored.`,
          v1: requiresMetrics(["fraiseql_cache_total_entries_total"], PHASE_17A),
        }),
        unit: "short",
        decimals: 0,
        targets: byVersion(context, {
          v2: targets(
            promTarget(`sum(fraiseql_cache_total_entries_total{${app}})`, "cached entries"),
            promTarget(`sum(fraiseql_apq_stored_total{${app}})`, "APQ queries stored"),
          ),
          v1: [promTarget(`sum(fraiseql_cache_total_entries_total{${app}})`, "cached entries")],
        }),
      },

      row("Coherency and invalidation"),
      {
        type: "stat",
        title: "Cache coherency",
        description: requiresMetrics(
          ["fraiseql_cache_coherency_ratio"],
          "a 0-1 gauge of cached entries still matching the database (Phase 17A cache coherency). No FraiseQL version exposes one.",
        ),
        unit: "percentunit",
        decimals: 2,
        thresholds: reverseTrafficLight(0.95, 0.99),
        colorMode: "background",
        targets: [promTarget(`min(fraiseql_cache_coherency_ratio{${app}})`, "coherency")],
      },
      {
        type: "bargauge",
        title: "Top invalidated entities",
        description: requiresMetrics(
          ["fraiseql_cache_invalidations_total"],
          `with an \`entity\` label. ${PHASE_17A} v2 counts invalidations only in the JSON at /api/v1/admin/cache/stats.`,
        ),
        unit: "short",
        decimals: 0,
        w: 9,
        thresholds: thresholds("blue"),
        targets: [
          promTarget(
            `topk(10, sum by (entity) (increase(fraiseql_cache_invalidations_total{${app}}[$__range])))`,
            "{{entity}}",
            { instant: true },
          ),
        ],
      },
      {
        type: "timeseries",
        title: "Cascading invalidations",
        description: requiresMetrics(
          ["fraiseql_cache_cascading_invalidations_total"],
          "counting entries invalidated because a related entity changed. No FraiseQL version exposes it.",
        ),
        unit: "ops",
        drawStyle: "bars",
        w: 9,
        targets: [promTarget(appRate(context, "fraiseql_cache_cascading_invalidations_total"), "cascades/s")],
      },
      {
        type: "timeseries",
        title: "Cache memory usage",
        description: requiresMetrics(["fraiseql_cache_peak_memory_bytes"], PHASE_17A),
        unit: "bytes",
        thresholds: trafficLight(512 * 1024 * 1024, 1024 * 1024 * 1024),
        w: 24,
        targets: [promTarget(`sum(fraiseql_cache_peak_memory_bytes{${app}})`, "peak memory")],
      },
    ],
  });
}

export const cacheDashboard: DashboardEntry = {
  id: "cache",
  title: "Cache Performance",
  description:
    "Overall and per-type hit rates, cache operation latency, size, coherency, top invalidated entities, cascading invalidations and memory.",
  source: "seed-003",
  level: "standard",
  datasources: ["prometheus"],
  build,
};
