import type { Dashboard, FrameworkVersion } from "../../model";
import type { CatalogContext } from "../context";
import { dashboard, row, thresholds, trafficLight } from "../factories";
import type { DashboardEntry } from "../types";
import { byVersion, postgresTarget } from "./shared";

/**
 * Seed 003, Phase 20 "Compliance & Audit", all SQL over the audit log. v2: the request audit log
 * (`fraiseql_audit_logs`, whose `operation` is `query` or `mutation`), RBAC changes
 * (`fraiseql_permission_audit`) and tenant administration (`_fraiseql_tenant_events`). v1: the
 * enterprise `audit_events` table with free-form event types.
 */

interface ComplianceQueries {
  recent: string;
  byType: string;
  admin: string;
  permissions: string;
  access: string;
  failed: string;
  volume: string;
  lag: string;
}

/** Failures that look like authorization refusals rather than ordinary errors. */
const V2_ACCESS_DENIED =
  "level = 'ERROR' AND error ~* '(permission|forbidden|unauthori[sz]ed|denied|not allowed|access)'";

const V1_ACCESS_DENIED =
  "(event_type ILIKE '%denied%' OR event_type ILIKE '%fail%' OR event_type ILIKE '%unauthori%' OR event_type ILIKE '%forbidden%')";

const QUERIES: Record<FrameworkVersion, ComplianceQueries> = {
  v2: {
    recent: `SELECT
  timestamp,
  level,
  user_id,
  tenant_id,
  operation,
  left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query,
  ip_address,
  duration_ms,
  error
FROM fraiseql_audit_logs
WHERE $__timeFilter(timestamp)
ORDER BY timestamp DESC
LIMIT 100`,
    byType: `SELECT
  $__timeGroupAlias(timestamp, $__interval),
  CASE
    WHEN operation <> 'mutation' THEN 'access'
    WHEN query ~* '\\m(create|insert|add)' THEN 'create'
    WHEN query ~* '\\m(update|edit|set|patch)' THEN 'update'
    WHEN query ~* '\\m(delete|remove|archive)' THEN 'delete'
    ELSE 'other mutation'
  END AS metric,
  count(*) AS value
FROM fraiseql_audit_logs
WHERE $__timeFilter(timestamp)
GROUP BY 1, 2
ORDER BY 1`,
    admin: `SELECT
  occurred_at,
  tenant_key,
  event,
  actor,
  actor_type,
  acting_for_user_id,
  left(payload::text, 200) AS payload
FROM _fraiseql_tenant_events
WHERE $__timeFilter(occurred_at)
ORDER BY occurred_at DESC
LIMIT 100`,
    permissions: `SELECT
  occurred_at,
  event_type,
  role_name,
  role_id,
  permission_id,
  user_id,
  tenant_id,
  left(details::text, 200) AS details
FROM fraiseql_permission_audit
WHERE $__timeFilter(occurred_at)
ORDER BY occurred_at DESC
LIMIT 100`,
    access: `SELECT
  user_id,
  tenant_id,
  left(regexp_replace(query, '\\s+', ' ', 'g'), 120) AS accessed,
  count(*) AS accesses,
  min(timestamp) AS first_access,
  max(timestamp) AS last_access
FROM fraiseql_audit_logs
WHERE $__timeFilter(timestamp) AND operation = 'query'
GROUP BY 1, 2, 3
ORDER BY accesses DESC
LIMIT 50`,
    failed: `SELECT
  $__timeGroupAlias(timestamp, $__interval),
  count(*) AS failed_attempts
FROM fraiseql_audit_logs
WHERE $__timeFilter(timestamp) AND ${V2_ACCESS_DENIED}
GROUP BY 1
ORDER BY 1`,
    volume: `SELECT count(*) AS audit_events
FROM fraiseql_audit_logs
WHERE $__timeFilter(timestamp)`,
    lag: `SELECT extract(epoch FROM now() - max(timestamp)) AS seconds_since_last_entry
FROM fraiseql_audit_logs`,
  },
  v1: {
    recent: `SELECT
  timestamp,
  event_type,
  user_id,
  tenant_id,
  ip_address,
  left(event_data::text, 200) AS event_data
FROM audit_events
WHERE $__timeFilter(timestamp)
ORDER BY timestamp DESC
LIMIT 100`,
    byType: `SELECT
  $__timeGroupAlias(timestamp, $__interval),
  event_type AS metric,
  count(*) AS value
FROM audit_events
WHERE $__timeFilter(timestamp)
GROUP BY 1, 2
ORDER BY 1`,
    admin: `SELECT
  timestamp,
  event_type,
  user_id,
  tenant_id,
  ip_address,
  left(event_data::text, 200) AS event_data
FROM audit_events
WHERE $__timeFilter(timestamp) AND event_type ILIKE '%admin%'
ORDER BY timestamp DESC
LIMIT 100`,
    permissions: `SELECT
  timestamp,
  event_type,
  user_id,
  tenant_id,
  left(event_data::text, 200) AS event_data
FROM audit_events
WHERE $__timeFilter(timestamp)
  AND (event_type ILIKE '%permission%' OR event_type ILIKE '%role%' OR event_type ILIKE '%grant%' OR event_type ILIKE '%revoke%')
ORDER BY timestamp DESC
LIMIT 100`,
    access: `SELECT
  user_id,
  tenant_id,
  event_type,
  count(*) AS events,
  min(timestamp) AS first_event,
  max(timestamp) AS last_event
FROM audit_events
WHERE $__timeFilter(timestamp)
GROUP BY 1, 2, 3
ORDER BY events DESC
LIMIT 50`,
    failed: `SELECT
  $__timeGroupAlias(timestamp, $__interval),
  count(*) AS failed_attempts
FROM audit_events
WHERE $__timeFilter(timestamp) AND ${V1_ACCESS_DENIED}
GROUP BY 1
ORDER BY 1`,
    volume: `SELECT count(*) AS audit_events
FROM audit_events
WHERE $__timeFilter(timestamp)`,
    lag: `SELECT avg(extract(epoch FROM created_at - timestamp)) AS audit_lag
FROM audit_events
WHERE $__timeFilter(timestamp)`,
  },
};

function build(context: CatalogContext): Dashboard {
  const queries = QUERIES[context.version];
  const pg = (rawSql: string, format: "table" | "time_series" = "table") =>
    postgresTarget(context, rawSql, format);
  return dashboard({
    uid: "fraiseql-compliance",
    title: "Compliance & Audit",
    description:
      "Audit trail, administrative and permission changes, data access and failed access attempts.",
    tags: ["fraiseql", "audit", "compliance", "security"],
    catalogId: "compliance",
    panels: [
      row("Status"),
      {
        type: "stat",
        title: "Compliance status",
        description:
          "Audit events recorded in the selected range. Zero means the audit trail is not being written, which most compliance regimes treat as a finding.",
        datasource: context.postgresUid,
        unit: "short",
        decimals: 0,
        graphMode: "none",
        colorMode: "background",
        thresholds: thresholds("red", [1, "green"]),
        targets: [pg(queries.volume)],
        h: 8,
      },
      {
        type: "stat",
        title: "Audit lag",
        description: byVersion(context, {
          v2: "Seconds since the newest audit-log entry: fraiseql_audit_logs records only the event time, not when it was written, so freshness stands in for lag. Expect it to grow when traffic is idle.",
          v1: "Mean delay between an event (timestamp) and its audit row being written (created_at).",
        }),
        datasource: context.postgresUid,
        unit: "s",
        decimals: 1,
        graphMode: "none",
        thresholds: byVersion(context, { v2: trafficLight(300, 3600), v1: trafficLight(5, 60) }),
        targets: [pg(queries.lag)],
        h: 8,
      },
      {
        type: "timeseries",
        title: "Audit events by type",
        description: byVersion(context, {
          v2: "Queries count as access; mutations are classified create / update / delete by the words in their GraphQL text (createX, updateX, deleteX...).",
          v1: "Audit events per interval by event_type.",
        }),
        datasource: context.postgresUid,
        unit: "short",
        drawStyle: "bars",
        stacking: "normal",
        fillOpacity: 70,
        targets: [pg(queries.byType, "time_series")],
      },

      row("Audit trail"),
      {
        type: "table",
        title: "Recent audit events",
        description: "The latest 100 audit entries in the selected range.",
        datasource: context.postgresUid,
        h: 10,
        sortBy: [{ displayName: "timestamp", desc: true }],
        targets: [pg(queries.recent)],
      },

      row("Data access"),
      {
        type: "table",
        title: "Data access patterns",
        description: byVersion(context, {
          v2: "Who read what: read operations per user, tenant and query text.",
          v1: "Events per user, tenant and event type.",
        }),
        datasource: context.postgresUid,
        w: 14,
        sortBy: [{ displayName: byVersion(context, { v2: "accesses", v1: "events" }), desc: true }],
        targets: [pg(queries.access)],
      },
      {
        type: "timeseries",
        title: "Failed access attempts",
        description: byVersion(context, {
          v2: "Failed requests whose error mentions permission, forbidden, unauthorized, denied or access.",
          v1: "Audit events whose type mentions denied, fail, unauthorized or forbidden.",
        }),
        datasource: context.postgresUid,
        unit: "short",
        decimals: 0,
        drawStyle: "bars",
        fillOpacity: 70,
        thresholds: trafficLight(5, 10),
        w: 10,
        targets: [pg(queries.failed, "time_series")],
      },

      row("Administration"),
      {
        type: "table",
        title: "Admin actions",
        description: byVersion(context, {
          v2: "Tenant administration events (_fraiseql_tenant_events): who did what to which tenant, and on whose behalf.",
          v1: "Audit events whose type mentions admin.",
        }),
        datasource: context.postgresUid,
        w: 12,
        sortBy: [{ displayName: byVersion(context, { v2: "occurred_at", v1: "timestamp" }), desc: true }],
        targets: [pg(queries.admin)],
      },
      {
        type: "table",
        title: "Permission changes",
        description: byVersion(context, {
          v2: "Role and permission changes recorded by the RBAC API (fraiseql_permission_audit).",
          v1: "Audit events whose type mentions permission, role, grant or revoke.",
        }),
        datasource: context.postgresUid,
        w: 12,
        sortBy: [{ displayName: byVersion(context, { v2: "occurred_at", v1: "timestamp" }), desc: true }],
        targets: [pg(queries.permissions)],
      },
    ],
  });
}

export const complianceDashboard: DashboardEntry = {
  id: "compliance",
  title: "Compliance & Audit",
  description:
    "Recent audit events, events by type, admin actions, permission changes, data access, failed access attempts, compliance status and audit lag.",
  source: "seed-003",
  level: "enterprise",
  datasources: ["postgres"],
  build,
};
