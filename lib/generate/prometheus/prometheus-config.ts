import type { Project, RelabelConfig, ScrapeTarget } from "../../model";
import { projectSlug, ruleFileName, secretFilePath } from "../names";
import type { GeneratedFile } from "../types";
import { compact, GENERATED_HEADER, toYaml } from "../yaml";
import { prometheusRuleGroups } from "./rule-groups";

function relabelEntry(relabel: RelabelConfig): Record<string, unknown> {
  return compact({
    source_labels: relabel.sourceLabels.length > 0 ? relabel.sourceLabels : undefined,
    separator: relabel.separator,
    regex: relabel.regex,
    target_label: relabel.targetLabel,
    replacement: relabel.replacement,
    action: relabel.action === "replace" ? undefined : relabel.action,
  });
}

function scrapeConfig(target: ScrapeTarget): Record<string, unknown> {
  return compact({
    job_name: target.job,
    scrape_interval: target.interval,
    scrape_timeout: target.timeout,
    metrics_path: target.metricsPath,
    scheme: target.scheme,
    // FraiseQL v2 mounts /metrics only when a token is set; the token is mounted as a file.
    authorization: target.bearerToken
      ? { type: "Bearer", credentials_file: secretFilePath(target.bearerToken) }
      : undefined,
    static_configs: [
      compact({
        targets: target.targets,
        labels: Object.keys(target.labels).length > 0 ? target.labels : undefined,
      }),
    ],
    relabel_configs: target.relabelings.length > 0 ? target.relabelings.map(relabelEntry) : undefined,
    metric_relabel_configs:
      target.metricRelabelings.length > 0 ? target.metricRelabelings.map(relabelEntry) : undefined,
  });
}

/** The stack's own components, scraped so their health shows up next to the application's. */
function stackScrapeConfigs(project: Project): Record<string, unknown>[] {
  const own = [
    { job_name: "prometheus", static_configs: [{ targets: ["localhost:9090"] }] },
    { job_name: "alertmanager", static_configs: [{ targets: ["alertmanager:9093"] }] },
  ];
  if (project.logs.enabled) own.push({ job_name: "loki", static_configs: [{ targets: ["loki:3100"] }] });
  const taken = new Set(project.scrapeTargets.map((target) => target.job));
  return own.filter((config) => !taken.has(config.job_name));
}

export function prometheusConfig(project: Project): Record<string, unknown> {
  const hasRules = prometheusRuleGroups(project).length > 0;
  return compact({
    global: {
      scrape_interval: project.scrapeInterval,
      evaluation_interval: project.evaluationInterval,
      external_labels: { environment: project.environment, project: projectSlug(project) },
    },
    // Relative to this file, so the same config works in the container and under promtool.
    rule_files: hasRules ? ["rules/*.yml"] : undefined,
    alerting: { alertmanagers: [{ static_configs: [{ targets: ["alertmanager:9093"] }] }] },
    scrape_configs: [...stackScrapeConfigs(project), ...project.scrapeTargets.map(scrapeConfig)],
  });
}

/** `prometheus/prometheus.yml`. Retention is a command-line flag, set in docker-compose. */
export function generatePrometheusConfig(project: Project): GeneratedFile[] {
  const ruleFiles = prometheusRuleGroups(project).map((group) => ruleFileName(group.name, project));
  const header = `${GENERATED_HEADER}\n# Rule files: ${ruleFiles.length > 0 ? ruleFiles.join(", ") : "none"}. Retention (${project.retention.metrics}) is set by --storage.tsdb.retention.time.`;
  return [{ path: "prometheus/prometheus.yml", content: toYaml(prometheusConfig(project), header) }];
}
