// Also used by the CLI (obsforge backtest, alerts), so it is not marked server-only.
import { lookup as dnsLookup } from "node:dns/promises";
import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { finished, Readable } from "node:stream";
import { type Env, env } from "../env";
import { canonicalHost } from "./addresses";
import {
  type OutboundPolicy,
  OutboundRefusedError,
  outboundPolicy,
  refusedConnection,
  refusedUrl,
} from "./outbound-policy";

/**
 * Every call the server makes to a URL a user typed (a Prometheus to preview, an Alertmanager, a
 * webhook) goes through here:
 * - the URL is checked by the administrator's policy (lib/security/outbound-policy.ts) before
 *   anything is sent, so a refused host:port answers the same whether something listens there or not;
 * - its name is resolved once, every address it resolves to is checked, and the connection goes to
 *   the checked address (a name that answers differently the second time cannot switch it);
 * - redirects are followed only on the same origin (scheme, host and port), and re-checked;
 * - `safeFetch` bounds the whole exchange in time and the body in size.
 */

export { OutboundRefusedError } from "./outbound-policy";

/** Resolves a host name to its addresses (dns.lookup by default; tests give their own). */
export type Resolver = (host: string) => Promise<readonly { address: string; family: number }[]>;

export interface OutboundInit {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  headers?: Record<string, string>;
  /** A form body is sent as application/x-www-form-urlencoded. */
  body?: string | URLSearchParams;
  signal?: AbortSignal;
  /** Default: the environment's (`outboundPolicy(env())`). */
  policy?: OutboundPolicy;
  resolve?: Resolver;
}

const MAX_REDIRECTS = 5;

const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

// Keep-alive pools; a pooled socket was opened to an address checked when it was opened.
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 32 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 32 }),
};

/** The address a URL's host connects to, checked; throws OutboundRefusedError when it may not. */
export async function resolveOutbound(
  url: URL,
  policy: OutboundPolicy,
  resolve: Resolver = systemResolver,
): Promise<{ address: string; family: 4 | 6 }> {
  const refused = refusedUrl(url.href, policy);
  if (refused) throw new OutboundRefusedError(`not allowed: ${refused}`);
  const host = canonicalHost(url.hostname) ?? url.hostname;
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  const literal = url.hostname.startsWith("[") ? 6 : /^[\d.]+$/.test(host) ? 4 : undefined;
  const addresses = literal ? [{ address: host, family: literal }] : await resolve(host);
  if (addresses.length === 0) throw new TypeError("fetch failed", { cause: { code: "ENOTFOUND" } });
  // Every address the name has is checked: the connection may go to any of them.
  for (const { address } of addresses) {
    const why = refusedConnection({ host, port }, address, policy);
    if (why) throw new OutboundRefusedError(`not allowed: ${why}`);
  }
  const [first] = addresses;
  return { address: first?.address ?? host, family: first?.family === 6 ? 6 : 4 };
}

function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return (_hostname, options, callback) => {
    // net.connect asks for every address when it races IPv4 and IPv6 (autoSelectFamily).
    if ((options as { all?: boolean }).all)
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

function headersOf(fields: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
      headers.append(name, item);
  }
  return headers;
}

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

/**
 * An answer as node's HTTP client gives it, for callers that read the body whole (readBody): no
 * web Response and no web stream in between, which on the preview's path cost more than the
 * rest of the call.
 */
export interface OutboundMessage {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  /** The body as it arrives; null for a status that has none. */
  body: IncomingMessage | null;
}

function exchange(
  url: URL,
  init: OutboundInit,
  pinned: { address: string; family: 4 | 6 },
): Promise<OutboundMessage> {
  const body = init.body instanceof URLSearchParams ? init.body.toString() : init.body;
  const headers: Record<string, string> = {
    ...(init.body instanceof URLSearchParams ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    ...init.headers,
    ...(body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) }),
  };
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolvePromise, reject) => {
    const request = transport.request(
      url,
      {
        method: init.method ?? "GET",
        headers,
        agent: agents[url.protocol as keyof typeof agents],
        lookup: pinnedLookup(pinned.address, pinned.family),
        signal: init.signal,
      },
      (message) => {
        const status = message.statusCode ?? 0;
        if (status < 200 || status > 599) {
          message.destroy();
          reject(
            new TypeError("fetch failed", {
              cause: { code: "UND_ERR_SOCKET", message: `HTTP status ${status}` },
            }),
          );
          return;
        }
        const hasBody = !NULL_BODY_STATUS.has(status);
        if (!hasBody) message.resume();
        resolvePromise({
          status,
          statusText: message.statusMessage ?? "",
          headers: message.headers,
          body: hasBody ? message : null,
        });
      },
    );
    // The same shape as fetch's failures (`cause.code`), so callers describe both alike.
    request.on("error", (error) =>
      reject(init.signal?.aborted ? error : new TypeError("fetch failed", { cause: error })),
    );
    request.end(body);
  });
}

/** The policy of an environment, made once per environment (env() answers the same object while it is unchanged). */
const policies = new WeakMap<Readonly<Env>, OutboundPolicy>();

function environmentPolicy(): OutboundPolicy {
  const parsed = env();
  let policy = policies.get(parsed);
  if (!policy) {
    policy = outboundPolicy(parsed);
    policies.set(parsed, policy);
  }
  return policy;
}

/**
 * One call within the outgoing-call policy: checked, resolved once, connected to the checked
 * address, redirects followed only on the same origin. The body is the caller's to read (and to
 * bound), with readBody.
 */
export async function outboundRequest(input: string, init: OutboundInit = {}): Promise<OutboundMessage> {
  const policy = init.policy ?? environmentPolicy();
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new OutboundRefusedError(`not allowed: ${input.slice(0, 200)} is not a URL`);
  }
  let current = init;
  for (let hop = 0; ; hop++) {
    const pinned = await resolveOutbound(url, policy, init.resolve);
    const message = await exchange(url, current, pinned);
    const location = message.headers.location;
    if (message.status < 300 || message.status > 399 || location === undefined) return message;
    // Not read: a redirect's body may be endless.
    message.body?.destroy();
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw new OutboundRefusedError(
        `${url.origin} redirected to "${location.slice(0, 200)}", which is not a URL`,
      );
    }
    if (next.origin !== url.origin) {
      throw new OutboundRefusedError(
        `not allowed: ${url.origin} redirected to ${next.origin}; redirects are followed only on the same host`,
      );
    }
    if (hop >= MAX_REDIRECTS)
      throw new OutboundRefusedError(`${url.origin} redirected more than ${MAX_REDIRECTS} times`);
    // 307/308 repeat the request; the others turn it into a GET without a body, as fetch does.
    if (message.status !== 307 && message.status !== 308)
      current = { ...current, method: "GET", body: undefined };
    url = next;
  }
}

/**
 * A message's body, read whole as it streams; past `maxBytes` the connection is dropped and
 * `tooLarge()` thrown, so a huge answer is cut off, not buffered. A broken-off or cancelled
 * answer (the call's signal) rejects with the stream's error.
 */
export function readBody(message: OutboundMessage, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  const { body } = message;
  if (!body) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    body.on("data", (chunk: Buffer) => {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) {
        body.destroy();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    // After a rejection above, the destroyed stream's own error changes nothing.
    finished(body, (error) => (error ? reject(error) : resolvePromise(Buffer.concat(chunks, bytes))));
  });
}

/**
 * fetch, within the outgoing-call policy (outboundRequest), answering a web Response whose body
 * is the caller's to read (and to bound).
 */
export async function outboundFetch(input: string, init: OutboundInit = {}): Promise<Response> {
  const message = await outboundRequest(input, init);
  return new Response(message.body && (Readable.toWeb(message.body) as ReadableStream<Uint8Array>), {
    status: message.status,
    statusText: message.statusText,
    headers: headersOf(message.headers),
  });
}

export interface SafeFetchOptions extends OutboundInit {
  /** The whole exchange, body included; default 10 s. */
  timeoutMs?: number;
  /** Default 5 MiB: a longer body is cut off, not buffered. */
  maxBytes?: number;
}

export interface SafeResponse {
  status: number;
  headers: Headers;
  text: string;
  bytes: number;
}

/** Why a bounded exchange failed: `refused` by the policy, `timeout`, `too_large` or `unreachable`. */
export class OutboundError extends Error {
  constructor(
    readonly kind: "timeout" | "too_large" | "unreachable",
    message: string,
  ) {
    super(message);
    this.name = "OutboundError";
  }
}

/** The code of a network failure (ECONNREFUSED, …), for messages. */
export function networkErrorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}

/**
 * One bounded call for the Alertmanager and notification clients: outboundFetch, the whole
 * exchange within `timeoutMs`, the body counted as it streams and cut off past `maxBytes`.
 * Throws OutboundRefusedError (the policy) or OutboundError.
 */
export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<SafeResponse> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const where = URL.canParse(url) ? new URL(url).origin : url.slice(0, 200);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout.signal, options.signal]) : timeout.signal;
  const failed = (error: unknown): Error => {
    if (error instanceof OutboundRefusedError || error instanceof OutboundError) return error;
    if (timeout.signal.aborted)
      return new OutboundError("timeout", `${where} did not answer within ${timeoutMs / 1000} s`);
    if (options.signal?.aborted) return new OutboundError("unreachable", "the call was cancelled");
    return new OutboundError("unreachable", `cannot reach ${where}: ${networkErrorCode(error)}`);
  };
  try {
    const message = await outboundRequest(url, { ...options, signal });
    const body = await readBody(
      message,
      maxBytes,
      () => new OutboundError("too_large", `${where} sent more than ${maxBytes} bytes`),
    );
    return {
      status: message.status,
      headers: headersOf(message.headers),
      text: body.toString("utf8"),
      bytes: body.byteLength,
    };
  } catch (error) {
    throw failed(error);
  } finally {
    clearTimeout(timer);
  }
}
