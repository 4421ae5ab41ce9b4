import "server-only";
import type { Db } from "../db/client";

export interface PendingInvitation {
  id: string;
  email: string;
  role: string;
  teamName: string;
  /** Whether an account with the invited address exists (then it signs in instead of up). */
  accountExists: boolean;
}

/** An invitation that can still be accepted, for the invitation and sign-up pages; null otherwise. */
export async function pendingInvitation(db: Db, id: string): Promise<PendingInvitation | null> {
  const invitation = await db.prisma.invitation.findFirst({
    where: { id, status: "pending", expiresAt: { gt: new Date() } },
    include: { organization: { select: { name: true } } },
  });
  if (!invitation) return null;
  const accounts = await db.prisma.user.count({
    where: { email: { equals: invitation.email, mode: "insensitive" } },
  });
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role ?? "viewer",
    teamName: invitation.organization.name,
    accountExists: accounts > 0,
  };
}

/** A `next=` path to return to after signing in: only a path of this app, never another origin. */
export function safeNextPath(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && /^\/(?![/\\])/.test(value) ? value : "/";
}
