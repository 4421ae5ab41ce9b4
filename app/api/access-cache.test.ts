import { rmSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { ACCESS_CACHE_MS, ExpiringCache, setAccessCacheClock } from "@/lib/server/access-cache";
import { callRoute, freshDataDir, postJson, type RouteHandler } from "@/lib/testing/route-calls";
import { teamMemberCookie, testOwnerTeamId } from "@/lib/testing/team-member";
import { signInCookie, TEST_OWNER, testOwnerCookie } from "@/lib/testing/test-user";

/**
 * Sessions and project roles are kept per process for ACCESS_CACHE_MS (lib/server/access-cache.ts),
 * so a revocation made elsewhere (another app process: here, straight in the database) takes effect
 * within that time and not later. The clock is the test's: nothing here waits.
 */

const dataDir = freshDataDir("obsforge-access-cache");
const projects = await import("./projects/route");
const project = await import("./projects/[id]/route");

let now = 0;
let previousClock: () => number = () => 0;
let projectId = "";
let teamId = "";

function getProject(cookie: string): Promise<Response> {
  return callRoute(project.GET as RouteHandler, { id: projectId }, `/api/projects/${projectId}`, {
    headers: { cookie },
  });
}

function memberCookie(email: string, role: "editor" | "viewer"): Promise<string> {
  return teamMemberCookie(email, role, teamId);
}

beforeAll(async () => {
  await testOwnerCookie();
  const created = (await (
    await postJson(projects.POST as RouteHandler, {}, "/api/projects", { template: "basic", name: "Cached" })
  ).json()) as { id: string };
  projectId = created.id;
  teamId = await testOwnerTeamId();
  previousClock = setAccessCacheClock(() => now);
});

afterEach(() => {
  now += 10 * ACCESS_CACHE_MS;
});

afterAll(async () => {
  setAccessCacheClock(previousClock);
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("revocation while sessions and roles are cached", () => {
  it("a member removed by another process loses access once ACCESS_CACHE_MS has passed", async () => {
    const cookie = await memberCookie("removed@obsforge.test", "viewer");
    expect((await getProject(cookie)).status).toBe(200);
    const db = await getDb();
    await db.prisma.member.deleteMany({ where: { user: { email: "removed@obsforge.test" } } });
    now += ACCESS_CACHE_MS - 1;
    expect((await getProject(cookie)).status).toBe(200);
    now += 1;
    expect((await getProject(cookie)).status).toBe(404);
  });

  it("an editor made a viewer by another process loses writing once ACCESS_CACHE_MS has passed", async () => {
    const cookie = await memberCookie("demoted@obsforge.test", "editor");
    // An empty body: the editor gets past authorization to the body's check; a viewer does not.
    const write = (): Promise<Response> =>
      callRoute(project.PUT as RouteHandler, { id: projectId }, `/api/projects/${projectId}`, {
        method: "PUT",
        headers: { cookie, "content-type": "application/json", "content-length": "2" },
        body: "{}",
      });
    expect((await write()).status).toBe(400);
    const db = await getDb();
    await db.prisma.member.updateMany({
      where: { user: { email: "demoted@obsforge.test" } },
      data: { role: "viewer" },
    });
    expect((await write()).status).toBe(400);
    now += ACCESS_CACHE_MS;
    expect((await write()).status).toBe(403);
    expect((await getProject(cookie)).status).toBe(200);
  });

  it("a session ended by another process stops signing requests in once ACCESS_CACHE_MS has passed", async () => {
    const db = await getDb();
    const cookie = await signInCookie(db, TEST_OWNER);
    expect((await getProject(cookie)).status).toBe(200);
    const token = /session_token=([^.;]+)/.exec(cookie)?.[1];
    expect(token).toBeTruthy();
    await db.prisma.session.deleteMany({ where: { token } });
    expect((await getProject(cookie)).status).toBe(200);
    now += ACCESS_CACHE_MS;
    expect((await getProject(cookie)).status).toBe(401);
  });
});

describe("ExpiringCache", () => {
  it("shares one lookup between callers within its lifetime, and looks up again after it", async () => {
    let clock = 0;
    let loads = 0;
    const cache = new ExpiringCache<number>(100, () => clock);
    const load = async (): Promise<number> => ++loads;
    expect(await Promise.all([cache.get("k", load), cache.get("k", load)])).toEqual([1, 1]);
    clock = 99;
    expect(await cache.get("k", load)).toBe(1);
    clock = 100;
    expect(await cache.get("k", load)).toBe(2);
  });

  it("keeps no failure: the next caller asks again", async () => {
    const cache = new ExpiringCache<number>(100, () => 0);
    await expect(cache.get("k", () => Promise.reject(new Error("database down")))).rejects.toThrow(
      "database down",
    );
    expect(await cache.get("k", async () => 7)).toBe(7);
  });
});
