import type { Dashboard } from "../../model";
import type { CatalogContext } from "../context";
import { dashboard, promTarget, row, targets, thresholds, trafficLight } from "../factories";
import type { DashboardEntry } from "../types";
import {
  appLogSelector,
  appMatchers,
  appRate,
  byVersion,
  instanceVariable,
  lokiTarget,
  postgresTarget,
  tableLegend,
} from "./shared";

/**
 * Seed 003, Phase 20 "Error Analysis": rates from Prometheus, individual errors from SQL. v2 keeps
 * failures in its audit log (`fraiseql_audit_logs`, level ERROR); v1 has a real error tracker
 * (`tb_error_log` fingerprints, `tb_error_occurrence` rows).
 */

const SEVERITY_SQL = {
  v2: `SELECT
  $__timeGroupAlias(timestamp, $__interval),
  level AS metric,
  count(*) AS value
FROM fraiseql_audit_logs
WHERE $__timeFilter(timestamp) AND level IN ('WARN', 'ERROR')
GROUP BY 1, 2
ORDER BY 1`,
  v1: `SELECT
  $__timeGroupAlias(o.occurred_at, $__interval),
  l.severity AS metric,
  count(*) AS value
FROM tb_error_occurrence o
JOIN tb_error_log l ON l.error_id = o.error_id
WHERE $__timeFilter(o.occurred_at)
GROUP BY 1, 2
ORDER BY 1`,
} as const;

const AFFECTED_USERS_SQL = {
  v2: `SELECT count(DISTINCT user_id) AS affected_users
FROM fraiseql_audit_logs
WHERE $__timeFilter(timestamp) AND level = 'ERROR'`,
  v1: `SELECT count(DISTINCT o.user_context->>'user_id') AS affected_users
FROM tb_error_occurrence o
WHERE $__timeFilter(o.occurred_at)`,
} as const;

/**
 * v2 records failures but not their resolution, so it measures how long each error kept recurring;
 * v1's error tracker records when an error was resolved.
 */
const RESOLUTION_TIME_SQL = {
  v2: `SELECT avg(extract(epoch FROM last_seen - first_seen)) AS mean_error_lifetime
FROM (
  SELECT md5(coalesce(error, '')) AS fingerprint, min(timestamp) AS first_seen, max(timestamp) AS last_seen
  FROM fraiseql_audit_logs
  WHERE $__timeFilter(timestamp) AND level = 'ERROR'
  GROUP BY 1
) AS errors`,
  v1: `SELECT avg(extract(epoch FROM resolved_at - first_seen)) AS mean_time_to_resolve
FROM tb_error_log
WHERE status = 'resolved' AND $__timeFilter(resolved_at)`,
} as const;

const TOP_FINGERPRINTS_SQL = {
  v2: `SELECT
  left(md5(coalesce(error, '')), 16) AS fingerprint,
  left(error, 160) AS error,
  operation,
  count(*) AS occurrences,
  count(DISTINCT user_id) AS affected_users,
  max(timestamp) AS last_seen
FROM fraiseql_audit_logs
WHERE $__timeFilter(timestamp) AND level = 'ERROR'
GROUP BY 1, 2, 3
ORDER BY occurrences DESC
LIMIT 20`,
  v1: `SELECT
  l.error_fingerprint AS fingerprint,
  l.error_type,
  left(l.error_message, 160) AS message,
  l.severity,
  l.status,
  count(*) AS occurrences,
  count(DISTINCT o.user_context->>'user_id') AS affected_users,
  max(o.occurred_at) AS last_seen
FROM tb_error_occurrence o
JOIN tb_error_log l ON l.error_id = o.error_id
WHERE $__timeFilter(o.occurred_at)
GROUP BY l.error_id, l.error_fingerprint, l.error_type, l.error_message, l.severity, l.status
ORDER BY occurrences DESC
LIMIT 20`,
} as const;

const RECENT_ERRORS_SQL = {
  v2: `SELECT
  timestamp,
  operation,
  user_id,
  tenant_id,
  ip_address,
  duration_ms,
  left(error, 300) AS error
FROM fraiseql_audit_logs
WHERE $__timeFilter(timestamp) AND level = 'ERROR'
ORDER BY timestamp DESC
LIMIT 100`,
  v1: `SELECT
  o.occurred_at,
  l.severity,
  l.error_type,
  left(l.error_message, 300) AS message,
  o.user_context->>'user_id' AS user_id,
  o.trace_id,
  l.error_fingerprint AS fingerprint
FROM tb_error_occurrence o
JOIN tb_error_log l ON l.error_id = o.error_id
WHERE $__timeFilter(o.occurred_at)
ORDER BY o.occurred_at DESC
LIMIT 100`,
} as const;

function errorRateTargets(context: CatalogContext): ReturnType<typeof promTarget>[] {
  const operations = appRate(context, "fraiseql_graphql_queries_total");
  const requests = appRate(context, "fraiseql_http_requests_total");
  return byVersion(context, {
    v2: targets(
      promTarget(
        `${appRate(context, "fraiseql_graphql_queries_error")} / ${operations}`,
        "GraphQL operations",
      ),
      promTarget(`${appRate(context, "fraiseql_http_responses_5xx")} / ${requests}`, "HTTP 5xx"),
    ),
    v1: targets(
      promTarget(
        `${appRate(context, "fraiseql_graphql_queries_errors_total")} / ${operations}`,
        "GraphQL operations",
      ),
      promTarget(
        `${appRate(context, "fraiseql_http_requests_total", { extra: ['status=~"5.."'] })} / ${requests}`,
        "HTTP 5xx",
      ),
    ),
  });
}

function build(context: CatalogContext): Dashboard {
  const app = appMatchers(context);
  const version = context.version;
  return dashboard({
    uid: "fraiseql-errors",
    title: "Error Analysis",
    description:
      "Error rates and types from Prometheus; fingerprints, severity and affected users from the database.",
    tags: ["fraiseql", "errors"],
    catalogId: "errors",
    variables: [instanceVariable(context)],
    panels: [
      row("Error rates"),
      {
        type: "timeseries",
        title: "Error rate over time",
        description: "Share of GraphQL operations that failed, and share of HTTP responses that were 5xx.",
        unit: "percentunit",
        decimals: 2,
        min: 0,
        thresholds: trafficLight(0.01, 0.05),
        legend: tableLegend(),
        targets: errorRateTargets(context),
      },
      {
        type: "timeseries",
        title: "Errors by type",
        description: byVersion(context, {
          v2: "Failed operations per second by stage: query parsing, validation against the schema, execution (resolvers and database).",
          v1: "Errors per second by the error_type label of fraiseql_errors_total.",
        }),
        unit: "cps",
        stacking: "normal",
        fillOpacity: 40,
        legend: tableLegend(["mean", "max", "sum"]),
        targets: byVersion(context, {
          v2: targets(
            promTarget(appRate(context, "fraiseql_parse_errors_total"), "parse"),
            promTarget(appRate(context, "fraiseql_validation_errors_total"), "validation"),
            promTarget(appRate(context, "fraiseql_execution_errors_total"), "execution"),
          ),
          v1: [promTarget(appRate(context, "fraiseql_errors_total", { by: "error_type" }), "{{error_type}}")],
        }),
      },

      row("Impact"),
      {
        type: "bargauge",
        title: "Errors by endpoint",
        description: byVersion(context, {
          v2: "FraiseQL v2 has no per-route HTTP labels; this counts failed operations per GraphQL operation (fraiseql_query_errors_total) over the selected range.",
          v1: "4xx and 5xx responses per endpoint over the selected range.",
        }),
        unit: "short",
        decimals: 0,
        thresholds: thresholds("orange"),
        w: 8,
        targets: [
          byVersion(context, {
            v2: promTarget(
              `topk(10, sum by (operation) (increase(fraiseql_query_errors_total{${app}}[$__range])))`,
              "{{operation}}",
              { instant: true },
            ),
            v1: promTarget(
              `topk(10, sum by (endpoint) (increase(fraiseql_http_requests_total{${appMatchers(context, 'status=~"[45].."')}}[$__range])))`,
              "{{endpoint}}",
              { instant: true },
            ),
          }),
        ],
      },
      {
        type: "timeseries",
        title: "Error distribution by severity",
        description: byVersion(context, {
          v2: "Audit log entries at level WARN and ERROR (fraiseql_audit_logs).",
          v1: "Error occurrences by the severity of their fingerprint (tb_error_occurrence joined to tb_error_log).",
        }),
        datasource: context.postgresUid,
        unit: "short",
        drawStyle: "bars",
        stacking: "normal",
        fillOpacity: 70,
        w: 8,
        targets: [postgresTarget(context, SEVERITY_SQL[version], "time_series")],
      },
      {
        type: "stat",
        title: "Affected users",
        description: byVersion(context, {
          v2: "Distinct users with at least one failed request in the selected range.",
          v1: "Distinct user_context.user_id values among error occurrences in the selected range.",
        }),
        datasource: context.postgresUid,
        unit: "short",
        decimals: 0,
        graphMode: "none",
        thresholds: trafficLight(1, 10),
        w: 4,
        h: 8,
        targets: [postgresTarget(context, AFFECTED_USERS_SQL[version])],
      },
      {
        type: "stat",
        title: "Error resolution time",
        description: byVersion(context, {
          v2: "FraiseQL v2 records failures but not their resolution, so this is how long errors kept recurring: the mean time from first to last occurrence of each error fingerprint in the selected range.",
          v1: "Mean time from an error's first occurrence to its resolution, for errors resolved in the selected range.",
        }),
        datasource: context.postgresUid,
        unit: "s",
        decimals: 0,
        graphMode: "none",
        thresholds: trafficLight(86_400, 7 * 86_400),
        w: 4,
        h: 8,
        targets: [postgresTarget(context, RESOLUTION_TIME_SQL[version])],
      },

      row("Errors"),
      {
        type: "table",
        title: "Top error fingerprints",
        description: byVersion(context, {
          v2: "Failed requests in the audit log grouped by error message (fingerprint = first 16 hex digits of its MD5).",
          v1: "Error fingerprints (sha256 of type, file, line and function) by occurrences in the selected range.",
        }),
        datasource: context.postgresUid,
        sortBy: [{ displayName: "occurrences", desc: true }],
        targets: [postgresTarget(context, TOP_FINGERPRINTS_SQL[version])],
      },
      {
        type: "table",
        title: "Recent errors",
        description: "The latest 100 errors in the selected range.",
        datasource: context.postgresUid,
        h: 10,
        sortBy: [{ displayName: byVersion(context, { v2: "timestamp", v1: "occurred_at" }), desc: true }],
        targets: [postgresTarget(context, RECENT_ERRORS_SQL[version])],
      },

      row("Logs and alerts"),
      {
        type: "timeseries",
        title: "Error log lines",
        description: "Application log lines mentioning an error or a panic, from Loki.",
        datasource: context.lokiUid,
        unit: "short",
        drawStyle: "bars",
        fillOpacity: 60,
        targets: [
          lokiTarget(
            context,
            `sum(count_over_time(${appLogSelector(context)} |~ "(?i)(error|panic)" [$__interval]))`,
            "error lines",
          ),
        ],
      },
      {
        type: "alertlist",
        title: "Firing alerts",
        description: "FraiseQL alerts that are firing or pending.",
        maxItems: 20,
        stateFilter: ["firing", "pending"],
      },
    ],
  });
}

export const errorsDashboard: DashboardEntry = {
  id: "errors",
  title: "Error Analysis",
  description:
    "Error rate, errors by type and endpoint, severity, top fingerprints, recent errors, affected users, resolution time, error logs and firing alerts.",
  source: "seed-003",
  level: "standard",
  datasources: ["prometheus", "postgres", "loki"],
  build,
};
