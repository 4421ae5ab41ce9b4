import { type AlertingImport, AlertingImportSchema } from "./alerting-import-schemas";
import { requestExchange } from "./client";

export type { AlertingImport, AlertingImportReport } from "./alerting-import-schemas";

/**
 * POST /api/projects/{id}/alerting/import: what an alertmanager.yml becomes, with the report;
 * nothing is saved. 422 with each problem (YAML line and path) for a file that cannot be imported.
 */
export async function previewAlertingImport(
  projectId: string,
  yaml: string,
  signal?: AbortSignal,
): Promise<AlertingImport> {
  const url = `/api/projects/${encodeURIComponent(projectId)}/alerting/import`;
  return (await requestExchange(AlertingImportSchema, "POST", url, { body: { yaml }, signal })).data;
}
