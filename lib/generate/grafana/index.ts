import type { Project } from "../../model";
import { dashboardFilePath } from "../names";
import type { GeneratedFile } from "../types";
import { toJson } from "../yaml";
import { toGrafanaDashboard } from "./dashboard";
import { dashboardProvidersFile, datasourcesFile } from "./provisioning";

export { GRAFANA_SCHEMA_VERSION, toGrafanaDashboard } from "./dashboard";
export { GRAFANA_PLUGIN_ID } from "./plugin-ids";
export { type ProvisionedDatasource, toProvisionedDatasource } from "./provisioning";

/** Grafana's provisioning files and one JSON file per dashboard. */
export function generateGrafana(project: Project): GeneratedFile[] {
  return [
    datasourcesFile(project),
    dashboardProvidersFile(project),
    ...project.dashboards.map((dashboard) => ({
      path: dashboardFilePath(dashboard.uid),
      content: toJson(toGrafanaDashboard(project, dashboard)),
    })),
  ];
}
