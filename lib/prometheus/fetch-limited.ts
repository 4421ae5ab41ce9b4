import { OutboundRefusedError, outboundFetch } from "../security/outbound";
import { PreviewError } from "./errors";

/**
 * One HTTP exchange with a Prometheus, bounded in time and size: the timeout covers reading the
 * body too, and the body is counted as it streams, so a huge answer is cut off, not buffered.
 */

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export interface LimitedFetchOptions {
  /** DELETE: Alertmanager's API expires a silence with it. */
  method: "GET" | "POST" | "DELETE";
  /** Form-encoded body for POST (Prometheus), or a JSON one (Alertmanager's API v2). */
  body?: URLSearchParams | { json: unknown };
  timeoutMs?: number;
  maxBytes?: number;
  /** The caller's cancellation (e.g. the incoming request's signal). */
  signal?: AbortSignal;
}

export interface LimitedResponse {
  status: number;
  text: string;
  bytes: number;
  /** The Content-Type header as sent ("" when none), for messages that must not echo the body. */
  contentType: string;
}

/** Node's network error codes in words, as a user would say them; the code stays beside them. */
const NETWORK_ERRORS: Readonly<Record<string, string>> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
  UND_ERR_SOCKET: "connection closed",
};

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code;
  if (code && NETWORK_ERRORS[code]) return `${NETWORK_ERRORS[code]} (${code})`;
  if (code && cause?.message && !cause.message.includes(code)) return `${cause.message} (${code})`;
  return code ?? cause?.message ?? (error as Error).message ?? String(error);
}

async function readCapped(
  response: Response,
  maxBytes: number,
  where: string,
): Promise<{ text: string; bytes: number }> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new PreviewError(
      "too_large",
      `${where} answered ${declared} bytes, over the ${maxBytes}-byte limit`,
    );
  }
  const reader = response.body?.getReader();
  if (!reader) return { text: "", bytes: 0 };
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      throw new PreviewError(
        "too_large",
        `${where} sent more than ${maxBytes} bytes; narrow the query (fewer series or a shorter range)`,
      );
    }
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks).toString("utf8"), bytes };
}

export async function fetchLimited(url: string, options: LimitedFetchOptions): Promise<LimitedResponse> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const where = new URL(url).origin;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout.signal, options.signal]) : timeout.signal;
  const timedOut = (): PreviewError =>
    new PreviewError("timeout", `${where} did not answer within ${timeoutMs / 1000} s`);
  try {
    let response: Response;
    try {
      const json = options.body !== undefined && !(options.body instanceof URLSearchParams);
      // Within the outgoing-call policy: the host checked, resolved once and connected to as
      // checked, redirects followed only on the same origin (lib/security/outbound.ts).
      response = await outboundFetch(url, {
        method: options.method,
        body: json
          ? JSON.stringify((options.body as { json: unknown }).json)
          : (options.body as URLSearchParams | undefined),
        signal,
        headers: { accept: "application/json", ...(json ? { "content-type": "application/json" } : {}) },
      });
    } catch (error) {
      if (error instanceof OutboundRefusedError) throw new PreviewError("not_allowed", error.message);
      if (timeout.signal.aborted) throw timedOut();
      if (options.signal?.aborted) throw new PreviewError("bad_request", "the preview request was cancelled");
      throw new PreviewError("unreachable", `cannot reach ${where}: ${describeCause(error)}`);
    }
    try {
      const { text, bytes } = await readCapped(response, maxBytes, where);
      return {
        status: response.status,
        text,
        bytes,
        contentType: response.headers.get("content-type") ?? "",
      };
    } catch (error) {
      if (error instanceof PreviewError) throw error;
      if (timeout.signal.aborted) throw timedOut();
      throw new PreviewError("unreachable", `${where} broke off its answer: ${describeCause(error)}`);
    }
  } finally {
    clearTimeout(timer);
  }
}
