import "server-only";
import {
  type CreatedShareLink,
  type CreateShareLinkBody,
  CreateShareLinkBodySchema,
  type ShareLink,
  ShareTokenSchema,
} from "../../api/share-links-schemas";
import { SHARE_GONE_PAGE } from "../../auth/page-path";
import type { Db } from "../../db/client";
import { NotFoundError } from "../../db/errors";
import { newId } from "../../db/ids";
import { expiryAfterDays, randomToken, tokenHash } from "../../security/random-token";
import type { Actor, ServiceContext } from "../context";
import { recordAudit } from "./audit";
import { actorName } from "./secrets";

/**
 * Read-only share links of a project: whoever holds the URL sees the project (dashboards with live
 * panels, alert rules, the bundle) without an account, until an owner revokes it or it expires.
 * The URL carries a 256-bit random token; only its SHA-256 is stored (lib/security/random-token.ts
 * says why no slow password hash is needed). A link is looked up
 * on every request that carries it, so a revocation takes effect at once.
 */

type ShareLinkRow = {
  id: string;
  label: string | null;
  createdByName: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

function isActive(row: Pick<ShareLinkRow, "expiresAt" | "revokedAt">, now: Date): boolean {
  return row.revokedAt === null && (row.expiresAt === null || row.expiresAt > now);
}

function toShareLink(row: ShareLinkRow, now = new Date()): ShareLink {
  return {
    id: row.id,
    label: row.label,
    createdBy: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    active: isActive(row, now),
  };
}

/** The page a link opens: the only place its token is ever answered. */
export function sharePath(token: string): string {
  return `/share/${token}`;
}

/** Makes a link; its path (with the token) is answered this once and never stored. */
export async function createShareLink(
  context: ServiceContext,
  projectId: string,
  body: CreateShareLinkBody,
): Promise<CreatedShareLink> {
  const input = CreateShareLinkBodySchema.parse(body);
  const project = await context.db.prisma.project.findUnique({
    where: { id: projectId },
    select: { name: true },
  });
  if (!project) throw new NotFoundError(`no project "${projectId}"`);
  const token = randomToken();
  const now = new Date();
  const row = await context.db.prisma.shareLink.create({
    data: {
      id: newId(),
      projectId,
      tokenHash: tokenHash(token),
      label: input.label ?? null,
      createdById: context.actor.kind === "user" ? context.actor.id : null,
      createdByName: actorName(context),
      createdAt: now,
      expiresAt: expiryAfterDays(now, input.expiresInDays),
    },
  });
  await recordAudit(context, {
    action: "share-link.create",
    target: input.label ? `share link "${input.label}" of ${project.name}` : `share link of ${project.name}`,
    projectId,
    detail: { linkId: row.id, expiresAt: row.expiresAt?.toISOString() ?? null },
  });
  return { link: toShareLink(row, now), path: sharePath(token) };
}

/** The project's links, newest first: revoked ones too (owners see what was shared), never a token. */
export async function listShareLinks(context: ServiceContext, projectId: string): Promise<ShareLink[]> {
  const rows = await context.db.prisma.shareLink.findMany({
    where: { projectId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const now = new Date();
  return rows.map((row) => toShareLink(row, now));
}

/** Stops a link working, from its next request on. Revoking a revoked link changes nothing. */
export async function revokeShareLink(
  context: ServiceContext,
  projectId: string,
  linkId: string,
): Promise<ShareLink> {
  const row = await context.db.prisma.shareLink.findFirst({ where: { id: linkId, projectId } });
  if (!row) throw new NotFoundError(`no share link "${linkId}" in project "${projectId}"`);
  if (row.revokedAt !== null) return toShareLink(row);
  const revoked = await context.db.prisma.shareLink.update({
    where: { id: linkId },
    data: { revokedAt: new Date() },
  });
  await recordAudit(context, {
    action: "share-link.revoke",
    target: row.label ? `share link "${row.label}"` : "share link",
    projectId,
    detail: { linkId },
  });
  return toShareLink(revoked);
}

/** Whether `path` is a share link's page (`/share/<token>…`) whose link does not open. */
export async function isDeadSharePage(db: Db, path: string): Promise<boolean> {
  const token = /^\/share\/([^/?]+)/.exec(path)?.[1];
  if (token === undefined || `/share/${token}` === SHARE_GONE_PAGE) return false;
  return (await shareActor(db, token)) === undefined;
}

/** The actor a share token stands for, or undefined when it is malformed, unknown, revoked or expired. */
export async function shareActor(
  db: Db,
  token: string,
): Promise<Extract<Actor, { kind: "share" }> | undefined> {
  if (!ShareTokenSchema.safeParse(token).success) return undefined;
  const row = await db.prisma.shareLink.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: { id: true, projectId: true, expiresAt: true, revokedAt: true },
  });
  if (!row || !isActive(row, new Date())) return undefined;
  return { kind: "share", projectId: row.projectId, linkId: row.id };
}
