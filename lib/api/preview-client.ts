import { type ApiExchange, requestExchange } from "./client";
import {
  type AlertsPreviewResponse,
  AlertsPreviewResponseSchema,
  type LabelsPreviewResponse,
  LabelsPreviewResponseSchema,
  type LintResponse,
  LintResponseSchema,
  type QueryPreviewResponse,
  QueryPreviewAnswerSchema,
  type RulesPreviewResponse,
  RulesPreviewResponseSchema,
} from "./preview-schemas";
import { type Priority, RequestLimiter, type ScheduleOptions } from "./request-limiter";

export type {
  AlertsPreviewResponse,
  Downsampling,
  LabelsPreviewResponse,
  LintResponse,
  QueryPreviewResponse,
  RulesPreviewResponse,
} from "./preview-schemas";

/**
 * The browser's side of the preview API (`/api/projects/{id}/preview/...`): one fetch function per
 * endpoint, each answer checked against the contract in preview-schemas.ts. Calls and errors go
 * through the API client's one request function, so a failed preview is an ApiRequestError like
 * any other. Panels never talk to Prometheus themselves.
 */

/**
 * Preview requests in flight at once from one page: what a browser gives one HTTP/1.1 origin
 * anyway. The others wait in the page (see request-limiter.ts), the most urgent first.
 */
export const PREVIEW_CONCURRENCY = 6;
const limiter = new RequestLimiter(PREVIEW_CONCURRENCY);

export type { Priority } from "./request-limiter";

/**
 * How urgent a request is, lowest first: the options of a variable that panels wait for (FIRST);
 * the queries of panels on screen (0); the options of a variable whose value is already known,
 * for its drop-down (SOON); the queries of panels below or above the screen (1 + pixels away).
 * What no panel needs (the metric lint) goes `idle`, once nothing else has been in flight for a moment.
 */
export const FIRST: Priority = () => -1;
export const SOON: Priority = () => 0.5;

export interface PreviewCallOptions extends ScheduleOptions {
  signal?: AbortSignal;
}

function limited<T>(request: (signal?: AbortSignal) => Promise<T>, options: PreviewCallOptions): Promise<T> {
  return limiter.schedule(() => request(options.signal), options);
}

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
  options: PreviewCallOptions = {},
): Promise<PreviewExchange<QueryPreviewResponse>> {
  const url = previewUrl(projectId, "query_range");
  return toPreviewExchange(
    await limited(
      (signal) => requestExchange(QueryPreviewAnswerSchema, "POST", url, { body: params, signal }),
      options,
    ),
  );
}

/** POST /api/projects/{id}/preview/query */
export async function previewQuery(
  projectId: string,
  params: PreviewParams,
  options: PreviewCallOptions = {},
): Promise<PreviewExchange<QueryPreviewResponse>> {
  const url = previewUrl(projectId, "query");
  return toPreviewExchange(
    await limited(
      (signal) => requestExchange(QueryPreviewAnswerSchema, "POST", url, { body: params, signal }),
      options,
    ),
  );
}

/** GET /api/projects/{id}/preview/label/{name}/values */
export async function previewLabelValues(
  projectId: string,
  label: string,
  params: PreviewParams,
  options: PreviewCallOptions = {},
): Promise<PreviewExchange<LabelsPreviewResponse>> {
  const url = `${previewUrl(projectId, `label/${encodeURIComponent(label)}/values`)}${search(params)}`;
  return toPreviewExchange(
    await limited((signal) => requestExchange(LabelsPreviewResponseSchema, "GET", url, { signal }), options),
  );
}

/** POST /api/projects/{id}/preview/labels */
export async function previewLabels(
  projectId: string,
  params: PreviewParams,
  options: PreviewCallOptions = {},
): Promise<PreviewExchange<LabelsPreviewResponse>> {
  const url = previewUrl(projectId, "labels");
  return toPreviewExchange(
    await limited(
      (signal) => requestExchange(LabelsPreviewResponseSchema, "POST", url, { body: params, signal }),
      options,
    ),
  );
}

/** GET /api/projects/{id}/preview/alerts */
export async function previewAlerts(
  projectId: string,
  params: PreviewParams,
  options: PreviewCallOptions = {},
): Promise<PreviewExchange<AlertsPreviewResponse>> {
  const url = `${previewUrl(projectId, "alerts")}${search(params)}`;
  return toPreviewExchange(
    await limited((signal) => requestExchange(AlertsPreviewResponseSchema, "GET", url, { signal }), options),
  );
}

/** GET /api/projects/{id}/preview/rules */
export async function previewRules(
  projectId: string,
  params: PreviewParams,
  options: PreviewCallOptions = {},
): Promise<PreviewExchange<RulesPreviewResponse>> {
  const url = `${previewUrl(projectId, "rules")}${search(params)}`;
  return toPreviewExchange(
    await limited((signal) => requestExchange(RulesPreviewResponseSchema, "GET", url, { signal }), options),
  );
}

/** POST /api/projects/{id}/preview/lint */
export async function lintExpressions(
  projectId: string,
  expressions: readonly string[],
  datasource?: string,
  options: PreviewCallOptions = {},
): Promise<LintResponse> {
  const body = datasource === undefined ? { expressions } : { expressions, datasource };
  const url = previewUrl(projectId, "lint");
  return (
    await limited((signal) => requestExchange(LintResponseSchema, "POST", url, { body, signal }), options)
  ).data;
}
