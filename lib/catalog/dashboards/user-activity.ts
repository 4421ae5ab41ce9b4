import type { Dashboard, FrameworkVersion } from "../../model";
import type { CatalogContext } from "../context";
import { dashboard, row, thresholds, trafficLight } from "../factories";
import type { DashboardEntry } from "../types";
import { byVersion, postgresTarget, type VariableInput } from "./shared";

/**
 * Seed 003, Phase 20 "User Activity (multi-tenancy)", all SQL. v2 reads its request audit log
 * (`fraiseql_audit_logs`) and usage counters (`fraiseql_usage_counters`); v1 reads the enterprise
 * `audit_events` table, whose rows are application events rather than requests.
 */

/** Rows without a tenant (single-tenant apps) are tenant "none", so they stay selectable. */
const TENANT = "coalesce(tenant_id::text, 'none')";
const IN_TENANTS = `${TENANT} IN ($tenant)`;

const AUDIT_TABLE: Record<FrameworkVersion, string> = { v2: "fraiseql_audit_logs", v1: "audit_events" };

/** Rows counted as failures: v2 logs a level, v1 only free-form event types. */
const FAILED: Record<FrameworkVersion, string> = {
  v2: "level = 'ERROR'",
  v1: "(event_type ILIKE '%fail%' OR event_type ILIKE '%error%' OR event_type ILIKE '%denied%')",
};

function tenantVariable(context: CatalogContext): VariableInput {
  return {
    type: "query",
    name: "tenant",
    label: "Tenant",
    datasource: context.postgresUid,
    query: `SELECT DISTINCT ${TENANT} FROM ${AUDIT_TABLE[context.version]} WHERE $__timeFilter(timestamp) ORDER BY 1`,
    multi: true,
    includeAll: true,
    refresh: "timeRange",
  };
}

interface UserActivityQueries {
  activeUsers: string;
  requestsPerUser: string;
  patterns: string;
  topUsers: string;
  errorRate: string;
  complexity: string;
  newUsers: string;
  tenants: string;
}

function queriesFor(version: FrameworkVersion): UserActivityQueries {
  const table = AUDIT_TABLE[version];
  const where = `$__timeFilter(timestamp) AND ${IN_TENANTS}`;
  return {
    activeUsers: `SELECT
  $__timeGroupAlias(timestamp, $__interval),
  ${TENANT} AS metric,
  count(DISTINCT user_id) AS value
FROM ${table}
WHERE ${where}
GROUP BY 1, 2
ORDER BY 1`,
    requestsPerUser: `SELECT count(*)::float / nullif(count(DISTINCT user_id), 0) AS per_user
FROM ${table}
WHERE ${where}`,
    patterns:
      version === "v2"
        ? `SELECT
  operation,
  left(regexp_replace(query, '\\s+', ' ', 'g'), 120) AS query,
  count(*) AS requests,
  count(DISTINCT user_id) AS users,
  count(*) FILTER (WHERE level = 'ERROR') AS errors,
  round(avg(duration_ms)) AS avg_ms,
  max(duration_ms) AS max_ms
FROM fraiseql_audit_logs
WHERE ${where}
GROUP BY 1, 2
ORDER BY requests DESC
LIMIT 25`
        : `SELECT
  event_type,
  count(*) AS events,
  count(DISTINCT user_id) AS users,
  max(timestamp) AS last_seen
FROM audit_events
WHERE ${where}
GROUP BY event_type
ORDER BY events DESC
LIMIT 25`,
    topUsers: `SELECT
  $__timeGroupAlias(timestamp, $__interval),
  user_id::text AS metric,
  count(*) AS value
FROM ${table}
WHERE ${where} AND user_id IN (
  SELECT user_id FROM ${table}
  WHERE ${where} AND user_id IS NOT NULL
  GROUP BY user_id
  ORDER BY count(*) DESC
  LIMIT 10
)
GROUP BY 1, 2
ORDER BY 1`,
    errorRate: `SELECT
  $__timeGroupAlias(timestamp, $__interval),
  count(*) FILTER (WHERE ${FAILED[version]})::float / count(*) AS error_rate
FROM ${table}
WHERE ${where}
GROUP BY 1
ORDER BY 1`,
    complexity: `SELECT
  $__timeGroupAlias(timestamp, $__interval),
  CASE
    WHEN length(${version === "v2" ? "query" : "event_data::text"}) < 500 THEN 'small (<500 chars)'
    WHEN length(${version === "v2" ? "query" : "event_data::text"}) < 2000 THEN 'medium (500-2000 chars)'
    ELSE 'large (>2000 chars)'
  END AS metric,
  count(*) AS value
FROM ${table}
WHERE ${where}
GROUP BY 1, 2
ORDER BY 1`,
    newUsers: `SELECT
  $__timeGroupAlias(first_seen, $__interval),
  count(*) AS new_users
FROM (
  SELECT user_id, min(timestamp) AS first_seen
  FROM ${table}
  WHERE user_id IS NOT NULL AND ${IN_TENANTS}
  GROUP BY user_id
) AS firsts
WHERE $__timeFilter(first_seen)
GROUP BY 1
ORDER BY 1`,
    tenants:
      version === "v2"
        ? `SELECT
  tenant_id,
  period,
  entity_type,
  "count",
  updated_at
FROM fraiseql_usage_counters
WHERE $__timeFilter(updated_at) AND ${IN_TENANTS}
ORDER BY period DESC, "count" DESC
LIMIT 200`
        : `SELECT
  ${TENANT} AS tenant,
  count(*) AS events,
  count(DISTINCT user_id) AS users,
  count(DISTINCT event_type) AS event_types,
  max(timestamp) AS last_event
FROM audit_events
WHERE ${where}
GROUP BY 1
ORDER BY events DESC
LIMIT 100`,
  };
}

function build(context: CatalogContext): Dashboard {
  const queries = queriesFor(context.version);
  const pg = (rawSql: string, format: "table" | "time_series" = "table") =>
    postgresTarget(context, rawSql, format);
  const source = byVersion(context, {
    v2: "From the request audit log (fraiseql_audit_logs).",
    v1: "From the enterprise audit log (audit_events), which records application events rather than every request.",
  });
  return dashboard({
    uid: "fraiseql-user-activity",
    title: "User Activity",
    description: "Who uses the API, how much, and how it fails, per tenant.",
    tags: ["fraiseql", "users", "tenants", "audit"],
    catalogId: "user-activity",
    variables: [tenantVariable(context)],
    panels: [
      row("Users"),
      {
        type: "timeseries",
        title: "Active users per tenant",
        description: `Distinct users per interval, one series per tenant ("none" for rows without a tenant). ${source}`,
        datasource: context.postgresUid,
        unit: "short",
        decimals: 0,
        targets: [pg(queries.activeUsers, "time_series")],
      },
      {
        type: "timeseries",
        title: "New users",
        description: `Users whose first audit-log entry falls in each interval. ${source}`,
        datasource: context.postgresUid,
        unit: "short",
        decimals: 0,
        drawStyle: "bars",
        fillOpacity: 60,
        w: 8,
        targets: [pg(queries.newUsers, "time_series")],
      },
      {
        type: "stat",
        title: "Requests per user",
        description: `Audit-log entries per distinct user in the selected range. ${source}`,
        datasource: context.postgresUid,
        unit: "short",
        decimals: 1,
        graphMode: "none",
        thresholds: thresholds("blue"),
        w: 4,
        h: 8,
        targets: [pg(queries.requestsPerUser)],
      },

      row("Usage patterns"),
      {
        type: "bargauge",
        title: "Top users by operation count",
        description: `The ten users with the most audit-log entries in the selected range. ${source}`,
        datasource: context.postgresUid,
        unit: "short",
        decimals: 0,
        reduce: "sum",
        thresholds: thresholds("blue"),
        w: 8,
        targets: [pg(queries.topUsers, "time_series")],
      },
      {
        type: "table",
        title: "User query patterns",
        description: byVersion(context, {
          v2: "Requests, users, errors and duration per operation type (query, mutation) and query text, whitespace collapsed.",
          v1: "Events and users per audit event type.",
        }),
        datasource: context.postgresUid,
        w: 16,
        sortBy: [{ displayName: byVersion(context, { v2: "requests", v1: "events" }), desc: true }],
        targets: [pg(queries.patterns)],
      },

      row("Quality"),
      {
        type: "timeseries",
        title: "User error rate",
        description: byVersion(context, {
          v2: "Share of audit-log entries at level ERROR.",
          v1: "Share of audit events whose type mentions a failure, error or denial (audit_events has no status column).",
        }),
        datasource: context.postgresUid,
        unit: "percentunit",
        decimals: 2,
        min: 0,
        thresholds: trafficLight(0.01, 0.05),
        targets: [pg(queries.errorRate, "time_series")],
      },
      {
        type: "timeseries",
        title: "Query complexity distribution",
        description: byVersion(context, {
          v2: "Requests by size of the GraphQL query text, a stand-in for complexity: no FraiseQL version records a complexity score per request.",
          v1: "Audit events by size of their event data, a stand-in for complexity: no FraiseQL version records a complexity score per request.",
        }),
        datasource: context.postgresUid,
        unit: "short",
        drawStyle: "bars",
        stacking: "normal",
        fillOpacity: 70,
        targets: [pg(queries.complexity, "time_series")],
      },

      row("Tenants"),
      {
        type: "table",
        title: "Tenant usage",
        description: byVersion(context, {
          v2: "Per-tenant usage counters by period and entity type (fraiseql_usage_counters), updated in the selected range.",
          v1: "Per-tenant audit events, users and event types in the selected range.",
        }),
        datasource: context.postgresUid,
        targets: [pg(queries.tenants)],
      },
    ],
  });
}

export const userActivityDashboard: DashboardEntry = {
  id: "user-activity",
  title: "User Activity",
  description:
    "Active users per tenant, requests per user, query patterns, top users, user error rate, query size distribution, new users and tenant usage.",
  source: "seed-003",
  level: "enterprise",
  datasources: ["postgres"],
  build,
};
