import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { freshDataDir } from "@/lib/testing/route-calls";
import { cookieHeader } from "@/lib/testing/test-user";

/**
 * Accounts through Better Auth's routes as the browser calls them: the first account of a fresh
 * install is the administrator and owns the first team (which takes the projects stored before);
 * later sign-ups need an invitation; the session cookie signs API calls in; signing out ends it.
 */

const dataDir = freshDataDir("obsforge-accounts");
const auth = await import("./[...all]/route");
const projects = await import("../projects/route");

const ORIGIN = "http://localhost";

function authCall(path: string, body?: unknown, cookie?: string): Promise<Response> {
  const headers = new Headers({ origin: ORIGIN });
  if (cookie) headers.set("cookie", cookie);
  if (body === undefined) return auth.GET(new Request(`${ORIGIN}/api/auth${path}`, { headers }));
  headers.set("content-type", "application/json");
  return auth.POST(
    new Request(`${ORIGIN}/api/auth${path}`, { method: "POST", headers, body: JSON.stringify(body) }),
  );
}

function listProjects(cookie: string): Promise<Response> {
  return projects.GET(new Request(`${ORIGIN}/api/projects`, { headers: { cookie } }), {
    params: Promise.resolve({}),
  });
}

// Opening and migrating a fresh database takes long on a busy machine: not part of the first test.
beforeAll(async () => {
  await getDb();
});

afterAll(async () => {
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("accounts", () => {
  let adminCookie = "";

  it("makes the first account the administrator, owner of a team that takes the existing projects", async () => {
    const db = await getDb();
    await db.prisma.project.create({ data: { id: "p-before", name: "Before accounts", slug: "before" } });
    const response = await authCall("/sign-up/email", {
      email: "admin@example.com",
      password: "a long password",
      name: "Ada Admin",
    });
    expect(response.status).toBe(200);
    adminCookie = cookieHeader(response);
    expect(adminCookie).toMatch(/session_token=/);
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
    expect(user.isAdmin).toBe(true);
    const member = await db.prisma.member.findFirstOrThrow({ where: { userId: user.id } });
    expect(member.role).toBe("owner");
    const project = await db.prisma.project.findUniqueOrThrow({ where: { id: "p-before" } });
    expect(project.teamId).toBe(member.organizationId);
    // The password is stored hashed by Better Auth, never as typed.
    const account = await db.prisma.account.findFirstOrThrow({ where: { userId: user.id } });
    expect(account.password).not.toContain("a long password");
  });

  it("refuses a second sign-up without an invitation, saying why", async () => {
    const response = await authCall("/sign-up/email", {
      email: "mallory@example.com",
      password: "another long password",
      name: "Mallory",
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toMatch(/invitation/);
    expect(await (await getDb()).prisma.user.count()).toBe(1);
  });

  it("refuses a wrong password with 401 and no cookie", async () => {
    const response = await authCall("/sign-in/email", {
      email: "admin@example.com",
      password: "wrong password!",
    });
    expect(response.status).toBe(401);
    expect(cookieHeader(response)).not.toMatch(/session_token=/);
  });

  it("signs API calls in with the session cookie, and out after sign-out", async () => {
    const session = (await (await authCall("/get-session", undefined, adminCookie)).json()) as {
      user: { name: string };
    };
    expect(session.user.name).toBe("Ada Admin");
    expect((await listProjects(adminCookie)).status).toBe(200);
    expect((await authCall("/sign-out", {}, adminCookie)).status).toBe(200);
    const after = await listProjects(adminCookie);
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ error: expect.stringMatching(/sign in/) });
  });
});
