import { type OutboundMessage, OutboundRefusedError, outboundRequest, readBody } from "../security/outbound";
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

/** The body as text, refused past `maxBytes` before it is read when its declared length is over. */
async function readCapped(
  message: OutboundMessage,
  maxBytes: number,
  where: string,
): Promise<{ text: string; bytes: number }> {
  const declared = Number(message.headers["content-length"] ?? "0");
  if (declared > maxBytes) {
    message.body?.destroy();
    throw new PreviewError(
      "too_large",
      `${where} answered ${declared} bytes, over the ${maxBytes}-byte limit`,
    );
  }
  const body = await readBody(
    message,
    maxBytes,
    () =>
      new PreviewError(
        "too_large",
        `${where} sent more than ${maxBytes} bytes; narrow the query (fewer series or a shorter range)`,
      ),
  );
  return { text: body.toString("utf8"), bytes: body.byteLength };
}

export async function fetchLimited(url: string, options: LimitedFetchOptions): Promise<LimitedResponse> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const where = new URL(url).origin;
  // One controller for both ends (cheaper than AbortSignal.any): the timeout and the caller's cancel.
  const controller = new AbortController();
  let timedOutFlag = false;
  const timer = setTimeout(() => {
    timedOutFlag = true;
    controller.abort();
  }, timeoutMs);
  const cancel = (): void => controller.abort();
  if (options.signal?.aborted) cancel();
  else options.signal?.addEventListener("abort", cancel, { once: true });
  const signal = controller.signal;
  const timedOut = (): PreviewError =>
    new PreviewError("timeout", `${where} did not answer within ${timeoutMs / 1000} s`);
  try {
    let message: OutboundMessage;
    try {
      const json = options.body !== undefined && !(options.body instanceof URLSearchParams);
      // Within the outgoing-call policy: the host checked, resolved once and connected to as
      // checked, redirects followed only on the same origin (lib/security/outbound.ts).
      message = await outboundRequest(url, {
        method: options.method,
        body: json
          ? JSON.stringify((options.body as { json: unknown }).json)
          : (options.body as URLSearchParams | undefined),
        signal,
        headers: { accept: "application/json", ...(json ? { "content-type": "application/json" } : {}) },
      });
    } catch (error) {
      if (error instanceof OutboundRefusedError) throw new PreviewError("not_allowed", error.message);
      if (timedOutFlag) throw timedOut();
      if (options.signal?.aborted) throw new PreviewError("bad_request", "the preview request was cancelled");
      throw new PreviewError("unreachable", `cannot reach ${where}: ${describeCause(error)}`);
    }
    try {
      const { text, bytes } = await readCapped(message, maxBytes, where);
      return { status: message.status, text, bytes, contentType: message.headers["content-type"] ?? "" };
    } catch (error) {
      if (error instanceof PreviewError) throw error;
      if (timedOutFlag) throw timedOut();
      throw new PreviewError("unreachable", `${where} broke off its answer: ${describeCause(error)}`);
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", cancel);
  }
}
