import { requestExchange } from "./client";
import { type SecretList, SecretListSchema, type SecretStatus, SecretStatusSchema } from "./secrets-schemas";

/** The browser's calls for a project's secrets; values go up once and never come back down. */

function secretsUrl(projectId: string): string {
  return `/api/projects/${encodeURIComponent(projectId)}/secrets`;
}

function secretUrl(projectId: string, name: string): string {
  return `${secretsUrl(projectId)}/${encodeURIComponent(name)}`;
}

/** GET /api/projects/{id}/secrets: each secret's status (set or not, where used), never a value. */
export async function listSecrets(projectId: string): Promise<SecretList> {
  return (await requestExchange(SecretListSchema, "GET", secretsUrl(projectId))).data;
}

/** PUT /api/projects/{id}/secrets/{name}: stores (encrypted) a new value; answers the status. */
export async function putSecret(projectId: string, name: string, value: string): Promise<SecretStatus> {
  return (await requestExchange(SecretStatusSchema, "PUT", secretUrl(projectId, name), { body: { value } }))
    .data;
}

/** DELETE /api/projects/{id}/secrets/{name}: forgets the value; answers the status (not set). */
export async function clearSecret(projectId: string, name: string): Promise<SecretStatus> {
  return (await requestExchange(SecretStatusSchema, "DELETE", secretUrl(projectId, name))).data;
}
