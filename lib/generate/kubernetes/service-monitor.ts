import type { Project, RelabelConfig, ScrapeTarget } from "../../model";
import { projectSlug } from "../names";
import { compact } from "../yaml";
import {
  type ObjectMeta,
  objectMeta,
  releaseLabels,
  type SecretKeySelector,
  scrapeSecretName,
  secretKey,
} from "./resources";

/** A relabeling in the operator's camelCase spelling of Prometheus's relabel_config. */
export interface OperatorRelabelConfig {
  sourceLabels?: string[];
  separator?: string;
  regex?: string;
  targetLabel?: string;
  replacement?: string;
  action: RelabelConfig["action"];
}

export interface ServiceMonitorEndpoint {
  port: string;
  path: string;
  scheme: "http" | "https";
  interval: string;
  scrapeTimeout?: string;
  authorization?: { type: "Bearer"; credentials: SecretKeySelector };
  relabelings?: OperatorRelabelConfig[];
  metricRelabelings?: OperatorRelabelConfig[];
}

export interface ServiceMonitorManifest {
  apiVersion: "monitoring.coreos.com/v1";
  kind: "ServiceMonitor";
  metadata: ObjectMeta;
  spec: {
    namespaceSelector: { matchNames: string[] };
    selector: { matchLabels: Record<string, string> };
    endpoints: ServiceMonitorEndpoint[];
  };
}

export function toOperatorRelabelConfig(relabel: RelabelConfig): OperatorRelabelConfig {
  return compact({
    sourceLabels: relabel.sourceLabels.length > 0 ? relabel.sourceLabels : undefined,
    separator: relabel.separator,
    regex: relabel.regex,
    targetLabel: relabel.targetLabel,
    replacement: relabel.replacement,
    action: relabel.action,
  });
}

/** `$` starts a capture-group reference in a replacement; `$$` is a literal dollar. */
function literalReplacement(value: string): string {
  return value.replaceAll("$", "$$$$");
}

/**
 * In Kubernetes the job label would be the Service's name; setting it to the model's job keeps
 * `up{job="..."}` in the alert rules true, and the static labels match the compose stack's.
 */
function targetRelabelings(target: ScrapeTarget): OperatorRelabelConfig[] {
  const fixed: Record<string, string> = { job: target.job, ...target.labels };
  return [
    ...Object.entries(fixed).map(([label, value]) => ({
      targetLabel: label,
      replacement: literalReplacement(value),
      action: "replace" as const,
    })),
    ...target.relabelings.map(toOperatorRelabelConfig),
  ];
}

function endpoint(project: Project, target: ScrapeTarget): ServiceMonitorEndpoint {
  return compact({
    port: project.kubernetes.metricsPortName,
    path: target.metricsPath,
    scheme: target.scheme,
    interval: target.interval ?? project.scrapeInterval,
    scrapeTimeout: target.timeout,
    authorization: target.bearerToken
      ? { type: "Bearer" as const, credentials: secretKey(scrapeSecretName(project), target.bearerToken) }
      : undefined,
    relabelings: targetRelabelings(target),
    metricRelabelings:
      target.metricRelabelings.length > 0 ? target.metricRelabelings.map(toOperatorRelabelConfig) : undefined,
  });
}

/** The application's scrape targets; exporters come with their own charts in a cluster. */
export function appScrapeTargets(project: Project): ScrapeTarget[] {
  return project.scrapeTargets.filter((target) => target.kind === "app");
}

/** Undefined when the project has no application scrape target. */
export function serviceMonitorManifest(project: Project): ServiceMonitorManifest | undefined {
  const targets = appScrapeTargets(project);
  if (targets.length === 0) return undefined;
  const { appSelector, appNamespace } = project.kubernetes;
  const matchLabels =
    Object.keys(appSelector).length > 0 ? appSelector : { "app.kubernetes.io/name": projectSlug(project) };
  return {
    apiVersion: "monitoring.coreos.com/v1",
    kind: "ServiceMonitor",
    metadata: objectMeta(project, projectSlug(project), releaseLabels(project)),
    spec: {
      namespaceSelector: { matchNames: [appNamespace] },
      selector: { matchLabels },
      endpoints: targets.map((target) => endpoint(project, target)),
    },
  };
}
