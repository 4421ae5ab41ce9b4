import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Dashboard, type FrameworkVersion, panelTargets } from "../../model";
import { defaultCatalogContext } from "../context";
import { catalogDashboards } from "./index";

/**
 * Runs every SQL panel and SQL variable query of the catalog on a real PostgreSQL (PGlite) holding
 * the tables FraiseQL creates (reference §5), with Grafana's macros expanded the way its Postgres
 * datasource does. Catches wrong column names, bad GROUP BYs and result shapes Grafana cannot plot.
 */

const FROM = "2026-01-01T00:00:00Z";
const TO = "2026-01-02T00:00:00Z";

const V2_TABLES = `
CREATE TABLE fraiseql_audit_logs (
  id bigserial PRIMARY KEY, timestamp timestamptz NOT NULL, level text NOT NULL, user_id bigint NOT NULL,
  tenant_id bigint NOT NULL, operation text NOT NULL, query text NOT NULL, variables jsonb, ip_address text,
  user_agent text, error text, duration_ms integer, previous_hash text, integrity_hash text);
CREATE TABLE fraiseql_permission_audit (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(), occurred_at timestamptz NOT NULL DEFAULT now(), event_type text NOT NULL,
  role_id uuid, role_name text, user_id text, permission_id uuid, tenant_id uuid, details jsonb);
CREATE TABLE _fraiseql_tenant_events (
  id bigint GENERATED ALWAYS AS IDENTITY, tenant_key text NOT NULL, event text NOT NULL, actor text, actor_type text,
  acting_for_user_id uuid, payload jsonb, occurred_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE fraiseql_usage_counters (
  tenant_id text NOT NULL, period text NOT NULL, entity_type text NOT NULL, count bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (tenant_id, period, entity_type));

INSERT INTO fraiseql_audit_logs (timestamp, level, user_id, tenant_id, operation, query, variables, ip_address, user_agent, error, duration_ms) VALUES
  ('2026-01-01T10:00:00Z', 'INFO', 1, 7, 'query', '{ users { id } }', '{}', '10.0.0.1', 'curl', NULL, 12),
  ('2026-01-01T10:01:00Z', 'ERROR', 2, 7, 'mutation', 'mutation { deleteUser(id: 1) { id } }', '{}', '10.0.0.2', 'curl', 'permission denied', 40),
  ('2026-01-01T10:02:00Z', 'WARN', 1, 8, 'mutation', 'mutation   { createUser(name: "a") { id } }', '{}', '10.0.0.1', 'curl', NULL, 25);
INSERT INTO fraiseql_permission_audit (occurred_at, event_type, role_name, user_id, details) VALUES
  ('2026-01-01T11:00:00Z', 'role_assigned', 'admin', '1', '{"by": "root"}');
INSERT INTO _fraiseql_tenant_events (tenant_key, event, actor, actor_type, payload, occurred_at) VALUES
  ('acme', 'tenant.suspended', 'root', 'admin', '{}', '2026-01-01T12:00:00Z');
INSERT INTO fraiseql_usage_counters (tenant_id, period, entity_type, count, updated_at) VALUES
  ('7', '2026-01', 'User', 42, '2026-01-01T12:00:00Z');
`;

const V1_TABLES = `
CREATE TABLE tb_error_log (
  error_id uuid PRIMARY KEY DEFAULT gen_random_uuid(), error_fingerprint text NOT NULL UNIQUE, error_type text NOT NULL,
  error_message text NOT NULL, stack_trace text, request_context jsonb DEFAULT '{}', application_context jsonb DEFAULT '{}',
  user_context jsonb DEFAULT '{}', first_seen timestamptz NOT NULL DEFAULT now(), last_seen timestamptz NOT NULL DEFAULT now(),
  occurrence_count int DEFAULT 1, status text DEFAULT 'unresolved', assigned_to text, resolved_at timestamptz,
  resolved_by text, resolution_notes text, trace_id text, span_id text, severity text DEFAULT 'error',
  tags jsonb DEFAULT '[]', environment text DEFAULT 'production', release_version text);
CREATE TABLE tb_error_occurrence (
  occurrence_id uuid NOT NULL DEFAULT gen_random_uuid(), error_id uuid NOT NULL, occurred_at timestamptz NOT NULL DEFAULT now(),
  request_context jsonb, user_context jsonb, stack_trace text, breadcrumbs jsonb DEFAULT '[]', trace_id text, span_id text,
  PRIMARY KEY (occurrence_id, occurred_at));
CREATE TABLE audit_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(), event_type varchar(100) NOT NULL, event_data jsonb NOT NULL,
  user_id uuid, tenant_id uuid, timestamp timestamptz NOT NULL DEFAULT now(), ip_address inet,
  previous_hash varchar(64), event_hash varchar(64), signature varchar(128), created_at timestamptz NOT NULL DEFAULT now());

INSERT INTO tb_error_log (error_id, error_fingerprint, error_type, error_message, first_seen, last_seen, status, resolved_at, severity) VALUES
  ('00000000-0000-0000-0000-000000000001', 'abc123', 'ValueError', 'bad value', '2026-01-01T09:00:00Z', '2026-01-01T10:00:00Z', 'resolved', '2026-01-01T11:00:00Z', 'error');
INSERT INTO tb_error_occurrence (error_id, occurred_at, user_context, trace_id) VALUES
  ('00000000-0000-0000-0000-000000000001', '2026-01-01T10:00:00Z', '{"user_id": "u1"}', 't1');
INSERT INTO audit_events (event_type, event_data, user_id, tenant_id, timestamp, ip_address, created_at) VALUES
  ('admin.role_granted', '{"role": "admin"}', '00000000-0000-0000-0000-00000000000a', NULL, '2026-01-01T10:00:00Z', '10.0.0.1', '2026-01-01T10:00:01Z'),
  ('login_failed', '{}', NULL, '00000000-0000-0000-0000-00000000000b', '2026-01-01T10:05:00Z', NULL, '2026-01-01T10:05:02Z');
`;

/** Stands in for the extension view, which PGlite lacks; same columns as PostgreSQL 13+. */
const PG_STAT_STATEMENTS = `
CREATE TABLE pg_stat_statements (
  dbid oid, query text, calls bigint, mean_exec_time float8, max_exec_time float8, total_exec_time float8, rows bigint);
INSERT INTO pg_stat_statements VALUES
  ((SELECT oid FROM pg_database WHERE datname = current_database()), 'SELECT 1', 10, 1.5, 3.0, 15.0, 10);
`;

/** What Grafana's Postgres datasource does with the macros and variables the catalog uses. */
function expandGrafanaSql(sql: string): string {
  return sql
    .replace(
      /\$__timeGroupAlias\(([^,]+),\s*\$__interval\)/g,
      (_match, column: string) => `to_timestamp(floor(extract(epoch FROM ${column}) / 60) * 60) AS "time"`,
    )
    .replace(
      /\$__timeFilter\(([^)]+)\)/g,
      (_match, column: string) => `${column} BETWEEN '${FROM}' AND '${TO}'`,
    )
    .replace(/\$tenant\b/g, "'none', '7', '00000000-0000-0000-0000-00000000000b'");
}

interface SqlCase {
  dashboard: string;
  panel: string;
  sql: string;
  format: "table" | "time_series";
  panelType: string;
  sortColumns: string[];
}

function sqlCases(dashboard: Dashboard, postgresUid: string): SqlCase[] {
  const variables = dashboard.variables.flatMap((variable) =>
    variable.type === "query" && variable.datasource === postgresUid
      ? [
          {
            dashboard: dashboard.uid,
            panel: `variable ${variable.name}`,
            sql: variable.query,
            format: "table" as const,
            panelType: "variable",
            sortColumns: [],
          },
        ]
      : [],
  );
  const panels = dashboard.panels.flatMap((panel) =>
    panelTargets(panel).flatMap((target) =>
      target.kind === "sql"
        ? [
            {
              dashboard: dashboard.uid,
              panel: panel.title,
              sql: target.rawSql,
              format: target.format,
              panelType: panel.type,
              sortColumns: panel.type === "table" ? panel.sortBy.map((sort) => sort.displayName) : [],
            },
          ]
        : [],
    ),
  );
  return [...variables, ...panels];
}

function casesFor(version: FrameworkVersion): SqlCase[] {
  const context = defaultCatalogContext({ version });
  return catalogDashboards.flatMap((entry) => sqlCases(entry.build(context), context.postgresUid));
}

describe.each(["v2", "v1"] as const)("catalog SQL on PostgreSQL (%s)", (version) => {
  let db: PGlite;

  beforeAll(async () => {
    db = new PGlite();
    await db.exec(version === "v2" ? V2_TABLES : V1_TABLES);
    await db.exec(PG_STAT_STATEMENTS);
  }, 60_000);

  afterAll(async () => {
    await db.close();
  });

  const cases = casesFor(version);

  it("has SQL panels to check", () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  it.each(cases.map((sqlCase) => [`${sqlCase.dashboard}: ${sqlCase.panel}`, sqlCase] as const))(
    "%s runs and has a shape Grafana can show",
    async (_name, sqlCase) => {
      const text = expandGrafanaSql(sqlCase.sql);
      expect(text).not.toMatch(/\$\w/);
      const result = await db.query<Record<string, unknown>>(text);
      const columns = result.fields.map((field) => field.name);
      if (sqlCase.format === "time_series") {
        expect(columns[0]).toBe("time");
        expect(result.rows.length).toBeGreaterThan(0);
      }
      if (sqlCase.panelType === "stat") {
        expect(columns).toHaveLength(1);
        expect(result.rows).toHaveLength(1);
      }
      for (const column of sqlCase.sortColumns) expect(columns).toContain(column);
    },
  );
});
