import "server-only";
import {
  API_TOKEN_PREFIX,
  type ApiToken,
  ApiTokenValueSchema,
  CreateApiTokenBodySchema,
  type CreatedApiToken,
} from "../../api/api-tokens-schemas";
import type { Db } from "../../db/client";
import { NotFoundError } from "../../db/errors";
import { newId } from "../../db/ids";
import { expiryAfterDays, randomToken, tokenHash } from "../../security/random-token";
import type { Actor, ServiceContext } from "../context";
import { HttpError } from "../http";
import { memberships } from "../policy";
import { recordAudit } from "./audit";

/**
 * Personal API tokens: the CLI and scripts send `Authorization: Bearer obf_…` and act as the
 * token's user, with that user's roles in their teams (lib/server/policy.ts reads the same actor).
 * A token is 256 random bits; only its SHA-256 is stored (lib/security/random-token.ts says why a
 * fast hash is right for it), so a leaked table opens nothing. Its value is answered once, when it
 * is made. A token is looked up on every request that carries it, so a revocation or an expiry
 * takes effect at once in every app process.
 */

/** How many characters of a token lists show: the prefix and 6 more, enough to tell tokens apart. */
const SHOWN_CHARACTERS = API_TOKEN_PREFIX.length + 6;

/** A token's last use is written at most this often: a script's every request would otherwise write. */
export const LAST_USED_RESOLUTION_MS = 60_000;

type ApiTokenRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

function isExpired(row: Pick<ApiTokenRow, "expiresAt">, now: Date): boolean {
  return row.expiresAt !== null && row.expiresAt <= now;
}

function toApiToken(row: ApiTokenRow, now = new Date()): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    expired: isExpired(row, now),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/**
 * The signed-in user managing their tokens. Tokens are made, listed and revoked from a session
 * only, never with a token: a stolen token could otherwise mint itself successors that outlive
 * its revocation, or revoke its owner's other tokens.
 */
function sessionUser(context: ServiceContext): { id: string; name: string } {
  const actor = context.actor;
  if (actor.kind !== "user") throw new HttpError(401, "sign in first");
  if (actor.tokenId !== undefined) {
    throw new HttpError(
      403,
      "API tokens are managed from a signed-in session (the Account page), not with an API token",
    );
  }
  return actor;
}

/** Records a token event in the audit log of each of the user's teams: the token acts in all of them. */
async function auditTokenEvent(
  context: ServiceContext,
  action: "token.create" | "token.revoke",
  row: ApiTokenRow,
): Promise<void> {
  const teams = await memberships(context);
  const detail = { tokenId: row.id, prefix: row.prefix, expiresAt: row.expiresAt?.toISOString() ?? null };
  const target = `API token "${row.name}"`;
  for (const teamId of teams.length === 0 ? [null] : teams.map((team) => team.teamId)) {
    await recordAudit(context, { action, target, teamId, detail });
  }
}

/**
 * Makes a token for the signed-in user; its value is answered this once and never stored. `body`
 * (a CreateApiTokenBody) is checked after the caller, so a token's call is refused whatever it sends.
 */
export async function createToken(context: ServiceContext, body: unknown): Promise<CreatedApiToken> {
  const user = sessionUser(context);
  const input = CreateApiTokenBodySchema.parse(body);
  const value = `${API_TOKEN_PREFIX}${randomToken()}`;
  const now = new Date();
  const row = await context.db.prisma.apiToken.create({
    data: {
      id: newId(),
      userId: user.id,
      name: input.name,
      tokenHash: tokenHash(value),
      prefix: value.slice(0, SHOWN_CHARACTERS),
      createdAt: now,
      expiresAt: expiryAfterDays(now, input.expiresInDays),
    },
  });
  await auditTokenEvent(context, "token.create", row);
  return { token: toApiToken(row, now), value };
}

/** The signed-in user's tokens not revoked (expired ones too, marked), newest first; never a value or hash. */
export async function listTokens(context: ServiceContext): Promise<ApiToken[]> {
  const user = sessionUser(context);
  const rows = await context.db.prisma.apiToken.findMany({
    where: { userId: user.id, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
    },
  });
  const now = new Date();
  return rows.map((row) => toApiToken(row, now));
}

/**
 * Stops one of the signed-in user's tokens working, from its next request on. Another user's
 * token, or one already revoked, is answered 404 like one that does not exist: whether it exists
 * is not revealed.
 */
export async function revokeToken(context: ServiceContext, tokenId: string): Promise<ApiToken> {
  const user = sessionUser(context);
  const row = await context.db.prisma.apiToken.findFirst({
    where: { id: tokenId, userId: user.id, revokedAt: null },
  });
  if (!row) throw new NotFoundError(`no API token "${tokenId}"`);
  const revoked = await context.db.prisma.apiToken.update({
    where: { id: row.id },
    data: { revokedAt: new Date() },
  });
  await auditTokenEvent(context, "token.revoke", revoked);
  return toApiToken(revoked);
}

/**
 * The actor a request's API token stands for: its user, marked as acting through the token.
 * A token that is malformed, unknown, revoked or expired is answered 401 naming which, so a
 * script's author knows to make a new one. Its last use is recorded at most once a minute.
 */
export async function tokenActor(
  db: Db,
  value: string,
  now = new Date(),
): Promise<Extract<Actor, { kind: "user" }>> {
  const unknown = new HttpError(401, "the API token is unknown: make one on the Account page");
  if (!ApiTokenValueSchema.safeParse(value).success) throw unknown;
  const row = await db.prisma.apiToken.findUnique({
    where: { tokenHash: tokenHash(value) },
    select: {
      id: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { id: true, name: true } },
    },
  });
  if (!row) throw unknown;
  if (row.revokedAt !== null)
    throw new HttpError(401, "the API token is revoked: make a new one on the Account page");
  if (row.expiresAt !== null && isExpired(row, now)) {
    throw new HttpError(
      401,
      `the API token is expired (since ${row.expiresAt.toISOString()}): make a new one on the Account page`,
    );
  }
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (row.lastUsedAt === null || row.lastUsedAt <= stale) {
    // Conditional, so concurrent requests (or app processes) write it once per minute between them.
    await db.prisma.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return { kind: "user", id: row.user.id, name: row.user.name, tokenId: row.id };
}
