import type { RuleEntry } from "../types";
import {
  appJob,
  appTarget,
  byVersion,
  code,
  DASHBOARD_UIDS,
  defineRule,
  errorLogs,
  metricsCurl,
  runbook,
  series,
} from "./shared";

/** Seed 003's compliance alert. No FraiseQL version measures audit-log lag, so it is proposed. */

export const auditLogLag: RuleEntry = {
  id: "AuditLogLag",
  category: "compliance",
  level: "enterprise",
  source: "seed-003",
  build(context) {
    const job = appJob(context);
    const target = appTarget(context);
    const lag = `max by (job, instance) (fraiseql_audit_log_lag_seconds{${job}})`;
    const table = byVersion(context, { v2: "fraiseql_audit_logs", v1: "audit_events" });
    return defineRule(context, {
      alert: "AuditLogLag",
      expr: `${lag} > 5`,
      for: "5m",
      labels: { severity: "warning", category: "compliance" },
      annotations: {
        summary: "Audit log of {{ $labels.instance }} lags {{ $value | humanizeDuration }} behind",
        description:
          "Audit events of {{ $labels.instance }} reach the audit log {{ $value | humanizeDuration }} after they happen (threshold 5s). The application must expose the gauge `fraiseql_audit_log_lag_seconds`: FraiseQL does not measure audit-log lag.",
      },
      dashboardUid: DASHBOARD_UIDS.compliance,
      runbook: runbook({
        meaning:
          "Audit events are written more than 5 seconds after they happen, for 5 minutes. Neither FraiseQL version measures this; the alert reads `fraiseql_audit_log_lag_seconds`, a gauge (seconds between an event and its audit row) that the application must expose.",
        impact:
          "A backlog of unwritten audit events is lost if the process dies, and compliance dashboards show an incomplete trail. Persistent lag usually means the audit table or its indexes are slow to write.",
        diagnosis: [
          `Graph the lag per instance:${code("promql", lag)}`,
          `Measure the lag in the database directly:${code(
            "sql",
            byVersion(context, {
              v2: "SELECT now() - max(timestamp) AS newest_event_age, count(*) FILTER (WHERE timestamp > now() - interval '5 minutes') AS last_5m\nFROM fraiseql_audit_logs;",
              v1: "SELECT now() - max(timestamp) AS newest_event_age, count(*) FILTER (WHERE timestamp > now() - interval '5 minutes') AS last_5m\nFROM audit_events;",
            }),
          )}`,
          `Look for failed audit writes:${code("logql", errorLogs(context, ' |~ "(?i)audit"'))}`,
          `Check the audit table for lock waits:${code(
            "sql",
            `SELECT pid, wait_event_type, wait_event, left(query, 80) FROM pg_stat_activity WHERE query ILIKE '%${table}%' AND state <> 'idle';`,
          )}`,
          `Check the gauge on one instance:${code("shell", metricsCurl(context, "fraiseql_audit_log_lag"))}`,
        ],
        mitigation: [
          "Relieve the database first if it is saturated (see the database alerts): audit writes queue behind everything else.",
          `Archive or partition old rows of \`${table}\` if its size slows inserts down.`,
          "Do not disable auditing to clear the alert; record the gap in the incident log for the auditors.",
        ],
      }),
      tests: [
        {
          description: "events reach the log 12 seconds late",
          inputSeries: [series("fraiseql_audit_log_lag_seconds", target, "12x20")],
          evalTime: "10m",
          fires: true,
          labels: target,
          value: 12,
        },
        {
          description: "events reach the log within a second",
          inputSeries: [series("fraiseql_audit_log_lag_seconds", target, "0.8x20")],
          evalTime: "10m",
          fires: false,
        },
      ],
    });
  },
};

export const complianceRules: readonly RuleEntry[] = [auditLogLag];
