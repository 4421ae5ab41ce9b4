import type { Project, SecretRef } from "../../model";
import { projectSlug, secretFileName } from "../names";

export interface ObjectMeta {
  name: string;
  namespace: string;
  labels: Record<string, string>;
}

/** A key of a Secret in the manifests' namespace, as the operator's CRDs reference it. */
export interface SecretKeySelector {
  name: string;
  key: string;
}

/**
 * The Prometheus Operator of kube-prometheus-stack selects PrometheusRules, ServiceMonitors and
 * AlertmanagerConfigs by `release: <Helm release>`; without it they are silently ignored.
 */
export function releaseLabels(project: Project): Record<string, string> {
  return { release: project.kubernetes.releaseLabel, "app.kubernetes.io/part-of": projectSlug(project) };
}

export function objectMeta(project: Project, name: string, labels: Record<string, string>): ObjectMeta {
  return { name, namespace: project.kubernetes.namespace, labels };
}

export function scrapeSecretName(project: Project): string {
  return `${projectSlug(project)}-scrape-secrets`;
}

export function alertingSecretName(project: Project): string {
  return `${projectSlug(project)}-alerting-secrets`;
}

export function grafanaSecretName(project: Project): string {
  return `${projectSlug(project)}-grafana-secrets`;
}

/** Secret keys are the file names docker compose mounts, so one secret has one name everywhere. */
export function secretKey(secretName: string, ref: SecretRef): SecretKeySelector {
  return { name: secretName, key: secretFileName(ref) };
}

/** A DNS-1123 name for Kubernetes objects made from a Grafana uid (which allows `_` and capitals). */
export function dnsName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 253)
    .replace(/-+$/g, "");
}
