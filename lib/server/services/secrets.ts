import "server-only";
import type { SecretStatus } from "../../api/secrets-schemas";
import type { Db } from "../../db/client";
import { NotFoundError } from "../../db/errors";
import { env } from "../../env";
import { secretUses } from "../../generate/compose/secret-uses";
import { type ExtractedSecret, extractImportedSecrets } from "../../import/alertmanager/imported-secrets";
import { z } from "zod";
import {
  AlertmanagerSettingsSchema,
  defaultAlertmanagerSettings,
  type Project,
  ProjectShapeSchema,
  ReceiverSchema,
} from "../../model";
import { alertingOf, type SectionRef, withSection } from "../../model/sections";
import {
  InvalidSecretKeyError,
  openSecret,
  resolveSecretKey,
  SecretDecryptionError,
  type SecretKey,
  sealSecret,
} from "../../security/secrets";
import type { ServiceContext } from "../context";
import { HttpError } from "../http";
import { readProjectRecord } from "../project-cache";
import { recordAudit } from "./audit";

/**
 * A project's secrets (receiver URLs, routing keys, passwords, tokens): stored encrypted
 * (AES-256-GCM, lib/security/secrets), answered only as "set or not". The one way back to a value
 * is `revealSecretForSending`, for the server's own test sends; no route answers with it.
 */

/** A secret to store, as an import or a save found it. */
export interface SecretValue {
  name: string;
  value: string;
}

// Resolved once per process and key configuration: a generated key file is read once, and tests
// that change OBSFORGE_SECRET_KEY get the key they set.
let cachedKey: { source: string; key: SecretKey } | undefined;

/** The server's key, or a 503 saying how to configure one. */
export function serverSecretKey(): SecretKey {
  const parsed = env();
  const source = JSON.stringify([
    parsed.OBSFORGE_SECRET_KEY,
    parsed.OBSFORGE_SECRET_KEY_FILE,
    parsed.OBSFORGE_DATA_DIR,
  ]);
  if (cachedKey?.source === source) return cachedKey.key;
  try {
    const key = resolveSecretKey(parsed);
    cachedKey = { source, key };
    return key;
  } catch (error) {
    const why = error instanceof InvalidSecretKeyError ? error.message : (error as Error).message;
    throw new HttpError(503, `secrets cannot be stored or read on this server: ${why}`);
  }
}

/** Additional authenticated data: a ciphertext only opens for the project and name it was made for. */
function aad(projectId: string, name: string): string {
  return `obsforge-secret\u0000${projectId}\u0000${name}`;
}

export function actorName(context: ServiceContext): string | null {
  return context.actor.kind === "user" ? context.actor.name : null;
}

/** Writes (or replaces) encrypted values; `db` may be a transaction's client. */
export async function storeSecretValues(
  db: Pick<Db["prisma"], "projectSecret">,
  projectId: string,
  values: readonly SecretValue[],
  updatedBy: string | null,
): Promise<void> {
  if (values.length === 0) return;
  const key = serverSecretKey();
  for (const { name, value } of values) {
    const sealed = sealSecret(key, value, aad(projectId, name));
    const data = {
      ciphertext: new Uint8Array(sealed.ciphertext),
      iv: new Uint8Array(sealed.iv),
      authTag: new Uint8Array(sealed.authTag),
      keyId: sealed.keyId,
      updatedAt: new Date(),
      updatedBy,
    };
    await db.projectSecret.upsert({
      where: { projectId_name: { projectId, name } },
      create: { projectId, name, ...data },
      update: data,
    });
  }
}

/** The stored project (through the shared cache); NotFoundError when there is none. */
async function getProject(context: ServiceContext, id: string): Promise<{ project: Project }> {
  const record = await readProjectRecord(context.db, id);
  if (!record) throw new NotFoundError(`no project "${id}"`);
  return record;
}

/**
 * A whole project as sent (import, restore, create) with the literal secrets an import kept taken
 * out (lib/import/alertmanager/imported-secrets.ts), and their values. A document that does not
 * parse is handed back as it is, for the save to refuse with every problem.
 */
export function separateProjectSecrets(raw: unknown): { project: unknown; secrets: ExtractedSecret[] } {
  const parsed = ProjectShapeSchema.safeParse(raw);
  if (!parsed.success) return { project: raw, secrets: [] };
  const { section, secrets } = extractImportedSecrets(alertingOf(parsed.data));
  if (secrets.length === 0) return { project: raw, secrets };
  return { project: withSection(parsed.data, { kind: "alerting" }, section), secrets };
}

const RawAlertingSchema = z.looseObject({
  receivers: z.array(ReceiverSchema).default([]),
  alertmanager: AlertmanagerSettingsSchema.optional(),
});

/**
 * An alerting section as sent (or stored) with its literal secrets taken out. Only `receivers` and
 * `alertmanager` are replaced; every other field stays as sent, for the save to check. Content
 * that does not parse is handed back as it is.
 */
export function separateAlertingSecrets(raw: unknown): { content: unknown; secrets: ExtractedSecret[] } {
  const parsed = RawAlertingSchema.safeParse(raw);
  if (!parsed.success) return { content: raw, secrets: [] };
  const { section, secrets } = extractImportedSecrets({
    receivers: parsed.data.receivers,
    alertmanager: parsed.data.alertmanager ?? defaultAlertmanagerSettings(),
    route: { matchers: [], continue: false, routes: [] },
    inhibitRules: [],
  });
  if (secrets.length === 0) return { content: raw, secrets };
  const content: Record<string, unknown> = {
    ...(raw as Record<string, unknown>),
    receivers: section.receivers,
  };
  if (parsed.data.alertmanager) content.alertmanager = section.alertmanager;
  return { content, secrets };
}

/** A section as sent with its literal secrets taken out (only the alerting section holds any). */
export function separateSectionSecrets(
  ref: SectionRef,
  raw: unknown,
): { content: unknown; secrets: ExtractedSecret[] } {
  return ref.kind === "alerting" ? separateAlertingSecrets(raw) : { content: raw, secrets: [] };
}

/** Where the project reads each secret, by name. */
function usesByName(project: Project): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  for (const use of secretUses(project))
    uses.set(use.secret, [...(uses.get(use.secret) ?? []), use.description]);
  return uses;
}

interface StoredStatus {
  name: string;
  updatedAt: Date;
  updatedBy: string | null;
}

function statusOf(name: string, stored: StoredStatus | undefined, usedBy: string[]): SecretStatus {
  return {
    name,
    set: stored !== undefined,
    updatedAt: stored ? stored.updatedAt.toISOString() : null,
    updatedBy: stored?.updatedBy ?? null,
    usedBy,
  };
}

const STATUS_COLUMNS = { name: true, updatedAt: true, updatedBy: true } as const;

/** Every secret the project names or has a value for, sorted by name; never a value. */
export async function listSecrets(context: ServiceContext, projectId: string): Promise<SecretStatus[]> {
  const { project } = await getProject(context, projectId);
  const stored = await context.db.prisma.projectSecret.findMany({
    where: { projectId },
    select: STATUS_COLUMNS,
  });
  const byName = new Map(stored.map((row) => [row.name, row]));
  const uses = usesByName(project);
  const names = [...new Set([...uses.keys(), ...byName.keys()])].sort();
  return names.map((name) => statusOf(name, byName.get(name), uses.get(name) ?? []));
}

async function statusAfterChange(
  context: ServiceContext,
  projectId: string,
  name: string,
): Promise<SecretStatus> {
  const { project } = await getProject(context, projectId);
  const stored = await context.db.prisma.projectSecret.findUnique({
    where: { projectId_name: { projectId, name } },
    select: STATUS_COLUMNS,
  });
  return statusOf(name, stored ?? undefined, usesByName(project).get(name) ?? []);
}

/** Stores a value for `name` (the project need not reference it yet: a form sets it before saving). */
export async function setSecret(
  context: ServiceContext,
  projectId: string,
  name: string,
  value: string,
): Promise<SecretStatus> {
  await getProject(context, projectId);
  await storeSecretValues(context.db.prisma, projectId, [{ name, value }], actorName(context));
  await recordAudit(context, { action: "secret.set", target: name, projectId });
  return statusAfterChange(context, projectId, name);
}

/** Forgets the value of `name`; clearing one that is not set is not an error. */
export async function clearSecret(
  context: ServiceContext,
  projectId: string,
  name: string,
): Promise<SecretStatus> {
  await getProject(context, projectId);
  const { count } = await context.db.prisma.projectSecret.deleteMany({ where: { projectId, name } });
  if (count > 0) await recordAudit(context, { action: "secret.clear", target: name, projectId });
  return statusAfterChange(context, projectId, name);
}

/**
 * A secret's value, for the server's own use (a test send posts to the real Slack URL): never put
 * it in a response, a log line or an error message. Undefined when the project has no value for it.
 * Throws NotFoundError for a project that does not exist, HttpError 409 when the value was stored
 * under another key (OBSFORGE_SECRET_KEY changed) or altered.
 */
export async function revealSecretForSending(
  context: ServiceContext,
  projectId: string,
  name: string,
): Promise<string | undefined> {
  const row = await context.db.prisma.projectSecret.findUnique({
    where: { projectId_name: { projectId, name } },
  });
  if (!row) {
    if (!(await context.db.prisma.project.findUnique({ where: { id: projectId }, select: { id: true } })))
      throw new NotFoundError(`no project "${projectId}"`);
    return undefined;
  }
  try {
    return openSecret(serverSecretKey(), row, aad(projectId, name));
  } catch (error) {
    if (error instanceof SecretDecryptionError) throw new HttpError(409, `secret ${name}: ${error.message}`);
    throw error;
  }
}
