import type { z } from "zod";
import { parseDuration } from "../../model/common";
import { PreviewError } from "../../prometheus/errors";
import { fetchLimited } from "../../prometheus/fetch-limited";
import { LiveAlertmanagerError } from "./errors";
import {
  type AcknowledgeBody,
  type Acknowledged,
  CreatedSilenceSchema,
  type LiveAlert,
  type LiveAlertGroup,
  LiveAlertGroupSchema,
  LiveAlertSchema,
  type Silence,
  type SilenceMatcher,
  SilenceSchema,
  type Unacknowledged,
} from "./schemas";

/**
 * Alertmanager's API v2, one function per endpoint it calls, each bounded in time (default 10 s)
 * and size (fetchLimited), each answer validated. Not server-only: `obsforge alerts` calls it
 * too. Which base URL it may be given is the caller's decision (lib/alerting/live/target.ts).
 */

export interface LiveClientOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** The text of Alertmanager's own error answer: go-swagger sends it as a JSON string. */
function alertmanagerMessage(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === "string" && body.trim() !== "") return body.trim().slice(0, 300);
  } catch {
    // Not its API's error shape: not echoed (the URL is the user's; see lib/prometheus/client.ts).
  }
  return undefined;
}

async function call(
  baseUrl: string,
  method: "GET" | "POST" | "DELETE",
  path: string,
  options: LiveClientOptions,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const url = `${baseUrl.replace(/\/+$/, "")}${path}`;
  const response = await fetchLimited(url, {
    method,
    ...(body === undefined ? {} : { body: { json: body } }),
    timeoutMs: options.timeoutMs,
    signal: options.signal,
  });
  if (response.status >= 400) {
    const said = alertmanagerMessage(response.text);
    const what = `${method} ${url} answered HTTP ${response.status}${said ? `: ${said}` : ""}`;
    // Alertmanager 0.25 answers the DELETE of an unknown silence with 500 "silence not found".
    if (response.status === 404 || said === "silence not found") throw new LiveAlertmanagerError(404, what);
    if (response.status < 500) throw new LiveAlertmanagerError(422, what);
    throw new LiveAlertmanagerError(502, what);
  }
  if (response.text.trim() === "") return { status: response.status, json: undefined };
  try {
    return { status: response.status, json: JSON.parse(response.text) };
  } catch {
    throw new PreviewError(
      "bad_response",
      `${url} answered HTTP ${response.status} with non-JSON content (${response.bytes} bytes, content-type ${response.contentType || "none"})`,
    );
  }
}

function parsed<T>(schema: z.ZodType<T>, json: unknown, url: string): T {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  throw new PreviewError(
    "bad_response",
    `${url} answered in an unexpected shape (${first?.path.join(".") || "body"}: ${first?.message}); is this an Alertmanager (API v2)?`,
  );
}

async function read<T>(
  baseUrl: string,
  path: string,
  schema: z.ZodType<T>,
  options: LiveClientOptions,
): Promise<T> {
  const { json } = await call(baseUrl, "GET", path, options);
  return parsed(schema, json, `${baseUrl}${path}`);
}

/** GET /api/v2/alerts: every alert Alertmanager holds (active, suppressed and unprocessed). */
export function listAlerts(baseUrl: string, options: LiveClientOptions = {}): Promise<LiveAlert[]> {
  return read(baseUrl, "/api/v2/alerts", LiveAlertSchema.array(), options);
}

/** GET /api/v2/alerts/groups: the alerts as the dispatcher groups them, per receiver. */
export function listAlertGroups(baseUrl: string, options: LiveClientOptions = {}): Promise<LiveAlertGroup[]> {
  return read(baseUrl, "/api/v2/alerts/groups", LiveAlertGroupSchema.array(), options);
}

/** GET /api/v2/silences: every silence, expired ones included (Alertmanager keeps them for a while). */
export function listSilences(baseUrl: string, options: LiveClientOptions = {}): Promise<Silence[]> {
  return read(baseUrl, "/api/v2/silences", SilenceSchema.array(), options);
}

/** GET /api/v2/silence/{id}. */
export function getSilence(baseUrl: string, id: string, options: LiveClientOptions = {}): Promise<Silence> {
  return read(baseUrl, `/api/v2/silence/${encodeURIComponent(id)}`, SilenceSchema, options);
}

export interface PostableSilence {
  matchers: SilenceMatcher[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
}

/** POST /api/v2/silences: creates the silence, answers its id. */
export async function createSilence(
  baseUrl: string,
  silence: PostableSilence,
  options: LiveClientOptions = {},
): Promise<string> {
  const { json } = await call(baseUrl, "POST", "/api/v2/silences", options, silence);
  return parsed(CreatedSilenceSchema, json, `${baseUrl}/api/v2/silences`).silenceID;
}

/** DELETE /api/v2/silence/{id}: expires the silence (Alertmanager keeps it, expired). */
export async function expireSilence(
  baseUrl: string,
  id: string,
  options: LiveClientOptions = {},
): Promise<void> {
  await call(baseUrl, "DELETE", `/api/v2/silence/${encodeURIComponent(id)}`, options);
}

/** The alert with this fingerprint, from GET /api/v2/alerts (there is no endpoint for one). */
export async function getAlert(
  baseUrl: string,
  fingerprint: string,
  options: LiveClientOptions = {},
): Promise<LiveAlert> {
  const alert = (await listAlerts(baseUrl, options)).find(
    (candidate) => candidate.fingerprint === fingerprint,
  );
  if (!alert)
    throw new LiveAlertmanagerError(
      404,
      `${new URL(baseUrl).host} holds no alert with fingerprint ${fingerprint}`,
    );
  return alert;
}

/** The silence that acknowledges exactly this alert: one equality matcher per label. */
export function acknowledgementMatchers(alert: Pick<LiveAlert, "labels">): SilenceMatcher[] {
  return Object.entries(alert.labels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => ({ name, value, isRegex: false, isEqual: true }));
}

/**
 * Acknowledge = a silence of the alert's exact label set, from now for `duration`, by `author`
 * with `comment` (POST /api/v2/silences). Answers the silence's id and end.
 */
export async function acknowledgeAlert(
  baseUrl: string,
  fingerprint: string,
  body: AcknowledgeBody,
  now: Date,
  options: LiveClientOptions = {},
): Promise<Acknowledged> {
  const alert = await getAlert(baseUrl, fingerprint, options);
  const endsAt = new Date(now.getTime() + (parseDuration(body.duration) ?? 0)).toISOString();
  const silenceId = await createSilence(
    baseUrl,
    {
      matchers: acknowledgementMatchers(alert),
      startsAt: now.toISOString(),
      endsAt,
      createdBy: body.author,
      comment: body.comment,
    },
    options,
  );
  return { silenceId, endsAt };
}

/**
 * Un-acknowledge (the seed's "resolve"): expires every silence that silences the alert now
 * (its `status.silencedBy`), so it notifies again. An alert no silence holds expires nothing.
 */
export async function unacknowledgeAlert(
  baseUrl: string,
  fingerprint: string,
  options: LiveClientOptions = {},
): Promise<Unacknowledged> {
  const alert = await getAlert(baseUrl, fingerprint, options);
  const expired: string[] = [];
  for (const id of alert.status.silencedBy) {
    await expireSilence(baseUrl, id, options);
    expired.push(id);
  }
  return { expired };
}
