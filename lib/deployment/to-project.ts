import { catalogDashboards } from "../catalog/dashboards";
import { projectFromTemplate } from "../catalog/templates";
import {
  type AlertingRuleInput,
  type Integration,
  type Project,
  ProjectShapeSchema,
  parseDuration,
  type Receiver,
} from "../model";
import {
  ConditionError,
  conditionExpr,
  conditionTests,
  formatThreshold,
  parseCondition,
  valueTemplate,
} from "./conditions";
import type { Deployment, DeploymentRule } from "./schema";

/** deployment.yaml's dashboard names (seed 000) and the catalog dashboards they mean. */
const DASHBOARD_ALIASES: Record<string, string[]> = {
  fraiseql: ["performance", "operations"],
  postgres: ["postgres", "database"],
  aws: ["infrastructure"],
  infrastructure: ["infrastructure"],
  host: ["infrastructure"],
};

export interface ConversionNote {
  path: (string | number)[];
  message: string;
}

export class DeploymentError extends Error {
  constructor(
    readonly path: (string | number)[],
    message: string,
  ) {
    super(message);
  }
}

function integrationsFor(
  deployment: Deployment,
  notes: ConversionNote[],
): { all: Integration[]; paging: Integration[] } {
  const all: Integration[] = [];
  const paging: Integration[] = [];
  deployment.monitoring.alerts.channels.forEach((channel, index) => {
    const path = ["monitoring", "alerts", "channels", index];
    switch (channel.type) {
      case "email":
        all.push({
          type: "email",
          to: channel.to,
          from: channel.from ?? "alertmanager@example.com",
          smarthost: channel.smarthost ?? "smtp.example.com:587",
          requireTls: true,
          sendResolved: true,
        });
        return;
      case "slack":
        if (channel.webhook_url) {
          notes.push({
            path: [...path, "webhook_url"],
            message: "the Slack webhook URL is a secret: it is not copied into the bundle; set it in .env",
          });
        }
        all.push({
          type: "slack",
          channel: channel.channel ?? "#alerts",
          apiUrl: { secret: channel.webhook_url_env ?? "SLACK_WEBHOOK_URL" },
          sendResolved: true,
        });
        return;
      case "pagerduty":
        if (channel.routing_key) {
          notes.push({
            path: [...path, "routing_key"],
            message:
              "the PagerDuty routing key is a secret: it is not copied into the bundle; set it in .env",
          });
        }
        // Paging is for critical alerts only, as in seed 000's alert table.
        paging.push({
          type: "pagerduty",
          routingKey: { secret: channel.routing_key_env ?? "PAGERDUTY_ROUTING_KEY" },
          sendResolved: true,
        });
        return;
      case "webhook":
        all.push({
          type: "webhook",
          url: channel.url,
          authorization: channel.token_env
            ? { scheme: "Bearer", credentials: { secret: channel.token_env } }
            : undefined,
          maxAlerts: 0,
          sendResolved: true,
        });
        return;
      default: {
        const exhaustive: never = channel;
        throw new Error(`unknown channel ${JSON.stringify(exhaustive)}`);
      }
    }
  });
  return { all, paging };
}

function ruleFromCondition(rule: DeploymentRule, index: number, deployment: Deployment): AlertingRuleInput {
  const path = ["monitoring", "alerts", "rules", index, "condition"];
  try {
    const condition = parseCondition(rule.condition);
    const version = deployment.deployment.version;
    const minutes = Math.ceil((parseDuration(rule.duration) ?? 0) / 60_000);
    const threshold = formatThreshold(condition);
    const where =
      condition.definition.unit === "percent" && condition.metric !== "error_rate"
        ? " on {{ $labels.instance }}"
        : "";
    return {
      kind: "alert",
      alert: rule.name,
      expr: conditionExpr(condition, version),
      for: rule.duration,
      labels: { severity: rule.severity, category: "custom", source: "deployment-yaml" },
      annotations: {
        summary: `${condition.definition.title} ${condition.comparison} ${threshold}${where}`,
        description:
          rule.description ??
          `${condition.definition.title} is ${valueTemplate(condition)} (threshold: ${condition.comparison} ${threshold} for ${rule.duration}).`,
      },
      runbook: [
        "## Meaning",
        `This alert was declared in deployment.yaml as \`${rule.condition}\` for ${rule.duration}.`,
        "",
        "## Diagnosis",
        `- Graph the expression in Prometheus: \`${condition.definition.expr(version)}\``,
        "- Check what changed recently: deployments, traffic, configuration.",
        "",
        "## Mitigation",
        "- Relieve the resource (scale out, free space, tune the pool) and watch the value fall back under the threshold.",
      ].join("\n"),
      tests: conditionTests(condition, version, rule.duration, minutes),
    };
  } catch (error) {
    if (error instanceof ConditionError) throw new DeploymentError(path, error.message);
    throw error;
  }
}

function receiversFor(
  deployment: Deployment,
  notes: ConversionNote[],
): { receivers: Receiver[]; critical: boolean } {
  const { all, paging } = integrationsFor(deployment, notes);
  const receivers: Receiver[] = [{ name: "default", integrations: all }];
  const critical = paging.length > 0;
  if (critical) receivers.push({ name: "critical", integrations: [...all, ...paging] });
  return { receivers, critical };
}

/** A project from a parsed deployment.yaml; `notes` collects what the user should know. */
export function deploymentToProject(deployment: Deployment, notes: ConversionNote[] = []): Project {
  const { name, version, environment, pattern, framework } = deployment.deployment;
  const monitoring = deployment.monitoring;
  const extraDashboards: string[] = [];
  monitoring.dashboards.forEach((entry, index) => {
    const ids = DASHBOARD_ALIASES[entry] ?? [entry];
    if (!ids.every((id) => catalogDashboards.some((dashboard) => dashboard.id === id))) {
      const known = [
        ...Object.keys(DASHBOARD_ALIASES),
        ...catalogDashboards.map((dashboard) => dashboard.id),
      ];
      throw new DeploymentError(
        ["monitoring", "dashboards", index],
        `unknown dashboard "${entry}": expected one of ${[...new Set(known)].join(", ")}`,
      );
    }
    extraDashboards.push(...ids);
  });
  const { receivers, critical } = receiversFor(deployment, notes);
  const base = projectFromTemplate({
    name,
    level: monitoring.level,
    version,
    environment,
    appTarget: deployment.deployment.metrics_target,
    extraDashboards,
    receivers,
    route: {
      receiver: "default",
      groupBy: ["alertname", "severity"],
      groupWait: "30s",
      groupInterval: "5m",
      repeatInterval: "4h",
      routes: critical
        ? [
            {
              receiver: "critical",
              matchers: [{ label: "severity", op: "=", value: "critical" }],
              repeatInterval: "1h",
            },
          ]
        : [],
    },
  });
  const custom = monitoring.alerts.rules.map((rule, index) => ruleFromCondition(rule, index, deployment));
  return ProjectShapeSchema.parse({
    ...base,
    app: { ...base.app, framework, pattern },
    retention: { metrics: monitoring.metrics.retention, logs: monitoring.logs.retention },
    logs: { enabled: monitoring.logs.loki, shipper: monitoring.logs.shipper },
    ruleGroups:
      custom.length > 0 ? [...base.ruleGroups, { name: "deployment-rules", rules: custom }] : base.ruleGroups,
    kubernetes: {
      ...base.kubernetes,
      enabled: monitoring.kubernetes.enabled,
      namespace: monitoring.kubernetes.namespace,
      releaseLabel: monitoring.kubernetes.release,
    },
  });
}
