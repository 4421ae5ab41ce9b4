import { unservedMetrics } from "../../catalog/metrics";
import { HEALTH_PATHS } from "../../catalog/templates";
import { type Project, panelTargets } from "../../model";
import { metricNames } from "../../promql/parse";
import { kubernetesWarnings } from "../kubernetes";
import { dashboardFilePath, enabledAlerts, projectSlug, runbookUrl } from "../names";
import type { GeneratedFile } from "../types";
import { logqlExamples, promqlExamples } from "./examples";

function fence(language: string, body: string): string {
  return `\`\`\`${language}\n${body}\n\`\`\``;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function usedMetrics(project: Project): string[] {
  const exprs: string[] = [];
  for (const dashboard of project.dashboards) {
    for (const panel of dashboard.panels) {
      for (const target of panelTargets(panel)) if (target.kind === "promql") exprs.push(target.expr);
    }
  }
  for (const group of project.ruleGroups)
    for (const rule of group.rules) if (rule.enabled) exprs.push(rule.expr);
  return exprs.flatMap(metricNames);
}

function dashboardsSection(project: Project): string {
  if (project.dashboards.length === 0) return "No dashboards in this project.";
  const rows = project.dashboards.map((dashboard) => {
    const panels = dashboard.panels.filter((panel) => panel.type !== "row").length;
    return `| ${cell(dashboard.title)} | \`${dashboard.uid}\` | ${panels} | ${cell(dashboard.description ?? "")} |`;
  });
  return [
    `Open them in Grafana at \`${project.links.grafanaUrl}/d/<uid>\`; the JSON is in \`grafana/dashboards/\`.`,
    "",
    "| Dashboard | uid | Panels | What it shows |",
    "| --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

function alertsSection(project: Project): string {
  const alerts = enabledAlerts(project);
  if (alerts.length === 0) return "No alert rules in this project.";
  const rows = alerts.map(({ group, rule }) => {
    const runbook = runbookUrl(project, rule);
    const link = runbook === undefined ? "" : `[runbook](${runbook})`;
    return `| ${rule.alert} | ${rule.labels.severity ?? ""} | ${rule.for ?? "0s"} | ${group} | ${cell(rule.annotations.summary ?? "")} | ${link} |`;
  });
  return [
    "| Alert | Severity | For | Group | Summary | Runbook |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    "Critical alerts inhibit warnings of the same alert name. Routing is in `alertmanager/alertmanager.yml`.",
  ].join("\n");
}

function missingMetricsSection(project: Project): string {
  const missing = unservedMetrics(usedMetrics(project), project.app.version);
  if (missing.length === 0)
    return "Every metric the dashboards and rules query is exposed by FraiseQL or the exporters.";
  return [
    `These names are queried by panels or rules but FraiseQL ${project.app.version} does not expose them, nor do the`,
    "exporters in this stack. The panels stay empty (and the rules never fire) until your application exposes them:",
    "",
    ...missing.map((name) => `- \`${name}\``),
  ].join("\n");
}

function quickStart(project: Project): string {
  const token =
    project.app.framework === "fraiseql" && project.app.version === "v2"
      ? "\nFraiseQL v2 serves `/metrics` only when `FRAISEQL_METRICS_ENABLED=true` and `FRAISEQL_METRICS_TOKEN` are set on the\napplication; put the same token in `.env` as `FRAISEQL_METRICS_TOKEN` so Prometheus can scrape it.\n"
      : "";
  return [
    fence(
      "bash",
      "cp .env.example .env   # fill in every secret\ndocker compose up -d\ndocker compose ps      # every service should become healthy",
    ),
    token,
    "| Service | URL |",
    "| --- | --- |",
    "| Grafana | http://localhost:3000 (user `admin`, password `GRAFANA_ADMIN_PASSWORD` from `.env`) |",
    "| Prometheus | http://localhost:9090 |",
    "| Alertmanager | http://localhost:9093 |",
    ...(project.logs.enabled ? ["| Loki | http://localhost:3100 |"] : []),
  ].join("\n");
}

function kubernetesSection(project: Project): string {
  if (!project.kubernetes.enabled) return "Kubernetes manifests are turned off for this project.";
  const warnings = kubernetesWarnings(project);
  return [
    `The manifests in \`kubernetes/\` target the Prometheus Operator of kube-prometheus-stack, installed as the Helm release \`${project.kubernetes.releaseLabel}\`.`,
    "The operator only picks up PrometheusRules, ServiceMonitors and AlertmanagerConfigs labelled with that release;",
    "if your release has another name, change it in the project and generate again.",
    "",
    fence(
      "bash",
      [
        `helm upgrade --install ${project.kubernetes.releaseLabel} prometheus-community/kube-prometheus-stack \\`,
        `  --namespace ${project.kubernetes.namespace} --create-namespace -f kubernetes/values.yaml`,
        "# copy kubernetes/secrets.example.yaml to secrets.yaml, fill in every value, then:",
        "kubectl apply -f secrets.yaml",
        "kubectl apply --server-side -f kubernetes/prometheus-rule.yaml -f kubernetes/service-monitor.yaml \\",
        "  -f kubernetes/alertmanager-config.yaml -f kubernetes/dashboards/",
      ].join("\n"),
    ),
    ...(warnings.length > 0 ? ["", "Warnings:", "", ...warnings.map((warning) => `- ${warning}`)] : []),
  ].join("\n");
}

function troubleshooting(project: Project): string {
  const app = project.scrapeTargets.find((target) => target.kind === "app");
  const target = app?.targets[0] ?? `app:${project.app.port}`;
  return [
    "**No data in the dashboards.** Check that Prometheus scrapes every target (all should be `up`):",
    "",
    fence(
      "bash",
      `curl -s http://localhost:9090/api/v1/targets | jq '.data.activeTargets[] | {job: .labels.job, health, lastError}'\ncurl -s -H "Authorization: Bearer $FRAISEQL_METRICS_TOKEN" http://${target}${app?.metricsPath ?? "/metrics"} | head`,
    ),
    "",
    "A 401 or 404 from FraiseQL v2's `/metrics` means metrics are disabled or the token does not match.",
    "Check the application itself answers on its health and readiness endpoints:",
    "",
    fence(
      "bash",
      `curl -si http://${target}${HEALTH_PATHS[project.app.version].health}\ncurl -si http://${target}${HEALTH_PATHS[project.app.version].readiness}`,
    ),
    "",
    "If some panels stay empty while others draw, see the list of metrics your application must expose above.",
    "",
    "**No logs in Grafana.** Check Loki and the log shipper:",
    "",
    fence("bash", `curl -s http://localhost:3100/ready\ndocker compose logs ${project.logs.shipper}`),
    "",
    "**Alerts do not arrive.** See where Alertmanager would route an alert, then send a test one:",
    "",
    fence(
      "bash",
      "amtool config routes test --config.file=alertmanager/alertmanager.yml severity=critical alertname=Test\namtool alert add Test severity=critical --alertmanager.url=http://localhost:9093",
    ),
    "",
    "**Checking the files.** Every file in this bundle passed these before it was handed to you:",
    "",
    fence(
      "bash",
      "promtool check config --syntax-only prometheus/prometheus.yml\npromtool check rules prometheus/rules/*.yml\n(cd prometheus/tests && promtool test rules *.yml)\namtool check-config alertmanager/alertmanager.yml",
    ),
  ].join("\n");
}

/** The bundle's README.md: how to run it, what is in it, and what to do when something is off. */
export function generateReadme(project: Project, files: readonly GeneratedFile[]): GeneratedFile[] {
  const app = projectSlug(project);
  const tree = [...new Set(files.map((file) => file.path.split("/")[0] ?? file.path))].sort();
  const promql = promqlExamples(
    project.app.version,
    project.scrapeTargets.find((t) => t.kind === "app")?.job ?? "fraiseql",
  );
  const logql = logqlExamples(app);
  const dashboardsFiles = project.dashboards.map((dashboard) => dashboardFilePath(dashboard.uid));
  const content = [
    `# Observability stack: ${project.name}`,
    "",
    `Generated by Obsforge for a ${project.app.framework === "fraiseql" ? `FraiseQL ${project.app.version}` : "generic"} application` +
      `${project.level ? ` at the \`${project.level}\` monitoring level` : ""}, environment \`${project.environment}\`.`,
    `Metrics are kept ${project.retention.metrics}${project.logs.enabled ? `, logs ${project.retention.logs}` : ""}.`,
    "",
    "## Quick start",
    "",
    quickStart(project),
    "",
    "## What is in this bundle",
    "",
    ...tree.map((entry) => `- \`${entry}\``),
    "",
    "## Dashboards",
    "",
    dashboardsSection(project),
    "",
    `(${dashboardsFiles.length} dashboard file${dashboardsFiles.length === 1 ? "" : "s"}.)`,
    "",
    "## Alerts",
    "",
    alertsSection(project),
    "",
    "## Metrics your application must expose for these panels",
    "",
    missingMetricsSection(project),
    "",
    "## PromQL examples",
    "",
    ...promql.flatMap(({ title, query }) => [`${title}:`, "", fence("promql", query), ""]),
    ...(project.logs.enabled
      ? [
          "## LogQL examples",
          "",
          ...logql.flatMap(({ title, query }) => [`${title}:`, "", fence("logql", query), ""]),
        ]
      : []),
    "## Kubernetes",
    "",
    kubernetesSection(project),
    "",
    "## Troubleshooting",
    "",
    troubleshooting(project),
    "",
  ].join("\n");
  return [{ path: "README.md", content }];
}
