import type { Project } from "../../model";
import type { GeneratedFile } from "../types";
import type { ConfigMapManifest } from "./dashboards";

/** etcd refuses objects over 1 MiB; a ConfigMap's data must stay below it. */
export const CONFIGMAP_LIMIT_BYTES = 1_048_576;
/** Warn from here: Grafana adds fields on save and dashboards grow with every panel. */
export const CONFIGMAP_WARNING_BYTES = Math.floor(CONFIGMAP_LIMIT_BYTES * 0.9);
/** Annotations of one object may total 256 KiB; client-side apply copies the object into one. */
export const LAST_APPLIED_LIMIT_BYTES = 262_144;

// TextEncoder rather than Buffer: the designer also runs generators in the browser.
const encoder = new TextEncoder();
const bytes = (text: string): number => encoder.encode(text).length;
const formatBytes = (count: number): string => count.toLocaleString("en-US");

export function configMapDataBytes(configMap: ConfigMapManifest): number {
  return Object.entries(configMap.data).reduce((sum, [key, value]) => sum + bytes(key) + bytes(value), 0);
}

/** Size problems of the generated manifests, worded for the README. */
export function sizeWarnings(
  manifests: readonly GeneratedFile[],
  configMaps: readonly { path: string; configMap: ConfigMapManifest }[],
): string[] {
  const warnings: string[] = [];
  for (const { path, configMap } of configMaps) {
    const size = configMapDataBytes(configMap);
    if (size >= CONFIGMAP_WARNING_BYTES) {
      warnings.push(
        `${path}: the ConfigMap data is ${formatBytes(size)} bytes, close to the ${formatBytes(CONFIGMAP_LIMIT_BYTES)}-byte (1 MiB) ConfigMap limit; split the dashboard.`,
      );
    }
  }
  for (const file of manifests) {
    const size = bytes(file.content);
    if (size > LAST_APPLIED_LIMIT_BYTES) {
      warnings.push(
        `${file.path} is ${formatBytes(size)} bytes, over the ${formatBytes(LAST_APPLIED_LIMIT_BYTES)}-byte limit of the last-applied-configuration annotation that client-side kubectl apply writes: use kubectl apply --server-side.`,
      );
    }
  }
  return warnings;
}

/** Two uids that differ only in case or `_`/`-` make the same ConfigMap name. */
export function configMapNameWarnings(
  project: Project,
  names: readonly { uid: string; name: string }[],
): string[] {
  const seen = new Map<string, string>();
  const warnings: string[] = [];
  for (const { uid, name } of names) {
    const other = seen.get(name);
    if (other !== undefined) {
      warnings.push(
        `dashboards "${other}" and "${uid}" both become the ConfigMap ${name} in namespace ${project.kubernetes.namespace}; give them uids that differ in more than case or _ and -.`,
      );
    } else {
      seen.set(name, uid);
    }
  }
  return warnings;
}
