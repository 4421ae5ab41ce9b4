import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { listAudit } from "@/lib/server/services/audit";
import { freshDataDir } from "@/lib/testing/route-calls";

/**
 * Sign-in attempts through the account route: limited per account in the database (a correct
 * sign-in forgets the failures), answered 429 with Retry-After past the limit, and written to the
 * audit log of the account's team (sign-up, sign-in, failed sign-in, from which address).
 */

const dataDir = freshDataDir("obsforge-sign-in-guard");
const auth = await import("./[...all]/route");

const ORIGIN = "http://localhost";
let attempt = 0;

function post(path: string, body: unknown): Promise<Response> {
  // A new client address each time: Better Auth's own per-address limit stays out of the way, so
  // what is seen is the per-account limit kept in the database.
  attempt++;
  return auth.POST(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: "POST",
      headers: {
        origin: ORIGIN,
        "content-type": "application/json",
        "x-forwarded-for": `198.51.100.${attempt}`,
      },
      body: JSON.stringify(body),
    }),
  );
}

const ADMIN = { email: "ada@example.com", password: "a long password", name: "Ada Admin" };
const signIn = (password: string): Promise<Response> =>
  post("/sign-in/email", { email: ADMIN.email, password });

beforeAll(async () => {
  await getDb();
});

afterAll(async () => {
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("sign-in attempts", () => {
  it("are limited per account, forgotten on a correct sign-in, and logged for the team's owners", async () => {
    expect((await post("/sign-up/email", ADMIN)).status).toBe(200);
    for (let n = 0; n < 3; n++) expect((await signIn("wrong password!")).status).toBe(401);
    expect((await signIn(ADMIN.password)).status).toBe(200);
    // The failures before the correct sign-in no longer count: ten more are let through.
    for (let n = 0; n < 10; n++) expect((await signIn("wrong password!")).status).toBe(401);
    const limited = await signIn(ADMIN.password);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: string }).error).toMatch(/too many sign-in attempts/);

    const db = await getDb();
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: ADMIN.email } });
    const team = await db.prisma.member.findFirstOrThrow({ where: { userId: user.id } });
    const entries = await listAudit(
      { actor: { kind: "user", id: user.id, name: user.name }, db },
      { teamId: team.organizationId, limit: 100 },
    );
    const actions = entries.map((entry) => entry.action).reverse();
    expect(actions).toEqual([
      "account.sign-up",
      ...Array(3).fill("account.sign-in-failed"),
      "account.sign-in",
      ...Array(10).fill("account.sign-in-failed"),
    ]);
    const failed = entries.find((entry) => entry.action === "account.sign-in-failed");
    expect(failed).toMatchObject({ actorName: null, target: ADMIN.email });
    expect(failed?.ipAddress).toMatch(/^198\.51\.100\.\d+$/);
    expect(entries.find((entry) => entry.action === "account.sign-in")?.actorName).toBe("Ada Admin");
    // The log never holds a password.
    expect(JSON.stringify(entries)).not.toContain("password");
  });
});
