import "server-only";
import type {
  Delivery,
  DeliveryList,
  PreviewBody,
  PreviewResponse,
  TestSendBody,
  TestSendResponse,
} from "../../alerting/notify/api-schemas";
import {
  integrationEntries,
  integrationLabel,
  pickSample,
  previewReceiver,
  renderIntegration,
  sampleGroup,
} from "../../alerting/notify/receiver-preview";
import { withAlertingDraft } from "../../alerting/notify/draft-project";
import { SAMPLE_EXTERNAL_URL } from "../../alerting/notify/sample-alerts";
import { type AttemptResult, attemptDelivery, type Target } from "../../alerting/notify/send";
import type { GroupAlert } from "../../alerting/notify/template-data";
import { SECRET_MASK } from "../../api/secrets-schemas";
import { alertmanagerConfig } from "../../generate/alertmanager/config";
import { NotFoundError } from "../../db/errors";
import { newId } from "../../db/ids";
import { MASK as IMPORTED_MASK, importedSecrets } from "../../import/alertmanager/imported-secrets";
import type { AlertingSecret, Integration, Project, Receiver } from "../../model";
import { alertingOf } from "../../model/sections";
import type { ServiceContext } from "../context";
import { revealSecretForSending } from "./secrets";
import { getProject } from "./projects";

/**
 * A receiver's notifications: the rendered preview, the test send (what Alertmanager would post,
 * for a sample alert, with a timeout and retries with backoff) and its delivery log. Secrets are
 * read only to send (revealSecretForSending) and masked out of everything kept or answered.
 */

const PAGERDUTY_EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";

export interface SendOptions {
  /** Per attempt; default 5 s. */
  timeoutMs?: number;
  /** Attempts in all; default 3. */
  attempts?: number;
  /** Wait before the second attempt, doubled each time; default 250 ms. */
  backoffMs?: number;
}

function findReceiver(project: Project, name: string): Receiver {
  const receiver = project.receivers.find((r) => r.name === name);
  if (!receiver) throw new NotFoundError(`no receiver "${name}" in this project`);
  return receiver;
}

export async function previewNotifications(
  context: ServiceContext,
  projectId: string,
  receiverName: string,
  body: PreviewBody,
): Promise<PreviewResponse> {
  const { project: savedProject } = await getProject(context, projectId);
  const project = withAlertingDraft(savedProject, body.draft);
  const saved = savedProject.receivers.some((r) => r.name === receiverName);
  const receiver = project.receivers.find((r) => r.name === receiverName);
  // A receiver being renamed or deleted in the editor is not an error: there is nothing to render.
  if (!receiver)
    return {
      receiver: receiverName,
      saved,
      source: "none",
      samples: [],
      sample: "",
      status: body.status,
      messages: [],
      verbatim: [],
    };
  return { ...previewReceiver(project, receiver, body), saved, source: body.draft ? "draft" : "saved" };
}

/** The literal secrets an import kept, by variable, from the saved project (never from a draft). */
function importedSecretValues(project: Project): Map<string, string> {
  return new Map(
    importedSecrets(alertingOf(project))
      .filter((s) => s.variable !== undefined && s.value !== IMPORTED_MASK)
      .map((s) => [s.variable as string, s.value]),
  );
}

type Refusal = { refused: string };

/** Where and how an integration's message goes, its secrets read; or why it cannot go. */
async function resolveTarget(
  context: ServiceContext,
  projectId: string,
  project: Project,
  imported: ReadonlyMap<string, string>,
  integration: Integration,
  body: unknown,
  secrets: string[],
): Promise<Target | Refusal> {
  const reveal = async (ref: AlertingSecret, what: string): Promise<string | Refusal> => {
    const value = (await revealSecretForSending(context, projectId, ref.secret)) ?? imported.get(ref.secret);
    if (value === undefined || value === "")
      return { refused: `${what} (secret ${ref.secret}) has no value yet` };
    secrets.push(value);
    return value;
  };
  switch (integration.type) {
    case "slack": {
      const url = await reveal(integration.apiUrl, "the Slack webhook URL");
      return typeof url === "string" ? { kind: "http", url, headers: {}, body } : url;
    }
    case "pagerduty": {
      const key = await reveal(integration.routingKey, "the PagerDuty routing key");
      if (typeof key !== "string") return key;
      const global = (alertmanagerConfig(project).global ?? {}) as Record<string, unknown>;
      const url = typeof global.pagerduty_url === "string" ? global.pagerduty_url : PAGERDUTY_EVENTS_URL;
      return { kind: "http", url, headers: {}, body: { routing_key: key, ...(body as object) } };
    }
    case "webhook": {
      const headers: Record<string, string> = {};
      if (integration.authorization) {
        const credentials = await reveal(integration.authorization.credentials, "the webhook's credentials");
        if (typeof credentials !== "string") return credentials;
        headers.authorization = `${integration.authorization.scheme} ${credentials}`;
      } else if (integration.basicAuth) {
        const password = await reveal(integration.basicAuth.password, "the webhook's password");
        if (typeof password !== "string") return password;
        headers.authorization = `Basic ${Buffer.from(`${integration.basicAuth.username}:${password}`).toString("base64")}`;
      }
      return { kind: "http", url: integration.url, headers, body };
    }
    case "email": {
      const [host = "", port = "25"] = integration.smarthost.split(/:(?=\d+$)/);
      let auth: { user: string; pass: string } | undefined;
      if (integration.authUsername && integration.authPassword) {
        const pass = await reveal(integration.authPassword, "the SMTP password");
        if (typeof pass !== "string") return pass;
        auth = { user: integration.authUsername, pass };
      }
      return {
        kind: "smtp",
        host,
        port: Number(port),
        requireTls: integration.requireTls,
        ...(auth ? { auth } : {}),
        message: body as Extract<Target, { kind: "smtp" }>["message"],
      };
    }
    default: {
      const exhaustive: never = integration;
      return { refused: `unknown integration ${String(exhaustive)}` };
    }
  }
}

/** Replaces every secret value in a text kept or answered (an echoing server, an error message). */
function mask(text: string, secrets: readonly string[]): string {
  return secrets
    .filter((s) => s.length > 0)
    .reduce((out, secret) => out.split(secret).join(SECRET_MASK), text);
}

function toDelivery(row: {
  id: string;
  sendId: string;
  integration: string;
  attempt: number;
  outcome: string;
  httpStatus: number | null;
  latencyMs: number;
  excerpt: string;
  createdAt: Date;
}): Delivery {
  return {
    id: row.id,
    sendId: row.sendId,
    integration: row.integration,
    attempt: row.attempt,
    outcome: row.outcome as Delivery["outcome"],
    httpStatus: row.httpStatus,
    latencyMs: row.latencyMs,
    excerpt: row.excerpt,
    createdAt: row.createdAt.toISOString(),
  };
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends the sample group's message from each integration of the receiver (or one), retrying a
 * failure that may pass (5xx, timeout, unreachable) with exponential backoff, and records every
 * attempt in the delivery log.
 */
export async function sendTestNotification(
  context: ServiceContext,
  projectId: string,
  receiverName: string,
  body: TestSendBody,
  options: SendOptions = {},
): Promise<TestSendResponse> {
  const { project: savedProject } = await getProject(context, projectId);
  const project = withAlertingDraft(savedProject, body.draft);
  const imported = importedSecretValues(savedProject);
  const receiver = findReceiver(project, receiverName);
  const entries = integrationEntries(project, receiver);
  if (body.integration !== undefined && !entries[body.integration])
    throw new NotFoundError(`receiver "${receiverName}" has no integration ${body.integration}`);
  const { sample } = pickSample(project, body.sample, undefined, receiver.name);
  // A test alert now: it started a minute ago (and, resolved, ended now).
  const now = Date.now();
  const alerts: GroupAlert[] = Array.from({ length: body.count }, (_, i) => ({
    labels: body.count > 1 ? { ...sample.labels, instance: `app-${i + 1}:8080` } : sample.labels,
    annotations: sample.annotations,
    startsAt: new Date(now - 60_000).toISOString(),
    endsAt: body.status === "resolved" ? new Date(now).toISOString() : "0001-01-01T00:00:00Z",
    generatorURL: sample.generatorURL,
    status: body.status,
  }));
  const { group } = sampleGroup(project.route, receiver.name, alerts, SAMPLE_EXTERNAL_URL);
  const sendId = newId();
  const deliveries: Delivery[] = [];
  const record = async (
    label: string,
    attempt: number,
    result: AttemptResult,
    secrets: string[],
  ): Promise<void> => {
    const row = await context.db.prisma.notificationDelivery.create({
      data: {
        id: newId(),
        projectId,
        receiver: receiver.name,
        integration: label,
        sendId,
        attempt,
        outcome: result.outcome,
        httpStatus: result.httpStatus,
        latencyMs: result.latencyMs,
        excerpt: mask(result.excerpt, secrets),
      },
    });
    deliveries.push(toDelivery(row));
  };
  const attempts = Math.max(1, options.attempts ?? 3);
  for (const [index, { integration, entry }] of entries.entries()) {
    if (body.integration !== undefined && body.integration !== index) continue;
    const label = integrationLabel(integration);
    const secrets: string[] = [];
    const refuse = (excerpt: string): Promise<void> =>
      record(
        label,
        1,
        { outcome: "refused", retry: false, httpStatus: null, latencyMs: 0, excerpt },
        secrets,
      );
    const rendered = renderIntegration(project, integration, entry, group);
    if (!rendered.ok) {
      await refuse(
        rendered.errors
          .map((e) => `${e.field}: ${e.error}`)
          .join("; ")
          .slice(0, 500),
      );
      continue;
    }
    const target = await resolveTarget(
      context,
      projectId,
      project,
      imported,
      integration,
      rendered.payload.body,
      secrets,
    );
    if ("refused" in target) {
      await refuse(target.refused);
      continue;
    }
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const result = await attemptDelivery(target, options.timeoutMs ?? 5_000);
      await record(label, attempt, result, secrets);
      if (result.outcome !== "failed" || !result.retry || attempt === attempts) break;
      await wait((options.backoffMs ?? 250) * 2 ** (attempt - 1));
    }
  }
  return { sendId, deliveries };
}

/** The receiver's delivery log, newest first. */
export async function listDeliveries(
  context: ServiceContext,
  projectId: string,
  receiverName: string,
  limit = 100,
): Promise<DeliveryList> {
  await getProject(context, projectId);
  const rows = await context.db.prisma.notificationDelivery.findMany({
    where: { projectId, receiver: receiverName },
    orderBy: [{ createdAt: "desc" }, { sendId: "desc" }, { attempt: "desc" }],
    take: limit,
  });
  return { deliveries: rows.map(toDelivery) };
}
