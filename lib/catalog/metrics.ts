import type { FrameworkVersion } from "../model";

/**
 * Metric names each scrape source really exposes, so the catalog, the editor and the tests can tell
 * a real series from one a seed document proposed. FraiseQL names come from
 * /work/shared/reference/fraiseql-metrics.md (§2 for v2, §3 for v1); exporter names from the
 * exporters' collectors.
 */
export type MetricSource =
  | "fraiseql-v2"
  | "fraiseql-v1"
  | "node-exporter"
  | "postgres-exporter"
  | "cadvisor"
  | "prometheus";

/** A histogram is scraped as three series. */
function histogram(base: string): string[] {
  return [`${base}_bucket`, `${base}_sum`, `${base}_count`];
}

/** A summary is scraped as its quantiles (the bare name) plus `_sum` and `_count`; it has no `_bucket`. */
function summary(base: string): string[] {
  return [base, `${base}_sum`, `${base}_count`];
}

/**
 * prometheus_client (v1) exposes a counter as `<base>_total` plus `<base>_created`, whether or not
 * the defined name ended in `_total`.
 */
function pythonCounter(definedName: string): string[] {
  const base = definedName.replace(/_total$/, "");
  return [`${base}_total`, `${base}_created`];
}

function pythonHistogram(base: string): string[] {
  return [...histogram(base), `${base}_created`];
}

/** v2 summaries: `metrics`-facade histograms rendered without buckets (reference §0.5). */
const FRAISEQL_V2_SUMMARIES = [
  "fraiseql_source_run_duration_seconds",
  "fraiseql_function_run_duration_seconds",
  "fraiseql_query_startup_duration_ms",
  "fraiseql_query_total_duration_ms",
  "fraiseql_query_rows_processed",
  "fraiseql_query_bytes_received",
  "fraiseql_chunk_processing_duration_ms",
  "fraiseql_chunk_size_rows",
  "fraiseql_json_parse_duration_ms",
  "fraiseql_filter_duration_ms",
  "fraiseql_deserialization_duration_ms",
  "fraiseql_channel_send_latency_ms",
  "fraiseql_auth_duration_ms",
  "fraiseql_channel_occupancy_rows",
  "fraiseql_stream_pause_duration_ms",
] as const;

const FRAISEQL_V2: readonly string[] = [
  // §2.1 core collector; several counters have no `_total`
  "fraiseql_graphql_queries_total",
  "fraiseql_graphql_queries_success",
  "fraiseql_graphql_queries_error",
  "fraiseql_graphql_query_duration_ms",
  "fraiseql_graphql_queries_cost_total",
  "fraiseql_database_queries_total",
  "fraiseql_database_query_duration_ms",
  "fraiseql_validation_errors_total",
  "fraiseql_parse_errors_total",
  "fraiseql_execution_errors_total",
  "fraiseql_http_requests_total",
  "fraiseql_http_responses_2xx",
  "fraiseql_http_responses_4xx",
  "fraiseql_http_responses_5xx",
  "fraiseql_cache_hits",
  "fraiseql_cache_misses",
  "fraiseql_cache_hit_ratio",
  // §2.2 per-operation and latency histograms
  ...histogram("fraiseql_query_duration_seconds"),
  "fraiseql_query_errors_total",
  ...histogram("fraiseql_http_request_duration_seconds"),
  ...histogram("fraiseql_database_query_duration_seconds"),
  // §2.3 pool, pg_stat_statements, pool tuner
  "fraiseql_db_pool_connections_total",
  "fraiseql_db_pool_connections_idle",
  "fraiseql_db_pool_connections_active",
  "fraiseql_db_pool_requests_waiting",
  "fraiseql_db_query_exec_seconds",
  "fraiseql_db_query_calls",
  "fraiseql_db_query_mean_exec_seconds",
  "fraiseql_db_cache_hit_ratio",
  "fraiseql_pool_tuning_adjustments_total",
  "fraiseql_pool_recommended_size",
  // §2.4 APQ, trusted documents, reloads, security, subscriptions
  "fraiseql_apq_hits_total",
  "fraiseql_apq_misses_total",
  "fraiseql_apq_stored_total",
  "fraiseql_apq_redis_errors_total",
  "fraiseql_trusted_documents_hits_total",
  "fraiseql_trusted_documents_misses_total",
  "fraiseql_trusted_documents_rejected_total",
  "fraiseql_schema_reloads_total",
  "fraiseql_schema_reload_errors_total",
  "fraiseql_jwt_replay_rejected_total",
  "fraiseql_jwt_replay_cache_errors_total",
  "fraiseql_multi_root_queries_total",
  "fraiseql_ws_connections_total",
  "fraiseql_ws_subscriptions_total",
  "fraiseql_rate_limit_redis_errors_total",
  "fraiseql_pkce_redis_errors_total",
  "fraiseql_mcp_tool_calls_total",
  "fraiseql_mcp_tool_errors_total",
  // §2.5 federation
  "fraiseql_federation_circuit_breaker_state",
  ...histogram("fraiseql_federation_subgraph_latency_seconds"),
  "fraiseql_federation_entity_resolution_total",
  // §2.6 observers (prometheus crate: real histograms)
  "fraiseql_observer_events_processed_total",
  "fraiseql_observer_events_failed_total",
  "fraiseql_observer_events_deserialization_failures_total",
  "fraiseql_observer_events_tenant_violations_total",
  "fraiseql_observer_cache_hits_total",
  "fraiseql_observer_cache_misses_total",
  "fraiseql_observer_cache_evictions_total",
  "fraiseql_observer_dedup_detected_total",
  "fraiseql_observer_dedup_processing_skipped_total",
  "fraiseql_observer_action_executed_total",
  ...histogram("fraiseql_observer_action_duration_seconds"),
  "fraiseql_observer_action_errors_total",
  "fraiseql_observer_backlog_size",
  "fraiseql_observer_dlq_items",
  "fraiseql_observer_dlq_overflow_total",
  "fraiseql_observer_job_queued_total",
  "fraiseql_observer_job_executed_total",
  "fraiseql_observer_job_failed_total",
  ...histogram("fraiseql_observer_job_duration_seconds"),
  "fraiseql_observer_job_retry_attempts_total",
  "fraiseql_observer_job_queue_depth",
  "fraiseql_observer_job_dlq_items",
  // §2.7 scheduled sources and functions
  "fraiseql_source_fires_total",
  "fraiseql_source_skips_not_leader_total",
  "fraiseql_function_dispatches_total",
  "fraiseql_function_predicate_skips_total",
  "fraiseql_function_dlq_size",
  "fraiseql_function_dlq_evictions_total",
  // §2.8 fraiseql-wire
  "fraiseql_queries_total",
  "fraiseql_query_success_total",
  "fraiseql_query_error_total",
  "fraiseql_query_cancelled_total",
  "fraiseql_query_completed_total",
  "fraiseql_rows_processed_total",
  "fraiseql_rows_filtered_total",
  "fraiseql_rows_deserialized_total",
  "fraiseql_rows_deserialization_failed_total",
  "fraiseql_errors_total",
  "fraiseql_protocol_errors_total",
  "fraiseql_json_parse_errors_total",
  "fraiseql_connections_created_total",
  "fraiseql_connections_failed_total",
  "fraiseql_authentications_total",
  "fraiseql_authentications_successful_total",
  "fraiseql_authentications_failed_total",
  "fraiseql_memory_soft_limit_warned_total",
  "fraiseql_memory_limit_exceeded_total",
  "fraiseql_adaptive_chunk_adjusted_total",
  "fraiseql_stream_paused_total",
  "fraiseql_stream_resumed_total",
  "fraiseql_stream_pause_timeout_expired_total",
  "fraiseql_chunk_size_bytes",
  "fraiseql_stream_buffered_items",
  ...FRAISEQL_V2_SUMMARIES.flatMap(summary),
];

const FRAISEQL_V1: readonly string[] = [
  ...pythonCounter("fraiseql_graphql_queries_total"),
  ...pythonHistogram("fraiseql_graphql_query_duration_seconds"),
  ...pythonCounter("fraiseql_graphql_queries_success"),
  ...pythonCounter("fraiseql_graphql_queries_errors"),
  ...pythonCounter("fraiseql_graphql_mutations_total"),
  ...pythonCounter("fraiseql_graphql_mutations_success"),
  ...pythonCounter("fraiseql_graphql_mutations_errors"),
  ...pythonHistogram("fraiseql_graphql_mutation_duration_seconds"),
  "fraiseql_db_connections_active",
  "fraiseql_db_connections_idle",
  "fraiseql_db_connections_total",
  ...pythonCounter("fraiseql_db_queries_total"),
  ...pythonHistogram("fraiseql_db_query_duration_seconds"),
  ...pythonCounter("fraiseql_cache_hits_total"),
  ...pythonCounter("fraiseql_cache_misses_total"),
  ...pythonCounter("fraiseql_errors_total"),
  ...pythonCounter("fraiseql_http_requests_total"),
  ...pythonHistogram("fraiseql_http_request_duration_seconds"),
  ...pythonHistogram("fraiseql_response_time_seconds"),
];

const NODE_EXPORTER: readonly string[] = [
  "node_boot_time_seconds",
  "node_context_switches_total",
  "node_cpu_seconds_total",
  "node_disk_io_time_seconds_total",
  "node_disk_read_bytes_total",
  "node_disk_reads_completed_total",
  "node_disk_writes_completed_total",
  "node_disk_written_bytes_total",
  "node_filefd_allocated",
  "node_filefd_maximum",
  "node_filesystem_avail_bytes",
  "node_filesystem_files",
  "node_filesystem_files_free",
  "node_filesystem_free_bytes",
  "node_filesystem_readonly",
  "node_filesystem_size_bytes",
  "node_intr_total",
  "node_load1",
  "node_load5",
  "node_load15",
  "node_memory_Buffers_bytes",
  "node_memory_Cached_bytes",
  "node_memory_MemAvailable_bytes",
  "node_memory_MemFree_bytes",
  "node_memory_MemTotal_bytes",
  "node_memory_SwapFree_bytes",
  "node_memory_SwapTotal_bytes",
  "node_network_receive_bytes_total",
  "node_network_receive_drop_total",
  "node_network_receive_errs_total",
  "node_network_transmit_bytes_total",
  "node_network_transmit_drop_total",
  "node_network_transmit_errs_total",
  "node_procs_blocked",
  "node_procs_running",
  "node_time_seconds",
  "node_uname_info",
  "node_vmstat_oom_kill",
];

const POSTGRES_EXPORTER: readonly string[] = [
  "pg_up",
  "pg_static",
  "pg_postmaster_start_time_seconds",
  "pg_exporter_last_scrape_duration_seconds",
  "pg_exporter_last_scrape_error",
  "pg_exporter_scrapes_total",
  "pg_settings_max_connections",
  "pg_settings_superuser_reserved_connections",
  "pg_database_size_bytes",
  "pg_locks_count",
  "pg_stat_activity_count",
  "pg_stat_activity_max_tx_duration",
  "pg_replication_lag_seconds",
  "pg_replication_is_replica",
  "pg_stat_database_numbackends",
  "pg_stat_database_xact_commit",
  "pg_stat_database_xact_rollback",
  "pg_stat_database_blks_read",
  "pg_stat_database_blks_hit",
  "pg_stat_database_tup_returned",
  "pg_stat_database_tup_fetched",
  "pg_stat_database_tup_inserted",
  "pg_stat_database_tup_updated",
  "pg_stat_database_tup_deleted",
  "pg_stat_database_conflicts",
  "pg_stat_database_temp_files",
  "pg_stat_database_temp_bytes",
  "pg_stat_database_deadlocks",
  "pg_stat_database_blk_read_time",
  "pg_stat_database_blk_write_time",
  "pg_stat_database_stats_reset",
  "pg_stat_database_active_time_seconds_total",
];

const CADVISOR: readonly string[] = [
  "cadvisor_version_info",
  "container_cpu_cfs_periods_total",
  "container_cpu_cfs_throttled_periods_total",
  "container_cpu_cfs_throttled_seconds_total",
  "container_cpu_system_seconds_total",
  "container_cpu_usage_seconds_total",
  "container_cpu_user_seconds_total",
  "container_fs_limit_bytes",
  "container_fs_reads_bytes_total",
  "container_fs_usage_bytes",
  "container_fs_writes_bytes_total",
  "container_last_seen",
  "container_memory_cache",
  "container_memory_failcnt",
  "container_memory_max_usage_bytes",
  "container_memory_rss",
  "container_memory_swap",
  "container_memory_usage_bytes",
  "container_memory_working_set_bytes",
  "container_network_receive_bytes_total",
  "container_network_receive_errors_total",
  "container_network_transmit_bytes_total",
  "container_network_transmit_errors_total",
  "container_oom_events_total",
  "container_spec_cpu_period",
  "container_spec_cpu_quota",
  "container_spec_cpu_shares",
  "container_spec_memory_limit_bytes",
  "container_start_time_seconds",
  "machine_cpu_cores",
  "machine_memory_bytes",
];

/** Series Prometheus itself attaches to every scrape or rule evaluation. */
const PROMETHEUS_SYNTHESIZED: readonly string[] = [
  "up",
  "scrape_duration_seconds",
  "scrape_samples_scraped",
  "scrape_samples_post_metric_relabeling",
  "scrape_series_added",
  "ALERTS",
  "ALERTS_FOR_STATE",
];

export const KNOWN_METRICS: Readonly<Record<MetricSource, ReadonlySet<string>>> = {
  "fraiseql-v2": new Set(FRAISEQL_V2),
  "fraiseql-v1": new Set(FRAISEQL_V1),
  "node-exporter": new Set(NODE_EXPORTER),
  "postgres-exporter": new Set(POSTGRES_EXPORTER),
  cadvisor: new Set(CADVISOR),
  prometheus: new Set(PROMETHEUS_SYNTHESIZED),
};

/**
 * Every series name that belongs to a summary (bare quantile name, `_sum`, `_count`), across all
 * sources: `histogram_quantile` over any of them returns nothing.
 */
export const KNOWN_SUMMARY_SERIES: ReadonlySet<string> = new Set(FRAISEQL_V2_SUMMARIES.flatMap(summary));

/**
 * Names the catalog queries although the FraiseQL version it is built for may not expose them:
 * panels a seed document asks for that no real series can serve. Each such panel says so in its
 * description. Some are real in the other version (`fraiseql_graphql_mutations_total` is v1-only,
 * `fraiseql_graphql_queries_cost_total` v2-only); the `fraiseql_cache_*` ones are the names the
 * unmerged Phase 17A branch used (reference §6).
 */
export const SEED_PROPOSED_METRICS: ReadonlySet<string> = new Set([
  // seed 000, "FraiseQL Performance"
  "fraiseql_rust_jsonb_duration_seconds_bucket",
  "fraiseql_graphql_query_depth",
  "fraiseql_graphql_mutations_total",
  // seed 003, Operations Overview
  "fraiseql_execution_mode_total",
  "fraiseql_graphql_queries_cost_total",
  // seed 003, Cache Performance
  "fraiseql_cache_operation_duration_seconds_bucket",
  "fraiseql_cache_total_entries_total",
  "fraiseql_cache_coherency_ratio",
  "fraiseql_cache_invalidations_total",
  "fraiseql_cache_cascading_invalidations_total",
  "fraiseql_cache_peak_memory_bytes",
  // seed 003, Database Health
  "fraiseql_db_pool_wait_duration_seconds_bucket",
  "fraiseql_db_transaction_duration_seconds_bucket",
]);

const EXPORTER_SOURCES = ["node-exporter", "postgres-exporter", "cadvisor", "prometheus"] as const;

const FRAMEWORK_SOURCE: Record<FrameworkVersion, MetricSource> = {
  v2: "fraiseql-v2",
  v1: "fraiseql-v1",
};

/** Whether the FraiseQL version or one of the exporters exposes the series. */
export function isServedMetric(name: string, version: FrameworkVersion): boolean {
  return (
    KNOWN_METRICS[FRAMEWORK_SOURCE[version]].has(name) ||
    EXPORTER_SOURCES.some((source) => KNOWN_METRICS[source].has(name))
  );
}

/** The names neither that FraiseQL version nor any exporter exposes, sorted and without repeats. */
export function unservedMetrics(names: readonly string[], version: FrameworkVersion): string[] {
  const unserved = new Set(names.filter((name) => !isServedMetric(name, version)));
  return [...unserved].sort();
}
