import type { Integration, Project, SecretRef } from "../../model";
import { projectSlug, secretFileName } from "../names";
import { GENERATED_HEADER, toYaml } from "../yaml";
import {
  alertingSecretName,
  grafanaSecretName,
  type ObjectMeta,
  objectMeta,
  scrapeSecretName,
} from "./resources";
import { webhookBasicAuthUsernameRef } from "./alertmanager-config";
import { appScrapeTargets } from "./service-monitor";

export interface SecretManifest {
  apiVersion: "v1";
  kind: "Secret";
  metadata: ObjectMeta;
  type: "Opaque";
  stringData: Record<string, string>;
}

function integrationSecrets(integration: Integration): SecretRef[] {
  switch (integration.type) {
    case "slack":
      return [integration.apiUrl];
    case "email":
      return integration.authPassword ? [integration.authPassword] : [];
    case "pagerduty":
      return [integration.routingKey];
    case "webhook":
      if (integration.authorization) return [integration.authorization.credentials];
      return integration.basicAuth
        ? [integration.basicAuth.password, webhookBasicAuthUsernameRef(integration.basicAuth.password)]
        : [];
    default: {
      const exhaustive: never = integration;
      throw new Error(`unknown integration ${JSON.stringify(exhaustive)}`);
    }
  }
}

/** Secrets the ServiceMonitor reads: bearer tokens of the application's scrape targets. */
export function scrapeSecretRefs(project: Project): SecretRef[] {
  return appScrapeTargets(project).flatMap((target) => (target.bearerToken ? [target.bearerToken] : []));
}

/** Secrets the AlertmanagerConfig reads: receiver credentials. */
export function alertingSecretRefs(project: Project): SecretRef[] {
  return project.receivers.flatMap((receiver) => receiver.integrations.flatMap(integrationSecrets));
}

/** Secrets Grafana reads from its environment: database passwords of its datasources. */
export function grafanaSecretRefs(project: Project): SecretRef[] {
  return project.datasources.flatMap((datasource) =>
    datasource.type === "postgres" ? [datasource.password] : [],
  );
}

/** Keys whose value the project knows and that are not secret: webhooks' basic-auth user names. */
function knownAlertingValues(project: Project): Map<string, string> {
  const known = new Map<string, string>();
  for (const receiver of project.receivers)
    for (const integration of receiver.integrations)
      if (integration.type === "webhook" && integration.basicAuth && !integration.authorization)
        known.set(
          secretFileName(webhookBasicAuthUsernameRef(integration.basicAuth.password)),
          integration.basicAuth.username,
        );
  return known;
}

function secretManifest(
  project: Project,
  name: string,
  refs: readonly SecretRef[],
  known: ReadonlyMap<string, string> = new Map(),
): SecretManifest | undefined {
  const keys = [...new Set(refs.map(secretFileName))].sort();
  if (keys.length === 0) return undefined;
  return {
    apiVersion: "v1",
    kind: "Secret",
    metadata: objectMeta(project, name, { "app.kubernetes.io/part-of": projectSlug(project) }),
    type: "Opaque",
    stringData: Object.fromEntries(keys.map((key) => [key, known.get(key) ?? ""])),
  };
}

/** Every Secret the manifests and values.yaml reference, each key present and empty (a user name filled in). */
export function secretManifests(project: Project): SecretManifest[] {
  return [
    secretManifest(project, scrapeSecretName(project), scrapeSecretRefs(project)),
    secretManifest(
      project,
      alertingSecretName(project),
      alertingSecretRefs(project),
      knownAlertingValues(project),
    ),
    secretManifest(project, grafanaSecretName(project), grafanaSecretRefs(project)),
  ].filter((secret) => secret !== undefined);
}

const SECRETS_HEADER = [
  GENERATED_HEADER,
  "# Example only: copy it, fill in every value (the same ones as .env), apply the copy and",
  "# never commit it. Each key is a secret name from the project, lower-cased.",
].join("\n");

export function secretsExampleYaml(secrets: readonly SecretManifest[]): string {
  return secrets.map((secret, index) => toYaml(secret, index === 0 ? SECRETS_HEADER : "---")).join("");
}
