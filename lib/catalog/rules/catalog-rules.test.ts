import { describe, expect, it } from "vitest";
import { expectedAnnotation } from "../../alerting/templates/expected-annotation";
import { alertTemplateParseError } from "../../alerting/templates/render";
import { generateRuleFiles } from "../../generate/prometheus/rules";
import { generateRuleTests } from "../../generate/prometheus/unit-tests";
import { checkLogql } from "../../logql/parse";
import {
  type AlertingRule,
  checkProject,
  type FrameworkVersion,
  type Level,
  type Project,
  ProjectShapeSchema,
} from "../../model";
import { checkPromql, metricNames } from "../../promql/parse";
import { expectToolAccepts } from "../../testing/run-tool";
import { type CatalogContext, defaultCatalogContext } from "../context";
import { catalogDashboards } from "../dashboards";
import { isServedMetric, KNOWN_SUMMARY_SERIES } from "../metrics";
import { projectFromTemplate } from "../templates";
import { includedAt } from "../types";
import { catalogGroupName } from "./dashboard-link";
import { catalogRules } from "./index";
import { DASHBOARD_UIDS } from "./shared";

const LEVELS: Level[] = ["basic", "standard", "enterprise"];
const VERSIONS: FrameworkVersion[] = ["v2", "v1"];

/**
 * Names no FraiseQL version or bundled exporter serves, which the catalog queries on purpose
 * because the seed asks for the alert; each rule using one says in its description what must
 * expose it.
 */
const PROPOSED: Record<string, RegExp> = {
  fraiseql_auth_failures_total: /must expose `fraiseql_auth_failures_total`/,
  fraiseql_permission_denied_total: /must expose `fraiseql_permission_denied_total`/,
  fraiseql_audit_log_lag_seconds: /must expose the gauge `fraiseql_audit_log_lag_seconds`/,
  fraiseql_graphql_query_depth: /must expose the gauge `fraiseql_graphql_query_depth`/,
  redis_up: /Needs redis_exporter to be scraped/,
};

function rulesAt(level: Level, context: CatalogContext): AlertingRule[] {
  return catalogRules.filter((entry) => includedAt(entry.level, level)).map((entry) => entry.build(context));
}

/** The catalog at one level as a project: one group per category, stand-in catalog dashboards. */
function catalogProject(level: Level, context: CatalogContext, evaluationInterval?: string): Project {
  const groups = new Map<string, AlertingRule[]>();
  for (const rule of rulesAt(level, context)) {
    const name = catalogGroupName(rule);
    groups.set(name, [...(groups.get(name) ?? []), rule]);
  }
  return ProjectShapeSchema.parse({
    name: "Catalog",
    evaluationInterval,
    // Stand-ins of the catalog dashboards: their uids, and their panel ids (which the rules' panel
    // links name) as row headers, so no query of theirs needs a datasource here.
    dashboards: catalogDashboards.map((entry) => {
      const { uid, title, panels } = entry.build(context);
      return {
        uid,
        title,
        panels: panels.map(({ id }, index) => ({
          id,
          type: "row",
          title: `panel ${id}`,
          gridPos: { x: 0, y: index, w: 24, h: 1 },
        })),
      };
    }),
    receivers: [{ name: "default", integrations: [] }],
    ruleGroups: [...groups].map(([name, rules]) => ({ name, rules })),
  });
}

describe("catalogRules", () => {
  it("holds seed 003's 15 rules, DatabaseGrowth, and seed 000's two distinct thresholds", () => {
    expect(catalogRules.map((entry) => [entry.id, entry.category, entry.level, entry.source])).toEqual([
      ["HighErrorRate", "performance", "basic", "seed-003"],
      ["HighLatency", "performance", "basic", "seed-003"],
      ["SlowQueryRate", "performance", "standard", "seed-003"],
      ["CacheHitRateLow", "performance", "standard", "seed-003"],
      ["DatabaseConnectionPoolExhausted", "availability", "basic", "seed-003"],
      ["DatabaseDown", "availability", "basic", "seed-003"],
      ["CacheConnectionLost", "availability", "basic", "seed-003"],
      ["HealthCheckFailed", "availability", "basic", "seed-003"],
      ["DatabaseConnectionsHigh", "availability", "standard", "seed-000"],
      ["HighFailedAuthAttempts", "security", "enterprise", "seed-003"],
      ["SuspiciousQueryPattern", "security", "enterprise", "seed-003"],
      ["UnauthorizedDataAccess", "security", "enterprise", "seed-003"],
      ["HighMemoryUsage", "resources", "basic", "seed-003"],
      ["HighCPUUsage", "resources", "basic", "seed-003"],
      ["DiskSpaceRunningLow", "resources", "basic", "seed-003"],
      ["DiskSpaceCritical", "resources", "standard", "seed-000"],
      ["DatabaseGrowth", "resources", "enterprise", "seed-003"],
      ["AuditLogLag", "compliance", "enterprise", "seed-003"],
    ]);
  });

  it("keeps the seeds' thresholds, durations and severities", () => {
    const rules = new Map(rulesAt("enterprise", defaultCatalogContext()).map((rule) => [rule.alert, rule]));
    const summary = (alert: string) => {
      const rule = rules.get(alert);
      return [rule?.expr.match(/[<>] ([\d.]+)$/)?.[1], rule?.for, rule?.labels.severity];
    };
    expect(summary("HighErrorRate")).toEqual(["0.05", "5m", "warning"]);
    expect(summary("HighLatency")).toEqual(["1", "5m", "warning"]);
    expect(summary("SlowQueryRate")).toEqual(["0.1", "10m", "warning"]);
    expect(summary("CacheHitRateLow")).toEqual(["0.75", "15m", "warning"]);
    expect(summary("DatabaseConnectionPoolExhausted")).toEqual(["0.9", "1m", "critical"]);
    expect(summary("DatabaseConnectionsHigh")).toEqual(["0.8", "2m", "critical"]);
    expect(summary("HighFailedAuthAttempts")).toEqual(["10", undefined, "critical"]);
    expect(summary("HighMemoryUsage")).toEqual(["0.85", "5m", "warning"]);
    expect(summary("HighCPUUsage")).toEqual(["0.8", "5m", "warning"]);
    expect(summary("DiskSpaceRunningLow")).toEqual(["0.15", "15m", "warning"]);
    expect(summary("DiskSpaceCritical")).toEqual(["0.1", "5m", "critical"]);
    expect(summary("DatabaseGrowth")).toEqual(["0.1", "1h", "warning"]);
    expect(summary("AuditLogLag")).toEqual(["5", "5m", "warning"]);
  });

  it("links each alert to a catalog dashboard included at the alert's level or below", () => {
    const context = defaultCatalogContext();
    const dashboardLevels = new Map(
      catalogDashboards.map((entry) => [entry.build(context).uid, entry.level]),
    );
    for (const entry of catalogRules) {
      const uid = entry.build(context).panel?.dashboardUid ?? "";
      const level = dashboardLevels.get(uid);
      expect(level, `${entry.id} links ${uid}`).toBeDefined();
      expect(
        includedAt(level ?? "enterprise", entry.level),
        `${entry.id} (${entry.level}) links ${uid} (${level})`,
      ).toBe(true);
    }
  });

  it.each(LEVELS)("gives projectFromTemplate at level %s rules that pass checkProject", (level) => {
    for (const version of VERSIONS) {
      const project = projectFromTemplate({ name: "Template", level, version });
      const ruleIssues = checkProject(project).filter((issue) => issue.path.startsWith("ruleGroups"));
      expect(ruleIssues).toEqual([]);
    }
  });

  describe.each(VERSIONS)("built for FraiseQL %s", (version) => {
    const context = defaultCatalogContext({ version });

    it.each(catalogRules.map((entry) => [entry.id, entry] as const))(
      "%s is complete and valid",
      (_id, entry) => {
        const rule = entry.build(context);
        expect(rule.alert).toBe(entry.id);
        expect(rule.labels).toEqual({
          severity: expect.stringMatching(/^(critical|warning|info)$/),
          category: entry.category,
        });
        expect(Object.keys(rule.annotations)).toEqual(["summary", "description"]);
        expect(checkPromql(rule.expr)).toBeUndefined();
        // Prometheus 2 drops the name inside rate(): a name regex then yields duplicate series.
        expect(rule.expr).not.toMatch(/__name__/);
        expect(Object.values(DASHBOARD_UIDS)).toContain(rule.panel?.dashboardUid);
        const dashboard = catalogDashboards
          .map((candidate) => candidate.build(context))
          .find((built) => built.uid === rule.panel?.dashboardUid);
        expect(dashboard?.panels.map((panel) => panel.id)).toContain(rule.panel?.panelId);
        // Prometheus's template engine (lib/alerting/templates, checked against promtool): parses, and
        // renders without an error for the series of each firing test.
        for (const template of Object.values(rule.annotations)) {
          expect(alertTemplateParseError(template, rule.alert)).toBeUndefined();
          for (const test of rule.tests.filter((t) => t.fires)) {
            const text = expectedAnnotation(template, test.labels, test.value ?? 0, {
              alertName: rule.alert,
            });
            expect(text).not.toContain("<error expanding template");
          }
        }
        for (const section of ["## Meaning", "## Impact", "## Diagnosis", "## Mitigation"]) {
          expect(rule.runbook).toContain(section);
        }
        expect(rule.runbook).toMatch(/```promql\n/);
        expect(rule.tests.some((test) => test.fires)).toBe(true);
        expect(rule.tests.some((test) => !test.fires)).toBe(true);
        for (const test of rule.tests.filter((t) => t.fires)) expect(test.value).toBeDefined();
      },
    );

    it("gives runbook queries that parse: every PromQL line and LogQL block", () => {
      let checked = 0;
      for (const rule of rulesAt("enterprise", context)) {
        for (const [, language, body] of (rule.runbook ?? "").matchAll(
          /```(promql|logql)\n([\s\S]*?)\n\s*```/g,
        )) {
          const queries = (body ?? "").split("\n").map((line) => line.trim());
          for (const query of queries) {
            const problem = language === "promql" ? checkPromql(query) : checkLogql(query);
            expect(problem, `${rule.alert}: ${query}`).toBeUndefined();
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(40);
    });

    it("queries only served metrics, except proposed ones its descriptions explain", () => {
      for (const rule of rulesAt("enterprise", context)) {
        for (const name of metricNames(rule.expr).filter((metric) => !isServedMetric(metric, version))) {
          const explanation = PROPOSED[name];
          expect(explanation, `${rule.alert} queries ${name}, which ${version} does not serve`).toBeDefined();
          expect(rule.annotations.description).toMatch(explanation ?? /$^/);
        }
      }
    });

    it("never takes histogram_quantile of a summary", () => {
      for (const rule of rulesAt("enterprise", context).filter((r) =>
        r.expr.includes("histogram_quantile"),
      )) {
        for (const name of metricNames(rule.expr)) {
          expect(name, rule.alert).toMatch(/_bucket$/);
          expect(KNOWN_SUMMARY_SERIES.has(name), rule.alert).toBe(false);
        }
      }
    });

    it("selects the application by the context's job label", () => {
      const custom = defaultCatalogContext({ version, appJob: "shop-api" });
      const exprs = rulesAt("enterprise", custom).map((rule) => rule.expr);
      expect(exprs.filter((expr) => expr.includes('job="shop-api"')).length).toBeGreaterThan(10);
      expect(exprs.some((expr) => expr.includes('job="fraiseql"'))).toBe(false);
    });
  });

  const matrix = LEVELS.flatMap((level) => VERSIONS.map((version) => [level, version] as const));

  // DatabaseGrowth's day-long case, evaluated every 15s, takes promtool seconds; leave room on a busy machine.
  const PROMTOOL_TIMEOUT_MS = 180_000;

  it.each(matrix)(
    "at level %s for %s passes checkProject, promtool check rules and promtool test rules",
    (level, version) => {
      const project = catalogProject(level, defaultCatalogContext({ version }));
      expect(checkProject(project)).toEqual([]);
      const rules = generateRuleFiles(project);
      const tests = generateRuleTests(project);
      expect(tests.map((file) => file.path)).toEqual(
        project.ruleGroups.map((group) => `prometheus/tests/${group.name}.test.yml`),
      );
      expectToolAccepts(rules, "promtool", () => ["check", "rules", ...rules.map((file) => file.path)]);
      expectToolAccepts([...rules, ...tests], "promtool", () => [
        "test",
        "rules",
        ...tests.map((file) => file.path),
      ]);
    },
    PROMTOOL_TIMEOUT_MS,
  );

  it(
    "passes promtool test rules with another job name for the application",
    () => {
      // A 1m evaluation interval keeps this extra run quick; the matrix above runs the 15s default.
      const context = defaultCatalogContext({ appJob: "shop-api", appName: "shop" });
      const project = catalogProject("enterprise", context, "1m");
      const tests = generateRuleTests(project);
      expectToolAccepts([...generateRuleFiles(project), ...tests], "promtool", () => [
        "test",
        "rules",
        ...tests.map((file) => file.path),
      ]);
    },
    PROMTOOL_TIMEOUT_MS,
  );
});
