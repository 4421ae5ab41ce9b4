import type { Project } from "../../model";
import type { GeneratedFile } from "../types";
import { GENERATED_HEADER, toYaml } from "../yaml";
import { alertmanagerConfigGaps, alertmanagerConfigManifest } from "./alertmanager-config";
import {
  type ConfigMapManifest,
  dashboardConfigMap,
  dashboardConfigMapName,
  dashboardConfigMapPath,
} from "./dashboards";
import { prometheusRuleManifest } from "./prometheus-rule";
import { secretManifests, secretsExampleYaml } from "./secrets";
import { serviceMonitorManifest } from "./service-monitor";
import { valuesYaml } from "./values";
import { configMapNameWarnings, sizeWarnings } from "./warnings";

export { kubePrometheusStackValues } from "./values";

function manifestFile(path: string, manifest: unknown): GeneratedFile {
  return { path, content: toYaml(manifest, GENERATED_HEADER) };
}

type DashboardFile = { configMap: ConfigMapManifest; file: GeneratedFile };

/**
 * The README's size warnings need the same ConfigMaps the bundle writes; a project is immutable
 * once validated, so they are built once per project object rather than twice per bundle.
 */
const dashboardFilesCache = new WeakMap<Project, DashboardFile[]>();

function dashboardFiles(project: Project): DashboardFile[] {
  const cached = dashboardFilesCache.get(project);
  if (cached) return cached;
  const files = project.dashboards.map((dashboard) => {
    const configMap = dashboardConfigMap(project, dashboard);
    return { configMap, file: manifestFile(dashboardConfigMapPath(dashboard.uid), configMap) };
  });
  dashboardFilesCache.set(project, files);
  return files;
}

/** The manifests `kubectl apply` takes, without values.yaml (a Helm input, not a manifest). */
function manifestFiles(project: Project): GeneratedFile[] {
  const serviceMonitor = serviceMonitorManifest(project);
  const secrets = secretManifests(project);
  return [
    manifestFile("kubernetes/prometheus-rule.yaml", prometheusRuleManifest(project)),
    ...(serviceMonitor ? [manifestFile("kubernetes/service-monitor.yaml", serviceMonitor)] : []),
    manifestFile("kubernetes/alertmanager-config.yaml", alertmanagerConfigManifest(project)),
    ...(secrets.length > 0
      ? [{ path: "kubernetes/secrets.example.yaml", content: secretsExampleYaml(secrets) }]
      : []),
  ];
}

/**
 * Prometheus Operator resources for kube-prometheus-stack: rules, the application's
 * ServiceMonitor, Alertmanager routing, example Secrets, dashboard ConfigMaps and Helm values.
 */
export function generateKubernetes(project: Project): GeneratedFile[] {
  if (!project.kubernetes.enabled) return [];
  return [
    ...manifestFiles(project),
    ...dashboardFiles(project).map(({ file }) => file),
    { path: "kubernetes/values.yaml", content: valuesYaml(project) },
  ];
}

/** What the README should tell about the manifests: sizes near Kubernetes limits, skipped parts. */
export function kubernetesWarnings(project: Project): string[] {
  if (!project.kubernetes.enabled) return [];
  const dashboards = dashboardFiles(project);
  const warnings: string[] = [];
  if (!project.scrapeTargets.some((target) => target.kind === "app")) {
    warnings.push("No scrape target of kind app: kubernetes/service-monitor.yaml was not generated.");
  }
  warnings.push(...alertmanagerConfigGaps(project));
  warnings.push(
    ...configMapNameWarnings(
      project,
      project.dashboards.map((d) => ({ uid: d.uid, name: dashboardConfigMapName(project, d.uid) })),
    ),
    ...sizeWarnings(
      [...manifestFiles(project), ...dashboards.map(({ file }) => file)],
      dashboards.map(({ configMap, file }) => ({ path: file.path, configMap })),
    ),
  );
  return warnings;
}
