import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { toYaml } from "../../generate/yaml";
import {
  type Dashboard,
  type Datasource,
  DatasourceSchema,
  type FrameworkVersion,
  IssueCollector,
  PANEL_TYPES,
  type Panel,
  panelTargets,
} from "../../model";
import { checkDashboardSettings } from "../../model/checks/dashboard-settings";
import { checkDashboard } from "../../model/checks/dashboards";
import { checkDashboardPromql, metricNames } from "../../promql/parse";
import { type CatalogContext, defaultCatalogContext } from "../context";
import { isServedMetric, KNOWN_SUMMARY_SERIES, SEED_PROPOSED_METRICS } from "../metrics";
import { catalogDashboards } from "./index";

const VERSIONS: readonly FrameworkVersion[] = ["v2", "v1"];

/** Non-default uids and job, so a dashboard that ignores its context fails. */
function contextFor(version: FrameworkVersion): CatalogContext {
  return defaultCatalogContext({
    version,
    appJob: "shop-api",
    prometheusUid: "prom-main",
    postgresUid: "shop-db",
    lokiUid: "shop-logs",
    appName: "shop",
  });
}

function datasourcesFor(context: CatalogContext): Datasource[] {
  return [
    { uid: context.prometheusUid, name: "Prometheus", type: "prometheus", isDefault: true },
    { uid: context.lokiUid, name: "Loki", type: "loki" },
    {
      uid: context.postgresUid,
      name: "Application DB",
      type: "postgres",
      database: "shop",
      user: "grafana_reader",
      password: { secret: "APP_DB_READER_PASSWORD" },
    },
  ].map((input) => DatasourceSchema.parse(input));
}

interface Built {
  version: FrameworkVersion;
  context: CatalogContext;
  id: string;
  dashboard: Dashboard;
}

const BUILT: Built[] = VERSIONS.flatMap((version) => {
  const context = contextFor(version);
  return catalogDashboards.map((entry) => ({
    version,
    context,
    id: entry.id,
    dashboard: entry.build(context),
  }));
});

function promqlTargets(panel: Panel): string[] {
  return panelTargets(panel).flatMap((target) => (target.kind === "promql" ? [target.expr] : []));
}

/** Metric names a Prometheus `label_values(<selector>, label)` variable reads. */
function variableMetrics(dashboard: Dashboard, context: CatalogContext): string[] {
  return dashboard.variables.flatMap((variable) => {
    if (variable.type !== "query" || variable.datasource !== context.prometheusUid) return [];
    const match = /^label_values\((.+),\s*\w+\)$/.exec(variable.query);
    if (!match?.[1]) throw new Error(`unexpected Prometheus variable query: ${variable.query}`);
    return metricNames(match[1]);
  });
}

const EXPECTED_PANEL_COUNTS: Record<string, number> = {
  operations: 10,
  cache: 8,
  database: 10,
  errors: 10,
  "user-activity": 8,
  compliance: 8,
  performance: 6,
};

describe("catalog dashboards", () => {
  it("lists the nine dashboards in catalog order with their levels and sources", () => {
    expect(catalogDashboards.map((entry) => [entry.id, entry.level, entry.source])).toEqual([
      ["operations", "basic", "seed-003"],
      ["cache", "standard", "seed-003"],
      ["database", "standard", "seed-003"],
      ["errors", "standard", "seed-003"],
      ["user-activity", "enterprise", "seed-003"],
      ["compliance", "enterprise", "seed-003"],
      ["performance", "basic", "seed-000"],
      ["postgres", "standard", "seed-000"],
      ["infrastructure", "basic", "seed-000"],
    ]);
  });

  it.each(BUILT.map((built) => [`${built.id} (${built.version})`, built] as const))(
    "%s passes the model's dashboard and settings checks, without a warning",
    (_name, { dashboard, context }) => {
      const out = new IssueCollector();
      checkDashboard(dashboard, datasourcesFor(context), ["dashboards", 0], out);
      checkDashboardSettings(dashboard, datasourcesFor(context), ["dashboards", 0], out);
      expect(out.issues).toEqual([]);
    },
  );

  it.each(BUILT.map((built) => [`${built.id} (${built.version})`, built] as const))(
    "%s has uid fraiseql-<id>, the fraiseql tag and its catalog id",
    (_name, { dashboard, id }) => {
      expect(dashboard.uid).toBe(`fraiseql-${id}`);
      expect(dashboard.tags).toContain("fraiseql");
      expect(dashboard.tags.length).toBeGreaterThan(1);
      expect(dashboard.catalogId).toBe(id);
    },
  );

  it("gives every dashboard a unique uid", () => {
    for (const version of VERSIONS) {
      const uids = BUILT.filter((built) => built.version === version).map((built) => built.dashboard.uid);
      expect(new Set(uids).size).toBe(uids.length);
    }
  });

  it.each(VERSIONS)("has the panel counts the seeds give, rows excluded (%s)", (version) => {
    for (const [id, count] of Object.entries(EXPECTED_PANEL_COUNTS)) {
      const built = BUILT.find((entry) => entry.version === version && entry.id === id);
      expect(built?.dashboard.panels.filter((panel) => panel.type !== "row")).toHaveLength(count);
    }
  });

  it.each(VERSIONS)("uses every panel type somewhere in the catalog (%s)", (version) => {
    const used = new Set(
      BUILT.filter((built) => built.version === version).flatMap((built) =>
        built.dashboard.panels.map((panel) => panel.type),
      ),
    );
    expect([...used].sort()).toEqual([...PANEL_TYPES].sort());
  });

  it("titles the seed 000 performance dashboard after the application", () => {
    const built = BUILT.find((entry) => entry.id === "performance");
    expect(built?.dashboard.title).toBe("shop - FraiseQL Performance");
  });

  it("declares exactly the datasource types its targets and variables use", () => {
    for (const entry of catalogDashboards) {
      const used = new Set<string>();
      for (const built of BUILT.filter((candidate) => candidate.id === entry.id)) {
        for (const panel of built.dashboard.panels) {
          for (const target of panelTargets(panel)) {
            used.add({ promql: "prometheus", sql: "postgres", logql: "loki" }[target.kind]);
          }
        }
      }
      expect([...used].sort(), entry.id).toEqual([...entry.datasources].sort());
    }
  });

  it("points SQL targets at the context's Postgres and LogQL targets at its Loki", () => {
    for (const { dashboard, context } of BUILT) {
      for (const panel of dashboard.panels) {
        for (const target of panelTargets(panel)) {
          if (target.kind === "sql") expect(target.datasource, dashboard.uid).toBe(context.postgresUid);
          if (target.kind === "logql") expect(target.datasource, dashboard.uid).toBe(context.lokiUid);
        }
      }
    }
  });

  it("builds the same dashboard every time", () => {
    for (const { dashboard, context, id } of BUILT) {
      const again = catalogDashboards.find((entry) => entry.id === id)?.build(context);
      expect(JSON.stringify(again)).toBe(JSON.stringify(dashboard));
    }
  });
});

describe("catalog PromQL", () => {
  it.each(BUILT.map((built) => [`${built.id} (${built.version})`, built] as const))(
    "%s: every query parses",
    (_name, { dashboard }) => {
      for (const panel of dashboard.panels) {
        for (const expr of promqlTargets(panel)) {
          expect(checkDashboardPromql(expr), `${panel.title}: ${expr}`).toBeUndefined();
        }
      }
    },
  );

  it.each(BUILT.map((built) => [`${built.id} (${built.version})`, built] as const))(
    "%s: every metric is real for the version or a deliberate seed proposal",
    (_name, { dashboard, context, version, id }) => {
      const used = [
        ...dashboard.panels.flatMap((panel) => promqlTargets(panel).flatMap(metricNames)),
        ...variableMetrics(dashboard, context),
      ];
      const queriesPrometheus = catalogDashboards
        .find((entry) => entry.id === id)
        ?.datasources.includes("prometheus");
      expect(used.length > 0).toBe(queriesPrometheus);
      const unknown = used.filter(
        (name) => !isServedMetric(name, version) && !SEED_PROPOSED_METRICS.has(name),
      );
      expect(unknown).toEqual([]);
    },
  );

  it.each(BUILT.map((built) => [`${built.id} (${built.version})`, built] as const))(
    "%s: panels querying unexposed metrics say what they require",
    (_name, { dashboard, version }) => {
      for (const panel of dashboard.panels) {
        const unserved = promqlTargets(panel)
          .flatMap(metricNames)
          .filter((name) => !isServedMetric(name, version));
        if (unserved.length === 0 || panel.type === "row") continue;
        expect(panel.description, panel.title).toContain("Requires the application to expose");
        for (const name of unserved) {
          expect(panel.description, panel.title).toContain(name.replace(/_bucket$/, ""));
        }
      }
    },
  );

  it("uses every seed-proposed metric somewhere", () => {
    const used = new Set(
      BUILT.flatMap(({ dashboard }) =>
        dashboard.panels.flatMap((panel) => promqlTargets(panel).flatMap(metricNames)),
      ),
    );
    expect([...SEED_PROPOSED_METRICS].filter((name) => !used.has(name))).toEqual([]);
  });

  it("applies histogram_quantile only to _bucket series, never to a summary", () => {
    for (const { dashboard } of BUILT) {
      for (const panel of dashboard.panels) {
        for (const expr of promqlTargets(panel).filter((text) => text.includes("histogram_quantile"))) {
          for (const name of metricNames(expr)) {
            expect(KNOWN_SUMMARY_SERIES.has(name), expr).toBe(false);
            expect(name, expr).toMatch(/_bucket$/);
          }
        }
      }
    }
  });

  it("builds heatmaps only from real histograms, in heatmap format by le", () => {
    for (const { dashboard, version } of BUILT) {
      for (const panel of dashboard.panels.filter((candidate) => candidate.type === "heatmap")) {
        for (const target of panelTargets(panel)) {
          expect(target.kind).toBe("promql");
          if (target.kind !== "promql") continue;
          expect(target.format).toBe("heatmap");
          expect(target.legendFormat).toBe("{{le}}");
          for (const name of metricNames(target.expr)) {
            expect(name).toMatch(/_bucket$/);
            expect(isServedMetric(name, version), name).toBe(true);
          }
        }
      }
    }
  });

  it("uses Grafana's interval variables instead of fixed range windows", () => {
    for (const { dashboard } of BUILT) {
      for (const panel of dashboard.panels) {
        for (const expr of promqlTargets(panel)) {
          expect(expr, `${panel.title}: ${expr}`).not.toMatch(/\[\d+[smhdwy]\]/);
        }
      }
    }
  });

  it("selects the application by the context's job and the $instance variable", () => {
    for (const { dashboard, id } of BUILT.filter(
      (built) => !["postgres", "infrastructure"].includes(built.id),
    )) {
      for (const panel of dashboard.panels) {
        for (const expr of promqlTargets(panel)) {
          const appSeries = metricNames(expr).filter((name) => name.startsWith("fraiseql_"));
          if (appSeries.length === 0) continue;
          const job = id === "performance" ? 'job="$job"' : 'job="shop-api"';
          expect(expr, `${panel.title}: ${expr}`).toContain(`${job},instance=~"$instance"`);
        }
      }
    }
  });
});

/** Grafana substitutes its variables before Prometheus sees a query; do the same for promtool. */
function substituteGrafanaVariables(expr: string): string {
  return expr.replace(/\$__(?:rate_interval|interval|range)\b/g, "5m").replace(/\$\w+/g, "x");
}

describe("catalog PromQL under promtool", () => {
  it.each(VERSIONS)("every %s query is accepted by Prometheus's own parser", (version) => {
    const exprs = BUILT.filter((built) => built.version === version).flatMap(({ dashboard }) =>
      dashboard.panels.flatMap(promqlTargets),
    );
    const rules = {
      groups: [
        {
          name: "catalog-dashboard-queries",
          rules: exprs.map((expr, index) => ({
            record: `catalog:query_${index}`,
            expr: substituteGrafanaVariables(expr),
          })),
        },
      ],
    };
    const dir = mkdtempSync(path.join(os.tmpdir(), "obsforge-catalog-"));
    try {
      const file = path.join(dir, "queries.rules.yml");
      writeFileSync(file, toYaml(rules));
      const result = spawnSync("promtool", ["check", "rules", file], { encoding: "utf8" });
      expect(result.error).toBeUndefined();
      expect(`${result.stdout}${result.stderr}`).toContain(`SUCCESS: ${exprs.length} rules found`);
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
