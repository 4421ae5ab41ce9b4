import "server-only";
import { randomUUID } from "node:crypto";
import { APIError } from "better-auth/api";
import type { Db } from "../db/client";
import { INVITATION_REQUIRED_CODE } from "./oidc";

/**
 * Who may sign up. The first account of a fresh install becomes the administrator and owner of the
 * first team, which takes every project stored before accounts existed. After that, sign-up is by
 * invitation only: an address with a pending invitation to a team (the invitation page sends
 * invitees to /sign-up?invitation=…). An open sign-up would let anyone who reaches the app make an
 * account; the app's projects hold receivers' credentials and deployable alerting rules.
 */

export const INVITATION_ONLY_MESSAGE =
  "Sign-up is by invitation: ask an owner of a team for an invitation link for this e-mail address";

/** Whether any account exists: decides between /sign-in and /sign-up for a signed-out visitor. */
export async function anyAccountExists(db: Db): Promise<boolean> {
  return (await db.prisma.user.count()) > 0;
}

/**
 * The first team's slug, taken by the first sign-up before its account is stored. The unique slug
 * is what makes "first" race-free: of several sign-ups on a fresh install (in one process or in
 * several on one PostgreSQL), exactly one inserts it; the others find it taken and are held to the
 * invitation rule like any later sign-up.
 */
export const FIRST_TEAM_SLUG = "obsforge-first-team";

/**
 * A claim whose account was never stored (its sign-up failed after claiming) is given up after
 * this long, so a fresh install cannot be locked out for good by one failed first sign-up.
 */
const STALE_CLAIM_MS = 60_000;

/** Claims the first account's team; false when another sign-up holds it. */
async function claimFirstTeam(db: Db, now: Date): Promise<boolean> {
  const claimed = await db.prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO teams (id, name, slug, created_at)
    VALUES (${randomUUID()}, 'Default team', ${FIRST_TEAM_SLUG}, ${now})
    ON CONFLICT (slug) DO NOTHING
    RETURNING id`;
  if (claimed.length > 0) return true;
  // A stale claim is taken over by stamping it anew: one UPDATE of the row, so of two sign-ups
  // taking it over at once the second sees the fresh stamp and does not match.
  const retaken = await db.prisma.$queryRaw<{ id: string }[]>`
    UPDATE teams SET created_at = ${now}
    WHERE slug = ${FIRST_TEAM_SLUG}
      AND created_at < ${new Date(now.getTime() - STALE_CLAIM_MS)}
      AND NOT EXISTS (SELECT 1 FROM team_members WHERE team_members.team_id = teams.id)
    RETURNING id`;
  return retaken.length > 0;
}

/**
 * Before an account is stored (password sign-up or single sign-on alike): the first is the
 * administrator; the others need a pending invitation for their address, or are refused with
 * INVITATION_REQUIRED_CODE (single sign-on lands on the sign-in page, which says why).
 */
export async function admitNewAccount(db: Db, email: string): Promise<{ isAdmin: boolean }> {
  if (!(await anyAccountExists(db)) && (await claimFirstTeam(db, new Date()))) return { isAdmin: true };
  const invitation = await db.prisma.invitation.findFirst({
    where: {
      email: { equals: email, mode: "insensitive" },
      status: "pending",
      expiresAt: { gt: new Date() },
    },
    select: { id: true },
  });
  if (!invitation)
    throw APIError.fromStatus("FORBIDDEN", {
      message: INVITATION_ONLY_MESSAGE,
      code: INVITATION_REQUIRED_CODE,
    });
  return { isAdmin: false };
}

/**
 * The administrator becomes owner of the team their sign-up claimed, which takes every project
 * without a team (those stored before accounts existed). Called after their account is stored and
 * again when their first session is made, whichever comes first (a password sign-up makes the
 * session inside its transaction, before the account's after-hooks run); the second call finds
 * the membership made.
 */
export async function createFirstTeam(db: Db, user: { id: string }): Promise<string> {
  const team = await db.prisma.organization.findUniqueOrThrow({
    where: { slug: FIRST_TEAM_SLUG },
    select: { id: true },
  });
  const member = await db.prisma.member.findFirst({
    where: { organizationId: team.id, userId: user.id },
    select: { id: true },
  });
  if (member) return team.id;
  await db.prisma.$transaction([
    db.prisma.member.create({
      data: {
        id: randomUUID(),
        organizationId: team.id,
        userId: user.id,
        role: "owner",
        createdAt: new Date(),
      },
    }),
    db.prisma.project.updateMany({ where: { teamId: null }, data: { teamId: team.id } }),
  ]);
  return team.id;
}

/** The team a new session starts in: the member's oldest; the administrator's first session, their new team. */
export async function teamForNewSession(db: Db, userId: string): Promise<string | null> {
  const team = await firstTeamOf(db, userId);
  if (team) return team;
  const user = await db.prisma.user.findUnique({ where: { id: userId }, select: { isAdmin: true } });
  return user?.isAdmin ? createFirstTeam(db, { id: userId }) : null;
}

/** The team a new session starts in: the member's oldest team, if any. */
export async function firstTeamOf(db: Db, userId: string): Promise<string | null> {
  const member = await db.prisma.member.findFirst({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { organizationId: true },
  });
  return member?.organizationId ?? null;
}
