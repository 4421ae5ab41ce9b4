import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INVITATIONS_PER_TEAM } from "@/lib/auth/team-hooks";
import { closeDb, getDb } from "@/lib/db/client";
import { listAudit } from "@/lib/server/services/audit";
import { freshDataDir } from "@/lib/testing/route-calls";
import { cookieHeader } from "@/lib/testing/test-user";

/**
 * Team management through Better Auth's organization endpoints, as the members page calls them:
 * each invitation, role change and member removal lands in the team's audit log naming who did it
 * to whom, and invitations are limited per team in the database (429 with Retry-After past it).
 */

const dataDir = freshDataDir("obsforge-team-audit");
const auth = await import("./[...all]/route");

const ORIGIN = "http://localhost";

function authCall(path: string, body: unknown, cookie = ""): Promise<Response> {
  return auth.POST(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: "POST",
      headers: {
        origin: ORIGIN,
        cookie,
        "content-type": "application/json",
        "x-forwarded-for": "203.0.113.7",
      },
      body: JSON.stringify(body),
    }),
  );
}

async function signUp(email: string, name: string): Promise<string> {
  const response = await authCall("/sign-up/email", { email, name, password: "a long password" });
  expect(response.status).toBe(200);
  return cookieHeader(response);
}

beforeAll(async () => {
  await getDb();
});

afterAll(async () => {
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("team management", () => {
  it("writes invitations, role changes and removals to the team's audit log", async () => {
    const owner = await signUp("olga@example.com", "Olga Owner");
    const invited = await authCall(
      "/organization/invite-member",
      { email: "ed@example.com", role: "viewer" },
      owner,
    );
    expect(invited.status).toBe(200);
    const invitation = (await invited.json()) as { id: string; organizationId: string };
    const ed = await signUp("ed@example.com", "Ed Editor");
    expect(
      (await authCall("/organization/accept-invitation", { invitationId: invitation.id }, ed)).status,
    ).toBe(200);
    const db = await getDb();
    const member = await db.prisma.member.findFirstOrThrow({ where: { user: { email: "ed@example.com" } } });
    expect(
      (await authCall("/organization/update-member-role", { memberId: member.id, role: "editor" }, owner))
        .status,
    ).toBe(200);
    expect(
      (await authCall("/organization/remove-member", { memberIdOrEmail: "ed@example.com" }, owner)).status,
    ).toBe(200);

    const olga = await db.prisma.user.findUniqueOrThrow({ where: { email: "olga@example.com" } });
    const entries = await listAudit(
      { actor: { kind: "user", id: olga.id, name: olga.name }, db },
      { teamId: invitation.organizationId, limit: 100 },
    );
    const team = entries
      .filter((entry) => entry.action.startsWith("team."))
      .reverse()
      .map(({ action, actorName, target, detail, ipAddress }) => ({
        action,
        actorName,
        target,
        detail,
        ipAddress,
      }));
    expect(team).toEqual([
      {
        action: "team.invite",
        actorName: "Olga Owner",
        target: "ed@example.com",
        detail: { role: "viewer", invitationId: invitation.id },
        ipAddress: "203.0.113.7",
      },
      {
        action: "team.role-change",
        actorName: "Olga Owner",
        target: "ed@example.com",
        detail: { from: "viewer", to: "editor" },
        ipAddress: "203.0.113.7",
      },
      {
        action: "team.member-remove",
        actorName: "Olga Owner",
        target: "ed@example.com",
        detail: { role: "editor" },
        ipAddress: "203.0.113.7",
      },
    ]);
  });

  it(`limits invitations to ${INVITATIONS_PER_TEAM.limit} per team per hour: 429 with Retry-After past it`, async () => {
    const db = await getDb();
    const owner = cookieHeader(
      await authCall("/sign-in/email", { email: "olga@example.com", password: "a long password" }),
    );
    // One invitation of this hour's allowance went to Ed above (unless the hour turned since).
    const used = await db.prisma.rateLimit.findMany({ where: { key: { startsWith: "invite:team:" } } });
    const left = INVITATIONS_PER_TEAM.limit - (used[0]?.count ?? 0);
    for (let n = 0; n < left; n++) {
      const response = await authCall(
        "/organization/invite-member",
        { email: `guest${n}@example.com`, role: "viewer" },
        owner,
      );
      expect(response.status).toBe(200);
    }
    const refused = await authCall(
      "/organization/invite-member",
      { email: "one-too-many@example.com", role: "viewer" },
      owner,
    );
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: string }).error).toMatch(/too many invitations for this team/);
    expect(await db.prisma.invitation.count({ where: { email: "one-too-many@example.com" } })).toBe(0);
  });
});
