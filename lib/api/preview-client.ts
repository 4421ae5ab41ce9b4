import { z } from "zod";
import { AlertsDataSchema, LabelsDataSchema, QueryDataSchema } from "@/lib/preview/schemas";
import { ApiRequestError } from "./client";
import { ApiErrorSchema } from "./schemas";

/**
 * The browser's side of the preview API (`/api/projects/{id}/preview/...`): one fetch function per
 * endpoint, each answer validated. Panels never talk to Prometheus themselves.
 */

export type PreviewParams = Readonly<Record<string, string | readonly string[]>>;

const ParamsSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

const DownsamplingSchema = z.object({
  totalSeries: z.number(),
  droppedSeries: z.number(),
  droppedSeriesExamples: z.array(z.record(z.string(), z.string())).default([]),
  totalPoints: z.number(),
  droppedPoints: z.number(),
  thinnedSeries: z.number(),
  maxPoints: z.number(),
  maxSeries: z.number(),
});
export type Downsampling = z.infer<typeof DownsamplingSchema>;

function previewResponseSchema<T extends z.ZodType>(data: T) {
  return z.object({
    status: z.literal("success"),
    data,
    warnings: z.array(z.string()).default([]),
    request: z.object({ url: z.string(), method: z.enum(["GET", "POST"]), params: ParamsSchema }),
    resolvedQuery: z.string().optional(),
    unresolvedVariables: z.array(z.string()).optional(),
    stepSeconds: z.number().optional(),
    downsampling: DownsamplingSchema.optional(),
    source: z.string(),
  });
}

export const QueryPreviewResponseSchema = previewResponseSchema(QueryDataSchema);
export type QueryPreviewResponse = z.infer<typeof QueryPreviewResponseSchema>;
export const LabelsPreviewResponseSchema = previewResponseSchema(LabelsDataSchema);
export type LabelsPreviewResponse = z.infer<typeof LabelsPreviewResponseSchema>;
export const AlertsPreviewResponseSchema = previewResponseSchema(AlertsDataSchema);
export type AlertsPreviewResponse = z.infer<typeof AlertsPreviewResponseSchema>;

export const LintResponseSchema = z.object({
  results: z.array(
    z.object({
      expression: z.string(),
      unknown: z.array(z.object({ name: z.string(), suggestions: z.array(z.string()) })),
    }),
  ),
  knownNames: z.number(),
  source: z.string(),
});
export type LintResponse = z.infer<typeof LintResponseSchema>;

/** What a preview call sent and got back, for the query inspector: the raw JSON, unparsed. */
export interface PreviewExchange<T> {
  response: T;
  raw: unknown;
}

function previewUrl(projectId: string, endpoint: string): string {
  return `/api/projects/${encodeURIComponent(projectId)}/preview/${endpoint}`;
}

async function send<S extends z.ZodType>(
  schema: S,
  url: string,
  init: RequestInit,
): Promise<PreviewExchange<z.infer<S>>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, cache: "no-store" });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiRequestError(0, { error: `could not reach the server (${reason})`, issues: [] });
  }
  const raw: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const body = ApiErrorSchema.safeParse(raw);
    throw new ApiRequestError(
      response.status,
      body.success ? body.data : { error: `the preview failed with HTTP ${response.status}`, issues: [] },
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ApiRequestError(response.status, {
      error: `unexpected preview response: ${parsed.error.issues[0]?.message ?? "invalid"}`,
      issues: [],
    });
  }
  return { response: parsed.data, raw };
}

function jsonPost(params: PreviewParams, signal?: AbortSignal): RequestInit {
  return {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify(params),
    signal,
  };
}

function search(params: PreviewParams): string {
  const out = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of typeof value === "string" ? [value] : value) out.append(name, item);
  }
  const text = out.toString();
  return text === "" ? "" : `?${text}`;
}

/** POST /api/projects/{id}/preview/query_range */
export function previewQueryRange(
  projectId: string,
  params: PreviewParams,
  signal?: AbortSignal,
): Promise<PreviewExchange<QueryPreviewResponse>> {
  return send(QueryPreviewResponseSchema, previewUrl(projectId, "query_range"), jsonPost(params, signal));
}

/** POST /api/projects/{id}/preview/query */
export function previewQuery(
  projectId: string,
  params: PreviewParams,
  signal?: AbortSignal,
): Promise<PreviewExchange<QueryPreviewResponse>> {
  return send(QueryPreviewResponseSchema, previewUrl(projectId, "query"), jsonPost(params, signal));
}

/** GET /api/projects/{id}/preview/label/{name}/values */
export function previewLabelValues(
  projectId: string,
  label: string,
  params: PreviewParams,
  signal?: AbortSignal,
): Promise<PreviewExchange<LabelsPreviewResponse>> {
  const url = `${previewUrl(projectId, `label/${encodeURIComponent(label)}/values`)}${search(params)}`;
  return send(LabelsPreviewResponseSchema, url, { headers: { accept: "application/json" }, signal });
}

/** POST /api/projects/{id}/preview/labels */
export function previewLabels(
  projectId: string,
  params: PreviewParams,
  signal?: AbortSignal,
): Promise<PreviewExchange<LabelsPreviewResponse>> {
  return send(LabelsPreviewResponseSchema, previewUrl(projectId, "labels"), jsonPost(params, signal));
}

/** GET /api/projects/{id}/preview/alerts */
export function previewAlerts(
  projectId: string,
  params: PreviewParams,
  signal?: AbortSignal,
): Promise<PreviewExchange<AlertsPreviewResponse>> {
  const url = `${previewUrl(projectId, "alerts")}${search(params)}`;
  return send(AlertsPreviewResponseSchema, url, { headers: { accept: "application/json" }, signal });
}

/** POST /api/projects/{id}/preview/lint */
export async function lintExpressions(
  projectId: string,
  expressions: readonly string[],
  datasource?: string,
  signal?: AbortSignal,
): Promise<LintResponse> {
  const body = datasource === undefined ? { expressions } : { expressions, datasource };
  const exchange = await send(LintResponseSchema, previewUrl(projectId, "lint"), {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
  return exchange.response;
}
