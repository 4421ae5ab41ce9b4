import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authFor } from "@/lib/auth/auth";
import { FIRST_TEAM_SLUG } from "@/lib/auth/first-account";
import { teamHooks } from "@/lib/auth/team-hooks";
import { closeDb, getDb } from "@/lib/db/client";
import { callRoute, freshDataDir, jsonInit, type RouteHandler } from "@/lib/testing/route-calls";
import { teamMemberCookie, testOwnerTeamId } from "@/lib/testing/team-member";
import { TEST_OWNER, testOwnerCookie } from "@/lib/testing/test-user";

/**
 * Teams made by their users (Better Auth's organization plugin, lib/auth/team-hooks.ts) and new
 * projects placed in a chosen team (POST /api/projects `teamId`, lib/server/policy.ts
 * teamForNewProject): only a team where the actor is editor or owner takes one.
 */

const dataDir = freshDataDir("obsforge-teams");
const projects = await import("./projects/route");

let firstTeamId = "";

async function createTeam(cookie: string, name: string, slug: string): Promise<{ id: string; slug: string }> {
  const db = await getDb();
  return authFor(db).api.createOrganization({ headers: new Headers({ cookie }), body: { name, slug } });
}

function createProject(cookie: string, body: Record<string, unknown>): Promise<Response> {
  const init = jsonInit("POST", body);
  return callRoute(projects.POST as RouteHandler, {}, "/api/projects", {
    ...init,
    headers: { ...(init.headers as Record<string, string>), cookie },
  });
}

async function teamOf(projectId: string): Promise<string | null> {
  const db = await getDb();
  return (await db.prisma.project.findUniqueOrThrow({ where: { id: projectId }, select: { teamId: true } }))
    .teamId;
}

beforeAll(async () => {
  await testOwnerCookie();
  firstTeamId = await testOwnerTeamId();
});

afterAll(async () => {
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("creating a team", () => {
  it("makes the creator its owner and writes team.create to the new team's audit log", async () => {
    const owner = await testOwnerCookie();
    const team = await createTeam(owner, "Payments", "payments-audited");
    const db = await getDb();
    const member = await db.prisma.member.findFirstOrThrow({
      where: { organizationId: team.id, user: { email: TEST_OWNER.email } },
    });
    expect(member.role).toBe("owner");
    const events = await db.prisma.auditEvent.findMany({ where: { teamId: team.id, action: "team.create" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ target: "Payments", actorName: TEST_OWNER.name });
    expect(events[0]?.detail).toEqual({ slug: "payments-audited" });
  });

  it("never takes the first team's reserved address", async () => {
    const owner = await testOwnerCookie();
    await expect(createTeam(owner, "Sneaky", FIRST_TEAM_SLUG)).rejects.toThrow();
    const db = await getDb();
    expect(await db.prisma.organization.count({ where: { slug: FIRST_TEAM_SLUG } })).toBe(1);
    expect(await db.prisma.organization.count({ where: { name: "Sneaky" } })).toBe(0);
    // The hook itself refuses it, for when the first team's row is gone (a create or a rename).
    const hooks = teamHooks(db);
    const user = { id: "u", name: "U", email: "u@obsforge.test" } as never;
    await expect(
      hooks.beforeCreateOrganization?.({ organization: { name: "Sneaky", slug: FIRST_TEAM_SLUG }, user }),
    ).rejects.toThrow(/reserved/);
    await expect(
      hooks.beforeUpdateOrganization?.({
        organization: { slug: FIRST_TEAM_SLUG },
        user,
        member: {} as never,
      }),
    ).rejects.toThrow(/reserved/);
    await expect(
      hooks.beforeCreateOrganization?.({ organization: { name: "Fine", slug: "fine-1a2b" }, user }),
    ).resolves.toBeUndefined();
  });
});

describe("POST /api/projects into a chosen team", () => {
  it("puts the project in the team asked for, and without one in the first team where the actor may write", async () => {
    const owner = await testOwnerCookie();
    const team = await createTeam(owner, "Search", "search-chosen");
    const chosen = await createProject(owner, { empty: true, name: "In search", teamId: team.id });
    expect(chosen.status).toBe(201);
    expect(await teamOf(((await chosen.json()) as { id: string }).id)).toBe(team.id);

    const unchosen = await createProject(owner, { template: "basic", name: "Default place" });
    expect(unchosen.status).toBe(201);
    expect(await teamOf(((await unchosen.json()) as { id: string }).id)).toBe(firstTeamId);

    // The projects list names each project's team.
    const listed = (await (await callRoute(projects.GET as RouteHandler, {}, "/api/projects")).json()) as {
      name: string;
      teamName: string | null;
    }[];
    expect(listed.find((one) => one.name === "In search")?.teamName).toBe("Search");
    expect(listed.find((one) => one.name === "Default place")?.teamName).toBe("Default team");
  });

  it("refuses 403 a team where the actor is a viewer, one they are not in, and one that does not exist", async () => {
    const owner = await testOwnerCookie();
    const other = await createTeam(owner, "Billing", "billing-closed");
    const viewer = await teamMemberCookie("viewer-teams@obsforge.test", "viewer", firstTeamId);
    const editor = await teamMemberCookie("editor-teams@obsforge.test", "editor", firstTeamId);
    const db = await getDb();
    const before = await db.prisma.project.count();

    const cases: [string, string, string][] = [
      ["viewer in the team", viewer, firstTeamId],
      ["editor of another team", editor, other.id],
      ["unknown team", editor, "no-such-team"],
    ];
    for (const [what, cookie, teamId] of cases) {
      const response = await createProject(cookie, { empty: true, name: `Refused ${what}`, teamId });
      expect(response.status, what).toBe(403);
      const body = (await response.json()) as { error: string };
      expect(body.error, what).toContain("you may not create projects in team");
    }
    expect(await db.prisma.project.count()).toBe(before);

    // The editor may still create in their own team, chosen or not.
    const allowed = await createProject(editor, { empty: true, name: "Editor's", teamId: firstTeamId });
    expect(allowed.status).toBe(201);
  });

  it("refuses a teamId that is not a string as a bad body (readJson's 400)", async () => {
    const response = await createProject(await testOwnerCookie(), { empty: true, name: "Bad", teamId: 7 });
    expect(response.status).toBe(400);
  });
});
