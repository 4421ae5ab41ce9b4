import "server-only";
import { z } from "zod";
import { newId } from "../../db/ids";
import type { ServiceContext } from "../context";

/**
 * A team's audit log: who signed in (or failed to), invited whom, changed which role or secret,
 * created or revoked a share link, deleted or restored a project, downloaded a bundle, created or
 * expired a silence. Entries name what they are about as it was (no foreign keys), so deleting a
 * project or removing a member leaves its history readable.
 */

export const AUDIT_ACTIONS = [
  "account.sign-in",
  "account.sign-in-failed",
  "account.sign-up",
  "team.create",
  "team.invite",
  "team.role-change",
  "team.member-remove",
  "secret.set",
  "secret.clear",
  "share-link.create",
  "share-link.revoke",
  "token.create",
  "token.revoke",
  "project.delete",
  "project.restore",
  "bundle.download",
  "silence.create",
  "silence.expire",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEventInput {
  action: AuditAction;
  /** What it happened to, in words: a secret's name, a project's name, a silence's id. */
  target: string;
  projectId?: string;
  /** Defaults to the project's team when a project is named. */
  teamId?: string | null;
  detail?: Record<string, string | number | boolean | null>;
  ipAddress?: string | null;
}

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  teamId: z.string().nullable(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  projectId: z.string().nullable(),
  target: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
  ipAddress: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

let sequence = 0;

/**
 * Ids that sort as the entries were recorded: the time in milliseconds, then a per-process counter
 * (several entries share a millisecond), then random characters (several processes share one).
 */
function auditEventId(now: Date): string {
  sequence = (sequence + 1) % 36 ** 4;
  return `${now.getTime().toString(36).padStart(9, "0")}${sequence.toString(36).padStart(4, "0")}${newId(8)}`;
}

async function teamOfProject(context: ServiceContext, projectId: string): Promise<string | null> {
  const rows = await context.db.prisma.$queryRaw<{ team_id: string | null }[]>`
    SELECT team_id FROM projects WHERE id = ${projectId}`;
  return rows[0]?.team_id ?? null;
}

/** Appends one entry, with the context's actor as who did it. */
export async function recordAudit(context: ServiceContext, event: AuditEventInput): Promise<void> {
  const teamId =
    event.teamId !== undefined
      ? event.teamId
      : event.projectId
        ? await teamOfProject(context, event.projectId)
        : null;
  const actor = context.actor;
  const at = new Date();
  // A share link has no account: the entry names the link, so an owner can tell which one to revoke.
  const detail = actor.kind === "share" ? { ...event.detail, shareLink: actor.linkId } : event.detail;
  await context.db.prisma.auditEvent.create({
    data: {
      id: auditEventId(at),
      at,
      teamId,
      actorId: actor.kind === "user" ? actor.id : null,
      actorName: actor.kind === "user" ? actor.name : null,
      action: event.action,
      projectId: event.projectId ?? null,
      target: event.target,
      ...(detail === undefined ? {} : { detail }),
      ipAddress: event.ipAddress ?? null,
    },
  });
}

export interface AuditQuery {
  teamId: string | null;
  /** Entries recorded before the entry with this id: the next page after it. */
  before?: string;
  limit: number;
}

/** A team's entries, newest first. */
export async function listAudit(context: ServiceContext, query: AuditQuery): Promise<AuditEntry[]> {
  const rows = await context.db.prisma.auditEvent.findMany({
    where: {
      teamId: query.teamId,
      ...(query.before === undefined ? {} : { id: { lt: query.before } }),
    },
    orderBy: { id: "desc" },
    take: query.limit,
  });
  return rows.map((row) =>
    AuditEntrySchema.parse({
      ...row,
      at: row.at.toISOString(),
      detail: row.detail ?? null,
    }),
  );
}
