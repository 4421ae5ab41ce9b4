import { ApiRequestError } from "@/lib/api/client";
import type { PreviewErrorDetail } from "@/lib/api/preview-schemas";
import { CONNECTION_ERROR_KINDS } from "@/lib/prometheus/errors";

/**
 * Whether a project's Prometheus can be reached, derived from the preview calls the page has made
 * (their React Query state): no call of its own, no change to the panels' queries. A call that
 * failed with a connection kind (unreachable, timeout, not Prometheus's API) names the Prometheus
 * it tried (the error body's `preview`); a successful call names it in its `request.url`.
 */

/** The part of a React Query query's state this reads. */
export interface PreviewCallState {
  status: "pending" | "error" | "success";
  error: unknown;
  errorUpdatedAt: number;
  data: unknown;
  dataUpdatedAt: number;
}

/** A Prometheus the previews cannot use, with the newest failure that says so. */
export interface UnusablePrometheus {
  /** The base URL tried. */
  url: string;
  source: NonNullable<PreviewErrorDetail["source"]>;
  datasource?: string;
  kind: PreviewErrorDetail["kind"];
  /** The server's message, e.g. "cannot reach http://127.0.0.1:9090: connection refused (ECONNREFUSED)". */
  message: string;
  at: number;
}

export interface ConnectionState {
  /** One entry per Prometheus URL, in the order of their newest failure. */
  unusable: readonly UnusablePrometheus[];
}

export const CONNECTED: ConnectionState = { unusable: [] };

type ConnectionFailure = Omit<UnusablePrometheus, "at">;

/** A preview error that is about the Prometheus rather than one query, with what it tried. */
export function connectionFailure(error: unknown): ConnectionFailure | undefined {
  if (!(error instanceof ApiRequestError)) return undefined;
  const detail = error.body.preview;
  if (!detail?.url || !detail.source || !CONNECTION_ERROR_KINDS.includes(detail.kind)) return undefined;
  return {
    url: detail.url,
    source: detail.source,
    ...(detail.datasource === undefined ? {} : { datasource: detail.datasource }),
    kind: detail.kind,
    message: error.body.error,
  };
}

/** The URL of the Prometheus call a successful preview answer reports, if it reports one. */
function answeredUrl(data: unknown): string | undefined {
  const url = (data as { response?: { request?: { url?: unknown } } } | undefined)?.response?.request?.url;
  return typeof url === "string" ? url : undefined;
}

/**
 * The Prometheus URLs the previews cannot use. Nothing answering (`unreachable`) counts when it
 * is newer than every answer from that URL: the Prometheus went away. A timeout or an answer that
 * is not Prometheus's API counts only while no call to that URL holds an answer at all, since one
 * slow query or one odd answer says nothing about the connection when others get through.
 */
export function connectionState(calls: readonly PreviewCallState[]): ConnectionState {
  const lastAnswer = (baseUrl: string): number => {
    let last = 0;
    for (const call of calls) {
      if (call.status !== "success") continue;
      const url = answeredUrl(call.data);
      if (url?.startsWith(`${baseUrl}/`)) last = Math.max(last, call.dataUpdatedAt);
    }
    return last;
  };
  const byUrl = new Map<string, UnusablePrometheus>();
  for (const call of calls) {
    if (call.status !== "error") continue;
    const failure = connectionFailure(call.error);
    if (!failure) continue;
    const answered = lastAnswer(failure.url);
    const counts = failure.kind === "unreachable" ? call.errorUpdatedAt > answered : answered === 0;
    if (!counts) continue;
    const known = byUrl.get(failure.url);
    if (!known || known.at < call.errorUpdatedAt)
      byUrl.set(failure.url, { ...failure, at: call.errorUpdatedAt });
  }
  return { unusable: [...byUrl.values()].sort((a, b) => a.at - b.at || a.url.localeCompare(b.url)) };
}

/** Whether this error is one of the connection failures the state reports (the panel then says "no connection"). */
export function isNoConnection(state: ConnectionState, error: unknown): boolean {
  const failure = connectionFailure(error);
  return failure !== undefined && state.unusable.some((entry) => entry.url === failure.url);
}

/** The reason in a failure's message, without the "cannot reach <url>: " the banner says already. */
export function failureReason(message: string): string {
  return message.replace(/^cannot reach \S+: /, "");
}
