import { type ApiExchange, requestExchange } from "./client";
import {
  type AlertsPreviewResponse,
  AlertsPreviewResponseSchema,
  type LabelsPreviewResponse,
  LabelsPreviewResponseSchema,
  type LintResponse,
  LintResponseSchema,
  type QueryPreviewResponse,
  QueryPreviewResponseSchema,
} from "./preview-schemas";

export type {
  AlertsPreviewResponse,
  Downsampling,
  LabelsPreviewResponse,
  LintResponse,
  QueryPreviewResponse,
} from "./preview-schemas";

/**
 * The browser's side of the preview API (`/api/projects/{id}/preview/...`): one fetch function per
 * endpoint, each answer checked against the contract in preview-schemas.ts. Calls and errors go
 * through the API client's one request function, so a failed preview is an ApiRequestError like
 * any other. Panels never talk to Prometheus themselves.
 */

/** Parameters as Prometheus and Grafana URLs carry them: each name with one value or several. */
export type PreviewParams = Readonly<Record<string, string | readonly string[]>>;

/** What a preview call sent and got back, for the query inspector: the raw JSON, unparsed. */
export interface PreviewExchange<T> {
  response: T;
  raw: unknown;
}

function previewUrl(projectId: string, endpoint: string): string {
  return `/api/projects/${encodeURIComponent(projectId)}/preview/${endpoint}`;
}

function search(params: PreviewParams): string {
  const out = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of typeof value === "string" ? [value] : value) out.append(name, item);
  }
  const text = out.toString();
  return text === "" ? "" : `?${text}`;
}

function toPreviewExchange<T>({ data, raw }: ApiExchange<T>): PreviewExchange<T> {
  return { response: data, raw };
}

/** POST /api/projects/{id}/preview/query_range */
export async function previewQueryRange(
  projectId: string,
  params: PreviewParams,
  signal?: AbortSignal,
): Promise<PreviewExchange<QueryPreviewResponse>> {
  const url = previewUrl(projectId, "query_range");
  return toPreviewExchange(
    await requestExchange(QueryPreviewResponseSchema, "POST", url, { body: params, signal }),
  );
}

/** POST /api/projects/{id}/preview/query */
export async function previewQuery(
  projectId: string,
  params: PreviewParams,
  signal?: AbortSignal,
): Promise<PreviewExchange<QueryPreviewResponse>> {
  const url = previewUrl(projectId, "query");
  return toPreviewExchange(
    await requestExchange(QueryPreviewResponseSchema, "POST", url, { body: params, signal }),
  );
}

/** GET /api/projects/{id}/preview/label/{name}/values */
export async function previewLabelValues(
  projectId: string,
  label: string,
  params: PreviewParams,
  signal?: AbortSignal,
): Promise<PreviewExchange<LabelsPreviewResponse>> {
  const url = `${previewUrl(projectId, `label/${encodeURIComponent(label)}/values`)}${search(params)}`;
  return toPreviewExchange(await requestExchange(LabelsPreviewResponseSchema, "GET", url, { signal }));
}

/** POST /api/projects/{id}/preview/labels */
export async function previewLabels(
  projectId: string,
  params: PreviewParams,
  signal?: AbortSignal,
): Promise<PreviewExchange<LabelsPreviewResponse>> {
  const url = previewUrl(projectId, "labels");
  return toPreviewExchange(
    await requestExchange(LabelsPreviewResponseSchema, "POST", url, { body: params, signal }),
  );
}

/** GET /api/projects/{id}/preview/alerts */
export async function previewAlerts(
  projectId: string,
  params: PreviewParams,
  signal?: AbortSignal,
): Promise<PreviewExchange<AlertsPreviewResponse>> {
  const url = `${previewUrl(projectId, "alerts")}${search(params)}`;
  return toPreviewExchange(await requestExchange(AlertsPreviewResponseSchema, "GET", url, { signal }));
}

/** POST /api/projects/{id}/preview/lint */
export async function lintExpressions(
  projectId: string,
  expressions: readonly string[],
  datasource?: string,
  signal?: AbortSignal,
): Promise<LintResponse> {
  const body = datasource === undefined ? { expressions } : { expressions, datasource };
  const url = previewUrl(projectId, "lint");
  return (await requestExchange(LintResponseSchema, "POST", url, { body, signal })).data;
}
