import {
  type AlertingRule,
  type Datasource,
  type FrameworkVersion,
  type Level,
  LinksSchema,
  type Project,
  ProjectShapeSchema,
  type Receiver,
  type RouteInput,
  type RuleGroupInput,
  type ScrapeTarget,
  slugify,
} from "../model";
import { type CatalogContext, defaultCatalogContext } from "./context";
import { catalogDashboards } from "./dashboards";
import { catalogRules } from "./rules";
import { catalogGroupName, placeCatalogRule } from "./rules/dashboard-link";
import { type DashboardEntry, includedAt, type RuleEntry } from "./types";

export interface TemplateOptions {
  name: string;
  level: Level;
  version?: FrameworkVersion;
  environment?: string;
  /** host:port of the application's /metrics endpoint. */
  appTarget?: string;
  /** Catalog dashboard ids to add beyond the level's own. */
  extraDashboards?: readonly string[];
  receivers?: Receiver[];
  route?: RouteInput;
}

/** Application health paths differ between FraiseQL versions (v2 `/readiness`, v1 `/ready`). */
export const HEALTH_PATHS: Record<FrameworkVersion, { health: string; readiness: string }> = {
  v2: { health: "/health", readiness: "/readiness" },
  v1: { health: "/health", readiness: "/ready" },
};

export function catalogContextFor(name: string, version: FrameworkVersion): CatalogContext {
  return defaultCatalogContext({ version, appName: slugify(name) });
}

export function dashboardsForLevel(level: Level, extra: readonly string[] = []): DashboardEntry[] {
  return catalogDashboards.filter((entry) => includedAt(entry.level, level) || extra.includes(entry.id));
}

export function rulesForLevel(level: Level): RuleEntry[] {
  return catalogRules.filter((entry) => includedAt(entry.level, level));
}

export function catalogDatasources(context: CatalogContext, withLogs: boolean): Datasource[] {
  const list: Datasource[] = [
    {
      uid: context.prometheusUid,
      name: "Prometheus",
      type: "prometheus",
      url: "http://prometheus:9090",
      isDefault: true,
      scrapeInterval: "15s",
    },
  ];
  if (withLogs)
    list.push({
      uid: context.lokiUid,
      name: "Loki",
      type: "loki",
      url: "http://loki:3100",
      isDefault: false,
    });
  list.push({
    uid: context.postgresUid,
    name: "Application database",
    type: "postgres",
    host: "postgres:5432",
    database: "app",
    user: "grafana_reader",
    password: { secret: "APP_DB_READER_PASSWORD" },
    sslMode: "disable",
    isDefault: false,
  });
  return list;
}

export function catalogScrapeTargets(context: CatalogContext, appTarget: string): ScrapeTarget[] {
  const base = { scheme: "http" as const, labels: {}, relabelings: [], metricRelabelings: [] };
  const targets: ScrapeTarget[] = [
    {
      ...base,
      job: context.appJob,
      kind: "app",
      targets: [appTarget],
      metricsPath: "/metrics",
      // v2 mounts /metrics only when metrics_token is set, and then requires it as a bearer token.
      bearerToken: context.version === "v2" ? { secret: "FRAISEQL_METRICS_TOKEN" } : undefined,
    },
    { ...base, job: "node", kind: "node-exporter", targets: ["node-exporter:9100"], metricsPath: "/metrics" },
    // The basic infrastructure dashboard shows containers too.
    { ...base, job: "cadvisor", kind: "cadvisor", targets: ["cadvisor:8080"], metricsPath: "/metrics" },
    // FraiseQL always runs on PostgreSQL; DatabaseDown (a basic rule) reads pg_up.
    {
      ...base,
      job: "postgres",
      kind: "postgres-exporter",
      targets: ["postgres-exporter:9187"],
      metricsPath: "/metrics",
    },
  ];
  return targets;
}

/** Catalog alert rules grouped one group per category, in catalog order. */
export function catalogRuleGroups(rules: readonly AlertingRule[]): RuleGroupInput[] {
  const groups = new Map<string, AlertingRule[]>();
  for (const rule of rules) {
    const name = catalogGroupName(rule);
    groups.set(name, [...(groups.get(name) ?? []), rule]);
  }
  return [...groups].map(([name, list]) => ({ name, rules: list }));
}

function defaultReceivers(): Receiver[] {
  return [{ name: "default", integrations: [] }];
}

/** A complete project from a monitoring level: datasources, targets, dashboards, rules, routing. */
export function projectFromTemplate(options: TemplateOptions): Project {
  const version = options.version ?? "v2";
  const context = catalogContextFor(options.name, version);
  const dashboards = dashboardsForLevel(options.level, options.extraDashboards).map((entry) =>
    entry.build(context),
  );
  const uids = new Set(dashboards.map((dashboard) => dashboard.uid));
  const grafanaUrl = LinksSchema.parse({}).grafanaUrl;
  const rules = rulesForLevel(options.level).map((entry) =>
    placeCatalogRule(entry.build(context), grafanaUrl, uids),
  );
  const receivers = options.receivers ?? defaultReceivers();
  return ProjectShapeSchema.parse({
    name: options.name,
    level: options.level,
    environment: options.environment ?? "production",
    app: { framework: "fraiseql", version, port: 8000 },
    datasources: catalogDatasources(context, true),
    scrapeTargets: catalogScrapeTargets(context, options.appTarget ?? "app:8000"),
    dashboards,
    ruleGroups: catalogRuleGroups(rules),
    receivers,
    route: options.route ?? { receiver: receivers[0]?.name ?? "default", groupBy: ["alertname", "severity"] },
    inhibitRules: [
      {
        sourceMatchers: [{ label: "severity", op: "=", value: "critical" }],
        targetMatchers: [{ label: "severity", op: "=", value: "warning" }],
        equal: ["alertname"],
      },
    ],
  });
}
