import { z } from "zod";
import { AlertmanagerSettingsSchema, InhibitRuleSchema, ReceiverSchema, RouteSchema } from "./alertmanager";
import { DurationSchema, HttpUrlSchema, LevelSchema, SlugSchema } from "./common";
import { DashboardSchema } from "./dashboard";
import { DatasourceSchema } from "./datasource";
import { RuleGroupSchema } from "./rule";
import { ScrapeTargetSchema } from "./scrape";

export const FrameworkSchema = z.enum(["fraiseql", "generic"]);
export const FrameworkVersionSchema = z.enum(["v2", "v1"]);
export type FrameworkVersion = z.infer<typeof FrameworkVersionSchema>;

export const AppSchema = z.object({
  framework: FrameworkSchema.default("fraiseql"),
  /** FraiseQL v2 (Rust server) and v1 (Python) expose different metric names and health paths. */
  version: FrameworkVersionSchema.default("v2"),
  /** Deployment pattern from deployment.yaml, e.g. small-saas. */
  pattern: z.string().optional(),
  port: z.int().min(1).max(65535).default(8000),
});

export const RetentionSchema = z.object({
  metrics: DurationSchema.default("30d"),
  logs: DurationSchema.default("30d"),
});

export const LogsSchema = z.object({
  enabled: z.boolean().default(true),
  /** Promtail reached end of life on 2026-03-02; Grafana Alloy is its successor. */
  shipper: z.enum(["alloy", "promtail"]).default("alloy"),
});

export const KubernetesSchema = z.object({
  enabled: z.boolean().default(true),
  namespace: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "a Kubernetes namespace (RFC 1123 label)")
    .default("monitoring"),
  /** Namespace the application runs in, where the ServiceMonitor looks for its Service. */
  appNamespace: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "a Kubernetes namespace (RFC 1123 label)")
    .default("default"),
  /**
   * The kube-prometheus-stack Helm release name. The operator selects PrometheusRules and
   * ServiceMonitors by `release: <name>`; a mismatch silently drops them.
   */
  releaseLabel: z
    .string()
    .min(1, "the Helm release label must not be empty")
    .default("kube-prometheus-stack"),
  /** Label selecting the application's Service. */
  appSelector: z.record(z.string(), z.string()).default({}),
  /** Name of the Service port that serves /metrics. */
  metricsPortName: z.string().default("http"),
});

export const LinksSchema = z.object({
  /** Where Grafana will be reached, for dashboard links in notifications. */
  grafanaUrl: HttpUrlSchema.default("http://localhost:3000"),
  /**
   * Where the bundle's runbooks/ folder will be published. Empty means the links are relative to
   * the bundle (`runbooks/<Alert>.md`).
   */
  runbookBaseUrl: z.string().default(""),
});

export const PROJECT_SCHEMA_VERSION = 1;

const ProjectShape = z.object({
  schemaVersion: z.literal(PROJECT_SCHEMA_VERSION).default(PROJECT_SCHEMA_VERSION),
  name: z.string().min(1, "a project needs a name").max(100),
  slug: SlugSchema.optional(),
  description: z.string().optional(),
  level: LevelSchema.optional(),
  environment: z
    .string()
    .regex(/^[a-zA-Z0-9_-]{1,40}$/, "an environment name such as production")
    .default("production"),
  app: AppSchema.prefault({}),
  datasources: z.array(DatasourceSchema).default([]),
  /**
   * Where Obsforge's server reaches a running Alertmanager (API v2) for the live alerts page:
   * its alerts, groups and silences, acknowledge and un-acknowledge. The only Alertmanager the
   * server ever calls for this project. Absent: no live alerts.
   */
  alertmanagerUrl: HttpUrlSchema.optional(),
  scrapeTargets: z.array(ScrapeTargetSchema).default([]),
  scrapeInterval: DurationSchema.default("15s"),
  evaluationInterval: DurationSchema.default("15s"),
  retention: RetentionSchema.prefault({}),
  logs: LogsSchema.prefault({}),
  dashboards: z.array(DashboardSchema).default([]),
  ruleGroups: z.array(RuleGroupSchema).default([]),
  receivers: z.array(ReceiverSchema).default([]),
  route: RouteSchema.prefault({ receiver: "default" }),
  inhibitRules: z.array(InhibitRuleSchema).default([]),
  /** Alertmanager's global settings, extra template paths and time intervals (part of the alerting section). */
  alertmanager: AlertmanagerSettingsSchema.prefault({}),
  kubernetes: KubernetesSchema.prefault({}),
  links: LinksSchema.prefault({}),
});

/**
 * The structural schema as an object, for picking parts of it (sections), and for projects the
 * server sent (it upgrades old rules on read); no upgrade of old rules. Stored or uploaded
 * projects go through `ProjectShapeSchema` (stored-project.ts).
 */
export const ProjectObjectSchema = ProjectShape;
export type Project = z.infer<typeof ProjectShape>;
export type ProjectInput = z.input<typeof ProjectShape>;
