import type { TeamRole } from "@/lib/auth/access";
import { authFor } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";
import { signInCookie, TEST_OWNER, testOwnerCookie } from "./test-user";

/**
 * A member of a team with a role, for route tests: invited by the test owner (who must be an
 * owner of `teamId`), signed up and accepted through Better Auth's own API. Returns the member's
 * session Cookie header.
 */
export async function teamMemberCookie(email: string, role: TeamRole, teamId: string): Promise<string> {
  const db = await getDb();
  const auth = authFor(db);
  const invitation = await auth.api.createInvitation({
    headers: new Headers({ cookie: await testOwnerCookie() }),
    body: { email, role, organizationId: teamId },
  });
  const cookie = await signInCookie(db, { email, password: `password of ${email}`, name: email });
  await auth.api.acceptInvitation({
    headers: new Headers({ cookie }),
    body: { invitationId: invitation.id },
  });
  return cookie;
}

/** The id of the test owner's first team. */
export async function testOwnerTeamId(): Promise<string> {
  await testOwnerCookie();
  const db = await getDb();
  const member = await db.prisma.member.findFirstOrThrow({
    where: { user: { email: TEST_OWNER.email } },
    orderBy: { createdAt: "asc" },
    select: { organizationId: true },
  });
  return member.organizationId;
}
