import type { Datasource, Project } from "../../model";
import type { GeneratedFile } from "../types";
import { compact, GENERATED_HEADER, toYaml } from "../yaml";
import { GRAFANA_PLUGIN_ID } from "./plugin-ids";

/** Where the compose stack mounts `grafana/dashboards/`, and where the file provider reads. */
export const GRAFANA_DASHBOARDS_DIR = "/var/lib/grafana/dashboards";

/** One entry of a Grafana datasource provisioning file (also Helm's `grafana.additionalDataSources`). */
export interface ProvisionedDatasource {
  uid: string;
  name: string;
  type: string;
  access: "proxy";
  url: string;
  user?: string;
  isDefault: boolean;
  editable: boolean;
  jsonData: Record<string, unknown>;
  secureJsonData?: Record<string, string>;
}

/** Grafana expands `$__env{NAME}` in provisioning files: the secret stays in the environment. */
export function grafanaEnvReference(secret: string): string {
  return `$__env{${secret}}`;
}

export function toProvisionedDatasource(datasource: Datasource): ProvisionedDatasource {
  const common = {
    uid: datasource.uid,
    name: datasource.name,
    type: GRAFANA_PLUGIN_ID[datasource.type],
    access: "proxy" as const,
  };
  // Provisioned datasources are read-only in the UI: an edit there would be lost on the next restart.
  const flags = { isDefault: datasource.isDefault, editable: false };
  switch (datasource.type) {
    case "prometheus":
      return {
        ...common,
        url: datasource.url,
        ...flags,
        // POST lets long PromQL through; timeInterval makes $__rate_interval at least four scrapes.
        jsonData: { httpMethod: "POST", timeInterval: datasource.scrapeInterval },
      };
    case "loki":
      return { ...common, url: datasource.url, ...flags, jsonData: { maxLines: 1000 } };
    case "postgres":
      return {
        ...common,
        url: datasource.host,
        user: datasource.user,
        ...flags,
        jsonData: {
          database: datasource.database,
          sslmode: datasource.sslMode,
          postgresVersion: 1500,
          timescaledb: false,
        },
        secureJsonData: { password: grafanaEnvReference(datasource.password.secret) },
      };
    default: {
      const exhaustive: never = datasource;
      throw new Error(`unknown datasource ${JSON.stringify(exhaustive)}`);
    }
  }
}

export function datasourcesFile(project: Project): GeneratedFile {
  const body = { apiVersion: 1, datasources: project.datasources.map(toProvisionedDatasource) };
  return {
    path: "grafana/provisioning/datasources/datasources.yml",
    content: toYaml(body, GENERATED_HEADER),
  };
}

export function dashboardProvidersFile(project: Project): GeneratedFile {
  const body = {
    apiVersion: 1,
    providers: [
      compact({
        name: "obsforge",
        orgId: 1,
        folder: project.name,
        type: "file",
        // The files are generated: edits belong in the project, so the UI may not save over them.
        disableDeletion: false,
        allowUiUpdates: false,
        updateIntervalSeconds: 30,
        options: { path: GRAFANA_DASHBOARDS_DIR, foldersFromFilesStructure: false },
      }),
    ],
  };
  return { path: "grafana/provisioning/dashboards/dashboards.yml", content: toYaml(body, GENERATED_HEADER) };
}
