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
  quoted,
  runbook,
  series,
} from "./shared";

/**
 * Seed 003's security alerts. FraiseQL v2 exports no authentication or authorization counter (its
 * AuthMetrics stay in-process), so two v2 variants query names the application has to expose.
 */

const HTTP_GRAPHQL = { method: "POST", endpoint: "/graphql" };

export const highFailedAuthAttempts: RuleEntry = {
  id: "HighFailedAuthAttempts",
  category: "security",
  level: "enterprise",
  source: "seed-003",
  build(context) {
    const job = appJob(context);
    const target = appTarget(context);
    const variant = byVersion(context, {
      v2: {
        failures: `fraiseql_auth_failures_total{${job}}`,
        series: (perMinute: number) => [series("fraiseql_auth_failures_total", target, `0+${perMinute}x20`)],
        source:
          "The application must expose `fraiseql_auth_failures_total` (a counter of failed logins): FraiseQL v2 keeps its authentication metrics in-process and does not export them.",
      },
      v1: {
        failures: `fraiseql_http_requests_total{${job},status="401"}`,
        series: (perMinute: number) => [
          series(
            "fraiseql_http_requests_total",
            { ...target, ...HTTP_GRAPHQL, status: "401" },
            `0+${perMinute}x20`,
          ),
          series("fraiseql_http_requests_total", { ...target, ...HTTP_GRAPHQL, status: "200" }, "0+100x20"),
        ],
        source: "Counted from FraiseQL v1's HTTP middleware: responses with status 401.",
      },
    });
    const count = `sum by (job) (increase(${variant.failures}[5m]))`;
    return defineRule(context, {
      alert: "HighFailedAuthAttempts",
      expr: `${count} > 10`,
      labels: { severity: "critical", category: "security" },
      annotations: {
        summary:
          '{{ printf "%.0f" $value }} failed authentication attempts on {{ $labels.job }} in 5 minutes',
        description: `{{ printf "%.0f" $value }} authentication attempts failed in the last 5 minutes (threshold 10). ${variant.source}`,
      },
      dashboardUid: DASHBOARD_UIDS.compliance,
      runbook: runbook({
        meaning: `More than 10 authentication attempts failed within 5 minutes. ${variant.source}`,
        impact:
          "Possibly credential stuffing or a brute-force attack on user accounts; possibly a client deployed with an expired or wrong secret.",
        diagnosis: [
          `See the attempts over time; a steady line is a misconfigured client, a burst is an attack:${code("promql", count)}`,
          `Find the source addresses and accounts in the logs:${code(
            "logql",
            `sum by (ip_address) (count_over_time({app=${quoted(context.appName)}} |~ "(?i)(unauthorized|authentication failed|invalid token)" | json [5m]))`,
          )}`,
          byVersion(context, {
            v2: `Check JWT replay rejections, which often accompany token theft:${code("promql", `rate(fraiseql_jwt_replay_rejected_total{${job}}[5m])`)}`,
            v1: `Check which endpoints return 401:${code("promql", `sum by (endpoint) (increase(fraiseql_http_requests_total{${job},status="401"}[5m]))`)}`,
          }),
          `Check the counter on one instance:${code("shell", metricsCurl(context, byVersion(context, { v2: "fraiseql_auth_failures", v1: 'status="401"' })))}`,
        ],
        mitigation: [
          "Block the offending addresses at the load balancer or WAF, and rate-limit the login path.",
          "Lock or force a password reset on accounts that were targeted successfully.",
          "If one client fails with a stale secret, rotate its credentials and tell its owners.",
        ],
      }),
      tests: [
        {
          description: "25 failures in 5 minutes",
          inputSeries: variant.series(5),
          evalTime: "10m",
          fires: true,
          labels: { job: context.appJob },
          value: 25,
        },
        {
          description: "5 failures in 5 minutes",
          inputSeries: variant.series(1),
          evalTime: "10m",
          fires: false,
        },
      ],
    });
  },
};

/**
 * Minutes of history in the cost tests. Both sides of the comparison are ratios of rates over the
 * same window, so the range's length cancels out and two hours stand in for a day.
 */
const HISTORY_MINUTES = 140;

export const suspiciousQueryPattern: RuleEntry = {
  id: "SuspiciousQueryPattern",
  category: "security",
  level: "enterprise",
  source: "seed-003",
  build(context) {
    const job = appJob(context);
    const target = appTarget(context);
    const v2Cost = (window: string) =>
      `sum by (job) (rate(fraiseql_graphql_queries_cost_total{${job}}[${window}])) / sum by (job) (rate(fraiseql_graphql_queries_total{${job}}[${window}]))`;
    const variant = byVersion(context, {
      v2: {
        signal: v2Cost("5m"),
        expr: `${v2Cost("5m")} > 3 * (${v2Cost("1d")})`,
        labels: { job: context.appJob } as Record<string, string>,
        summary:
          'Average GraphQL operation cost on {{ $labels.job }} is {{ printf "%.1f" $value }}, over 3× its daily average',
        description:
          'GraphQL operations over the last 5 minutes cost {{ printf "%.1f" $value }} on average, more than three times the average of the last day.',
        meaning:
          "The average estimated cost of GraphQL operations (`fraiseql_graphql_queries_cost_total` over `fraiseql_graphql_queries_total`) in the last 5 minutes is more than three times its average over the last day, for 10 minutes.",
        // One operation per second; from minute 120 on each costs 100 instead of 10.
        fires: [
          series("fraiseql_graphql_queries_total", target, `0+60x${HISTORY_MINUTES}`),
          series(
            "fraiseql_graphql_queries_cost_total",
            target,
            `0+600x120 78000+6000x${HISTORY_MINUTES - 121}`,
          ),
        ],
        quiet: [
          series("fraiseql_graphql_queries_total", target, `0+60x${HISTORY_MINUTES}`),
          series("fraiseql_graphql_queries_cost_total", target, `0+600x${HISTORY_MINUTES}`),
        ],
        evalTime: "135m",
        value: 100,
      },
      v1: {
        signal: `max by (job, instance) (fraiseql_graphql_query_depth{${job}})`,
        expr: `max by (job, instance) (fraiseql_graphql_query_depth{${job}}) > 15`,
        labels: target as Record<string, string>,
        summary: "Average GraphQL query depth on {{ $labels.instance }} is {{ $value }}",
        description:
          "The average depth of GraphQL queries on {{ $labels.instance }} is {{ $value }} (threshold 15). The application must expose the gauge `fraiseql_graphql_query_depth` (seed 000's name): FraiseQL v1 does not.",
        meaning:
          "The average depth of GraphQL queries stayed above 15 for 10 minutes. FraiseQL v1 has no query-cost or depth metric; this alert reads the gauge `fraiseql_graphql_query_depth` proposed by seed 000, which the application must expose.",
        fires: [series("fraiseql_graphql_query_depth", target, "20x20")],
        quiet: [series("fraiseql_graphql_query_depth", target, "5x20")],
        evalTime: "15m",
        value: 20,
      },
    });
    return defineRule(context, {
      alert: "SuspiciousQueryPattern",
      expr: variant.expr,
      for: "10m",
      labels: { severity: "critical", category: "security" },
      annotations: {
        summary: variant.summary,
        description: variant.description,
      },
      dashboardUid: DASHBOARD_UIDS.userActivity,
      runbook: runbook({
        meaning: variant.meaning,
        impact:
          "Unusually expensive or deeply nested queries are how GraphQL APIs get scraped or knocked over: they multiply database work per request.",
        diagnosis: [
          `Graph the signal against its usual level:${code("promql", variant.signal)}`,
          byVersion(context, {
            v2: `Find the operations behind it:${code(
              "promql",
              `topk(10, sum by (operation) (rate(fraiseql_query_duration_seconds_sum{${job}}[5m])))`,
            )}`,
            v1: `Find the operations behind it:${code("promql", `topk(10, sum by (operation_name) (rate(fraiseql_graphql_queries_total{${job}}[5m])))`)}`,
          }),
          `Read the offending queries and their clients in the logs:${code("logql", `{app=${quoted(context.appName)}} | json | query != "" | line_format "{{.ip_address}} {{.query}}"`)}`,
          `Check whether validation already rejects some of them:${code(
            "promql",
            byVersion(context, {
              v2: `rate(fraiseql_validation_errors_total{${job}}[5m])`,
              v1: `sum by (error_type) (rate(fraiseql_errors_total{${job}}[5m]))`,
            }),
          )}`,
        ],
        mitigation: [
          "Block or rate-limit the client sending the queries.",
          "Lower the maximum query depth and complexity in FraiseQL's configuration.",
          "Require persisted (trusted) documents for public clients, so arbitrary queries are refused.",
        ],
      }),
      tests: [
        {
          description: byVersion(context, {
            v2: "operations suddenly cost ten times more",
            v1: "queries 20 levels deep",
          }),
          inputSeries: variant.fires,
          evalTime: variant.evalTime,
          fires: true,
          labels: variant.labels,
          value: variant.value,
        },
        {
          description: byVersion(context, {
            v2: "operations cost the same throughout",
            v1: "queries 5 levels deep",
          }),
          inputSeries: variant.quiet,
          evalTime: variant.evalTime,
          fires: false,
        },
      ],
    });
  },
};

export const unauthorizedDataAccess: RuleEntry = {
  id: "UnauthorizedDataAccess",
  category: "security",
  level: "enterprise",
  source: "seed-003",
  build(context) {
    const job = appJob(context);
    const target = appTarget(context);
    const variant = byVersion(context, {
      v2: {
        denials: `fraiseql_permission_denied_total{${job}}`,
        series: (values: string) => [series("fraiseql_permission_denied_total", target, values)],
        source:
          "The application must expose `fraiseql_permission_denied_total` (a counter of refused authorizations): FraiseQL v2 does not export one.",
      },
      v1: {
        denials: `fraiseql_http_requests_total{${job},status="403"}`,
        series: (values: string) => [
          series("fraiseql_http_requests_total", { ...target, ...HTTP_GRAPHQL, status: "403" }, values),
          series("fraiseql_http_requests_total", { ...target, ...HTTP_GRAPHQL, status: "200" }, "0+100x90"),
        ],
        source: "Counted from FraiseQL v1's HTTP middleware: responses with status 403.",
      },
    });
    const recent = `sum by (job) (increase(${variant.denials}[5m]))`;
    // The last hour is the baseline (an hour holds 12 five-minute windows): it follows the daily
    // cycle, where a day's average would make every busy afternoon look like a spike.
    const usual = `sum by (job) (increase(${variant.denials}[1h])) / 12`;
    return defineRule(context, {
      alert: "UnauthorizedDataAccess",
      expr: `${recent} > 3 * ${usual} and ${recent} > 10`,
      for: "5m",
      labels: { severity: "critical", category: "security" },
      annotations: {
        summary: '{{ printf "%.0f" $value }} permission-denied responses on {{ $labels.job }} in 5 minutes',
        description: `{{ printf "%.0f" $value }} requests were refused for lack of permission in the last 5 minutes, more than three times the rate of the last hour. ${variant.source}`,
      },
      dashboardUid: DASHBOARD_UIDS.compliance,
      runbook: runbook({
        meaning: `Requests refused for lack of permission spiked: more than 10 in 5 minutes and over three times the last hour's average, for 5 minutes. ${variant.source}`,
        impact:
          "Someone authenticated is probing data they may not read, such as other tenants' records, or a release broke a permission and legitimate users are locked out.",
        diagnosis: [
          `Compare the last 5 minutes with the usual level:${code("promql", `${recent}\n${usual}`)}`,
          `Find the users and operations being refused:${code(
            "logql",
            `sum by (user_id, operation) (count_over_time({app=${quoted(context.appName)}} |~ "(?i)(forbidden|permission denied|not authorized)" | json [5m]))`,
          )}`,
          byVersion(context, {
            v2: `Read recent permission changes:${code(
              "sql",
              "SELECT occurred_at, event_type, role_name, user_id FROM fraiseql_permission_audit ORDER BY occurred_at DESC LIMIT 20;",
            )}`,
            v1: `See which endpoints refuse:${code("promql", `sum by (endpoint) (increase(fraiseql_http_requests_total{${job},status="403"}[5m]))`)}`,
          }),
          `Check recent errors around authorization:${code("logql", errorLogs(context, ' |~ "(?i)(permission|forbidden)"'))}`,
        ],
        mitigation: [
          "If one account is probing, suspend it and revoke its tokens; keep the logs for the investigation.",
          "If a release or a permission change locked out legitimate users, roll it back.",
          "Review the affected tenants' audit trail for data that was read before the refusals started.",
        ],
      }),
      tests: [
        {
          description: "a burst of 50 refusals in 5 minutes with none before",
          inputSeries: variant.series("0+10x20"),
          evalTime: "15m",
          fires: true,
          labels: { job: context.appJob },
          value: 50,
        },
        {
          description: "the same rate for the whole last hour is no spike",
          inputSeries: variant.series("0+10x90"),
          evalTime: "80m",
          fires: false,
        },
      ],
    });
  },
};

export const securityRules: readonly RuleEntry[] = [
  highFailedAuthAttempts,
  suspiciousQueryPattern,
  unauthorizedDataAccess,
];
