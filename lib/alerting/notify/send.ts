import "server-only";
import nodemailer from "nodemailer";
import { outboundPolicy, refusedUrl } from "../../security/outbound-policy";
import { OutboundError, OutboundRefusedError, resolveOutbound, safeFetch } from "../../security/outbound";
import { env } from "../../env";
import { goJson } from "./group";
import type { EmailMessage } from "./payloads";

/**
 * One delivery attempt of a rendered notification, through the server's outgoing-call policy
 * (lib/security/outbound): HTTP posts with safeFetch (checked address, bounded time and size),
 * e-mail over SMTP with nodemailer to the checked address of the smarthost. What comes back is
 * what the delivery log keeps: never the target URL's path or a credential.
 */

export type Target =
  | { kind: "http"; url: string; headers: Record<string, string>; body: unknown }
  | {
      kind: "smtp";
      host: string;
      port: number;
      requireTls: boolean;
      auth?: { user: string; pass: string };
      message: EmailMessage;
    };

export interface AttemptResult {
  outcome: "delivered" | "failed" | "refused";
  /** Whether trying again could help (a 5xx, a timeout, an unreachable host). */
  retry: boolean;
  httpStatus: number | null;
  latencyMs: number;
  excerpt: string;
}

export const EXCERPT_CHARS = 500;
const excerptOf = (text: string): string =>
  text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;

async function postHttp(
  target: Extract<Target, { kind: "http" }>,
  timeoutMs: number,
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  try {
    const response = await safeFetch(target.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Obsforge test notification",
        ...target.headers,
      },
      body: goJson(target.body),
      timeoutMs,
      maxBytes: 64 * 1024,
    });
    const ok = response.status >= 200 && response.status < 300;
    return {
      outcome: ok ? "delivered" : "failed",
      // notify.Retrier: only 5xx answers are worth another try.
      retry: response.status >= 500,
      httpStatus: response.status,
      latencyMs: elapsed(),
      excerpt: excerptOf(`${response.status}: ${response.text}`),
    };
  } catch (error) {
    if (error instanceof OutboundRefusedError)
      return {
        outcome: "refused",
        retry: false,
        httpStatus: null,
        latencyMs: elapsed(),
        excerpt: excerptOf(error.message),
      };
    const message =
      error instanceof OutboundError ? error.message : `send failed: ${(error as Error).message}`;
    return {
      outcome: "failed",
      retry: true,
      httpStatus: null,
      latencyMs: elapsed(),
      excerpt: excerptOf(message),
    };
  }
}

async function sendMail(
  target: Extract<Target, { kind: "smtp" }>,
  timeoutMs: number,
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  const where = `${target.host}:${target.port}`;
  let address: string;
  try {
    // The policy decides on a URL; the smarthost is checked as the host:port it connects to.
    const checkUrl = `http://${target.host.includes(":") ? `[${target.host}]` : target.host}:${target.port}/`;
    const refused = refusedUrl(checkUrl, outboundPolicy(env()));
    if (refused) throw new OutboundRefusedError(`not allowed: ${refused}`);
    address = (await resolveOutbound(new URL(checkUrl), outboundPolicy(env()))).address;
  } catch (error) {
    const message = error instanceof OutboundRefusedError ? error.message : `cannot resolve ${where}`;
    return {
      outcome: error instanceof OutboundRefusedError ? "refused" : "failed",
      retry: !(error instanceof OutboundRefusedError),
      httpStatus: null,
      latencyMs: elapsed(),
      excerpt: excerptOf(message),
    };
  }
  const transport = nodemailer.createTransport({
    host: address,
    port: target.port,
    secure: target.port === 465,
    requireTLS: target.requireTls,
    ignoreTLS: !target.requireTls,
    auth: target.auth,
    tls: { servername: target.host },
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    const message = target.message;
    const { Subject, To, From, ...headers } = message.headers;
    const info = await transport.sendMail({
      envelope: { from: message.from, to: message.to.split(",").map((s) => s.trim()) },
      from: From,
      to: To,
      subject: Subject,
      headers,
      ...(message.html !== undefined ? { html: message.html } : {}),
      ...(message.text !== undefined ? { text: message.text } : {}),
    });
    return {
      outcome: "delivered",
      retry: false,
      httpStatus: null,
      latencyMs: elapsed(),
      excerpt: excerptOf(String(info.response)),
    };
  } catch (error) {
    const e = error as { responseCode?: number; message?: string };
    // SMTP 4xx is temporary, 5xx permanent; a connection failure may pass.
    const retry = e.responseCode === undefined || (e.responseCode >= 400 && e.responseCode < 500);
    return {
      outcome: "failed",
      retry,
      httpStatus: null,
      latencyMs: elapsed(),
      excerpt: excerptOf(`${where}: ${e.message ?? String(error)}`),
    };
  } finally {
    transport.close();
  }
}

export function attemptDelivery(target: Target, timeoutMs: number): Promise<AttemptResult> {
  return target.kind === "http" ? postHttp(target, timeoutMs) : sendMail(target, timeoutMs);
}
