import "server-only";
import { randomUUID } from "node:crypto";
import { APIError } from "better-auth/api";
import type { Db } from "../db/client";

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

/** Before an account is stored: the first is the administrator; the others need an invitation. */
export async function admitNewAccount(db: Db, email: string): Promise<{ isAdmin: boolean }> {
  if (!(await anyAccountExists(db))) return { isAdmin: true };
  const invitation = await db.prisma.invitation.findFirst({
    where: {
      email: { equals: email, mode: "insensitive" },
      status: "pending",
      expiresAt: { gt: new Date() },
    },
    select: { id: true },
  });
  if (!invitation) throw APIError.fromStatus("FORBIDDEN", { message: INVITATION_ONLY_MESSAGE });
  return { isAdmin: false };
}

/** After the administrator's account is stored: their team, owning every project without one. */
export async function createFirstTeam(db: Db, user: { id: string; name: string }): Promise<string> {
  const teamId = randomUUID();
  await db.prisma.$transaction([
    db.prisma.organization.create({
      data: { id: teamId, name: "Default team", slug: `team-${teamId.slice(0, 8)}`, createdAt: new Date() },
    }),
    db.prisma.member.create({
      data: {
        id: randomUUID(),
        organizationId: teamId,
        userId: user.id,
        role: "owner",
        createdAt: new Date(),
      },
    }),
    db.prisma.project.updateMany({ where: { teamId: null }, data: { teamId } }),
  ]);
  return teamId;
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
