import type { Dashboard, Project } from "../../model";
import { toGrafanaDashboard } from "../grafana";
import { projectSlug } from "../names";
import { dnsName, type ObjectMeta, objectMeta } from "./resources";

/** The label the kube-prometheus-stack Grafana sidecar looks for (its chart default). */
export const GRAFANA_DASHBOARD_LABEL = "grafana_dashboard";
export const GRAFANA_DASHBOARD_LABEL_VALUE = "1";

export interface ConfigMapManifest {
  apiVersion: "v1";
  kind: "ConfigMap";
  metadata: ObjectMeta;
  data: Record<string, string>;
}

export function dashboardConfigMapPath(uid: string): string {
  return `kubernetes/dashboards/${uid}.yaml`;
}

export function dashboardConfigMapName(project: Project, uid: string): string {
  return dnsName(`${projectSlug(project)}-dashboard-${uid}`);
}

/** One ConfigMap per dashboard: the sidecar writes `<uid>.json` into Grafana's dashboard folder. */
export function dashboardConfigMap(project: Project, dashboard: Dashboard): ConfigMapManifest {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: objectMeta(project, dashboardConfigMapName(project, dashboard.uid), {
      [GRAFANA_DASHBOARD_LABEL]: GRAFANA_DASHBOARD_LABEL_VALUE,
      "app.kubernetes.io/part-of": projectSlug(project),
    }),
    // Compact: the sidecar reads it, people read grafana/dashboards/; this halves the manifest.
    data: { [`${dashboard.uid}.json`]: JSON.stringify(toGrafanaDashboard(project, dashboard)) },
  };
}
