import "server-only";
import type { z } from "zod";
import { PreviewError } from "./errors";
import { fetchLimited } from "./fetch-limited";
import { quickQueryAnswer, rawSuccessData } from "./quick-check";
import {
  type AlertsData,
  AlertsResponseSchema,
  type BuildInfoData,
  BuildInfoResponseSchema,
  LabelsResponseSchema,
  type MetadataData,
  MetadataResponseSchema,
  type QueryData,
  QueryResponseSchema,
  type RulesData,
  RulesResponseSchema,
  SeriesResponseSchema,
  type TsdbStatusData,
  TsdbStatusResponseSchema,
} from "./schemas";

/**
 * The Prometheus read API as the preview uses it: one function per endpoint, each bounded in time
 * (default 10 s) and size (default 5 MiB), each answer validated (query answers first by the quick
 * check of quick-check.ts, the preview's hot path). Failures throw PreviewError.
 */

export interface ClientOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** POST sends the parameters form-encoded (long queries); only where Prometheus accepts it. */
  method?: "GET" | "POST";
  signal?: AbortSignal;
}

export type Params = Record<string, string | string[]>;

/** What was asked, for the query inspector. */
export interface PrometheusRequest {
  url: string;
  method: "GET" | "POST";
  params: Params;
}

export interface PrometheusAnswer<T> {
  data: T;
  warnings: string[];
  request: PrometheusRequest;
  bytes: number;
  /**
   * `data` as the JSON text Prometheus sent, when that text is exactly `data` (query and range
   * answers that passed the quick check), so a caller that passes it on need not encode it again.
   */
  rawData?: string;
}

function searchParams(params: Params): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, item);
  }
  return search;
}

function endpointUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}

async function call<T>(
  baseUrl: string,
  path: string,
  params: Params,
  schema: z.ZodType<
    | { status: "success"; data: T; warnings?: string[] }
    | { status: "error"; errorType: string; error: string }
  >,
  options: ClientOptions,
  quick?: (json: unknown) => { data: T; warnings?: string[] } | undefined,
): Promise<PrometheusAnswer<T>> {
  const method = options.method ?? "GET";
  const encoded = searchParams(params);
  const base = endpointUrl(baseUrl, path);
  const url = method === "GET" && [...encoded].length > 0 ? `${base}?${encoded}` : base;
  const response = await fetchLimited(url, {
    method,
    body: method === "POST" ? encoded : undefined,
    timeoutMs: options.timeoutMs,
    maxBytes: options.maxBytes,
    signal: options.signal,
  });
  const request: PrometheusRequest = { url: base, method, params };
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch {
    // Not the body itself: the URL is the user's, so echoing what answered would let anyone read
    // the start of any page the server can reach (its own loopback services included).
    throw new PreviewError(
      "bad_response",
      `${base} answered HTTP ${response.status} with non-JSON content (${response.bytes} bytes, content-type ${response.contentType || "none"})`,
    );
  }
  const checked = quick?.(json);
  if (checked) {
    const rawData = rawSuccessData(response.text, json as Record<string, unknown>);
    return {
      data: checked.data,
      warnings: checked.warnings ?? [],
      request,
      bytes: response.bytes,
      ...(rawData === undefined ? {} : { rawData }),
    };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new PreviewError(
      "bad_response",
      `${base} answered HTTP ${response.status} in an unexpected shape (${first?.path.join(".") || "body"}: ${first?.message}); is this a Prometheus?`,
    );
  }
  const body = parsed.data;
  if (body.status === "error") {
    throw new PreviewError("prometheus", `Prometheus: ${body.error}`, body.errorType);
  }
  return { data: body.data, warnings: body.warnings ?? [], request, bytes: response.bytes };
}

function defined(params: Record<string, string | string[] | undefined>): Params {
  const out: Params = {};
  for (const [name, value] of Object.entries(params)) if (value !== undefined) out[name] = value;
  return out;
}

export interface QueryParams {
  query: string;
  /** RFC 3339 or unix seconds; default now. */
  time?: string;
  /** Prometheus's own evaluation timeout, e.g. `10s`. */
  timeout?: string;
}

/** GET|POST /api/v1/query — an instant query. */
export function query(
  baseUrl: string,
  params: QueryParams,
  options: ClientOptions = {},
): Promise<PrometheusAnswer<QueryData>> {
  return call(
    baseUrl,
    "/api/v1/query",
    defined({ ...params }),
    QueryResponseSchema,
    options,
    quickQueryAnswer,
  );
}

export interface QueryRangeParams {
  query: string;
  start: string;
  end: string;
  /** Seconds or a duration. */
  step: string;
  timeout?: string;
}

/** GET|POST /api/v1/query_range — a range query (always a matrix). */
export function queryRange(
  baseUrl: string,
  params: QueryRangeParams,
  options: ClientOptions = {},
): Promise<PrometheusAnswer<QueryData>> {
  return call(
    baseUrl,
    "/api/v1/query_range",
    defined({ ...params }),
    QueryResponseSchema,
    options,
    quickQueryAnswer,
  );
}

export interface SelectorParams {
  /** Series selectors (`match[]`). */
  match?: string[];
  start?: string;
  end?: string;
}

/** GET|POST /api/v1/series — the label sets of series matching the selectors. */
export function series(
  baseUrl: string,
  params: SelectorParams & { match: string[] },
  options: ClientOptions = {},
): Promise<PrometheusAnswer<Record<string, string>[]>> {
  return call(
    baseUrl,
    "/api/v1/series",
    defined({ "match[]": params.match, start: params.start, end: params.end }),
    SeriesResponseSchema,
    options,
  );
}

/** GET|POST /api/v1/labels — label names. */
export function labels(
  baseUrl: string,
  params: SelectorParams = {},
  options: ClientOptions = {},
): Promise<PrometheusAnswer<string[]>> {
  return call(
    baseUrl,
    "/api/v1/labels",
    defined({ "match[]": params.match, start: params.start, end: params.end }),
    LabelsResponseSchema,
    options,
  );
}

/** Label names Prometheus accepts in a path segment. */
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** GET /api/v1/label/<name>/values — the values of one label (`__name__`: every metric name). */
export function labelValues(
  baseUrl: string,
  name: string,
  params: SelectorParams = {},
  options: ClientOptions = {},
): Promise<PrometheusAnswer<string[]>> {
  if (!LABEL_NAME.test(name)) throw new PreviewError("bad_request", `"${name}" is not a label name`);
  return call(
    baseUrl,
    `/api/v1/label/${name}/values`,
    defined({ "match[]": params.match, start: params.start, end: params.end }),
    LabelsResponseSchema,
    { ...options, method: "GET" },
  );
}

export interface MetadataParams {
  metric?: string;
  limit?: string;
}

/** GET /api/v1/metadata — type, help and unit per metric name (from the scrape cache). */
export function metadata(
  baseUrl: string,
  params: MetadataParams = {},
  options: ClientOptions = {},
): Promise<PrometheusAnswer<MetadataData>> {
  return call(baseUrl, "/api/v1/metadata", defined({ ...params }), MetadataResponseSchema, {
    ...options,
    method: "GET",
  });
}

/** GET /api/v1/alerts — the alerts the rules currently hold pending or firing. */
export function alerts(baseUrl: string, options: ClientOptions = {}): Promise<PrometheusAnswer<AlertsData>> {
  return call(baseUrl, "/api/v1/alerts", {}, AlertsResponseSchema, { ...options, method: "GET" });
}

export interface RulesParams {
  /** `alert` or `record`: only rules of that type. */
  type?: string;
}

/** GET /api/v1/rules — the rule groups the server loaded, each rule's state and active alerts. */
export function rules(
  baseUrl: string,
  params: RulesParams = {},
  options: ClientOptions = {},
): Promise<PrometheusAnswer<RulesData>> {
  return call(baseUrl, "/api/v1/rules", defined({ type: params.type }), RulesResponseSchema, {
    ...options,
    method: "GET",
  });
}

/** GET /api/v1/status/buildinfo — the server's version. */
export function buildInfo(
  baseUrl: string,
  options: ClientOptions = {},
): Promise<PrometheusAnswer<BuildInfoData>> {
  return call(baseUrl, "/api/v1/status/buildinfo", {}, BuildInfoResponseSchema, {
    ...options,
    method: "GET",
  });
}

/**
 * GET /api/v1/status/tsdb?limit=1 — the head block's statistics (its series count is read from
 * memory, whatever the size of the server); `limit` keeps the top-N lists short where supported.
 */
export function tsdbStatus(
  baseUrl: string,
  options: ClientOptions = {},
): Promise<PrometheusAnswer<TsdbStatusData>> {
  return call(baseUrl, "/api/v1/status/tsdb", { limit: "1" }, TsdbStatusResponseSchema, {
    ...options,
    method: "GET",
  });
}
