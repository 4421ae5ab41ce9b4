import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../db/client";
import { createTestDatabase, type TestDatabase } from "../db/testing";
import { authFor } from "./auth";
import { INVITATION_REQUIRED_CODE } from "./oidc";

/**
 * "The first account is the administrator" under races: sign-ups arriving at once on a fresh
 * install, through two app processes on one PostgreSQL (two database clients, each with its own
 * Better Auth, as behind a load balancer). Exactly one becomes administrator and owner of the first
 * team; every other one is refused as an uninvited sign-up, and no second team appears.
 */

let database: TestDatabase;
let processes: Db[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const first = await createDb({ driver: "postgres", url: database.url });
  // The second opens an already migrated database.
  processes = [first, await createDb({ driver: "postgres", url: database.url })];
}, 120_000);

afterAll(async () => {
  await Promise.all(processes.map((db) => db.close()));
  await database?.drop();
});

async function signUp(db: Db, n: number): Promise<{ status: number; code?: string }> {
  const response = await authFor(db).api.signUpEmail({
    body: { email: `racer${n}@example.com`, password: "a long password", name: `Racer ${n}` },
    asResponse: true,
  });
  const body = (await response.json()) as { code?: string };
  return { status: response.status, ...(body.code ? { code: body.code } : {}) };
}

describe("the first account on a fresh install", () => {
  it("is one administrator however many sign up at once, through two app processes", async () => {
    const [one, two] = processes as [Db, Db];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, n) => signUp(n % 2 === 0 ? one : two, n)),
    );
    expect(results.filter((result) => result.status === 200)).toHaveLength(1);
    expect(results.filter((result) => result.status !== 200)).toEqual(
      Array(11).fill({ status: 403, code: INVITATION_REQUIRED_CODE }),
    );
    const users = await one.prisma.user.findMany({ include: { members: true } });
    expect(users).toHaveLength(1);
    expect(users[0]?.isAdmin).toBe(true);
    expect(users[0]?.members.map((member) => member.role)).toEqual(["owner"]);
    expect(await one.prisma.organization.count()).toBe(1);
  });

  it("is still possible after a first sign-up that claimed the install and then failed", async () => {
    const db = processes[0] as Db;
    await db.prisma.member.deleteMany();
    await db.prisma.session.deleteMany();
    await db.prisma.account.deleteMany();
    await db.prisma.user.deleteMany();
    // What a claim whose account was never stored leaves: the first team, without members, a while ago.
    // (Here it even holds a project, as when every account of an install was deleted.)
    await db.prisma.organization.updateMany({ data: { createdAt: new Date(Date.now() - 3600_000) } });
    const team = await db.prisma.organization.findFirstOrThrow();
    await db.prisma.project.create({ data: { id: "p-kept", name: "Kept", slug: "kept", teamId: team.id } });
    expect(await signUp(db, 100)).toEqual({ status: 200 });
    const user = await db.prisma.user.findUniqueOrThrow({
      where: { email: "racer100@example.com" },
      include: { members: true },
    });
    expect(user.isAdmin).toBe(true);
    expect(user.members.map((member) => [member.organizationId, member.role])).toEqual([[team.id, "owner"]]);
    expect(await db.prisma.organization.count()).toBe(1);
  });
});
