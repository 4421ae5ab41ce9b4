import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { ApiTokenValueSchema } from "../../api/api-tokens-schemas";
import { NotFoundError } from "../../db/errors";
import { type OpenTestDb, openTestDb, TEST_DRIVERS } from "../../db/testing";
import type { Actor, ServiceContext } from "../context";
import { HttpError } from "../http";
import { createToken, LAST_USED_RESOLUTION_MS, listTokens, revokeToken, tokenActor } from "./api-tokens";
import { listAudit } from "./audit";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The 401 (or other HttpError) a call answers, as [status, message]. */
async function refusal(call: Promise<unknown>): Promise<[number, string]> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof HttpError)) throw new Error(`expected an HttpError, got ${String(error)}`);
  return [error.status, error.message];
}

describe.each(TEST_DRIVERS)("personal API tokens on %s", (driver) => {
  let opened: OpenTestDb;
  let ada: ServiceContext;
  let bob: ServiceContext;
  const teamId = "team0000a";

  beforeAll(async () => {
    opened = await openTestDb(driver);
    const { prisma } = opened.db;
    for (const [id, name] of [
      ["user000ada", "Ada"],
      ["user000bob", "Bob"],
    ] as const)
      await prisma.user.create({ data: { id, name, email: `${name.toLowerCase()}@obsforge.test` } });
    await prisma.organization.create({
      data: { id: teamId, name: "Team A", slug: "team-a", createdAt: new Date() },
    });
    await prisma.member.create({
      data: {
        id: "member0ada",
        organizationId: teamId,
        userId: "user000ada",
        role: "owner",
        createdAt: new Date(),
      },
    });
    ada = { actor: { kind: "user", id: "user000ada", name: "Ada" }, db: opened.db };
    bob = { actor: { kind: "user", id: "user000bob", name: "Bob" }, db: opened.db };
  });
  afterAll(() => opened.dispose());

  it("answers a token's value once; stores only its SHA-256; lists never carry it", async () => {
    const created = await createToken(ada, { name: "  CI pipeline  ", expiresInDays: 30 });
    expect(ApiTokenValueSchema.parse(created.value)).toBe(created.value);
    expect(created.token).toMatchObject({
      name: "CI pipeline",
      prefix: created.value.slice(0, 10),
      lastUsedAt: null,
      expired: false,
      revokedAt: null,
    });
    const expires = Date.parse(created.token.expiresAt ?? "") - Date.parse(created.token.createdAt);
    expect(expires).toBe(30 * DAY_MS);

    const rows = await opened.db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(
      "SELECT * FROM api_tokens WHERE id = $1",
      created.token.id,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toBe(createHash("sha256").update(created.value).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(created.value.slice(10));

    const listed = await listTokens(ada);
    expect(listed.map((token) => token.id)).toContain(created.token.id);
    expect(JSON.stringify(listed)).not.toContain(created.value.slice(10));
    expect(JSON.stringify(listed)).not.toContain(String(rows[0]?.token_hash));
    // Bob sees none of Ada's tokens.
    expect(await listTokens(bob)).toEqual([]);
  });

  it("acts as its user, marked as a token; records the last use at most once a minute", async () => {
    const { token, value } = await createToken(ada, { name: "script" });
    expect(token.expiresAt).toBeNull();
    const start = new Date();
    const actor = await tokenActor(opened.db, value, start);
    expect(actor).toEqual({ kind: "user", id: "user000ada", name: "Ada", tokenId: token.id });
    const lastUsed = async (): Promise<number | undefined> =>
      (await opened.db.prisma.apiToken.findUnique({ where: { id: token.id } }))?.lastUsedAt?.getTime();
    expect(await lastUsed()).toBe(start.getTime());
    // Within the minute: no write.
    await tokenActor(opened.db, value, new Date(start.getTime() + LAST_USED_RESOLUTION_MS - 1));
    expect(await lastUsed()).toBe(start.getTime());
    // Once the minute has passed: written again.
    const later = new Date(start.getTime() + LAST_USED_RESOLUTION_MS);
    await tokenActor(opened.db, value, later);
    expect(await lastUsed()).toBe(later.getTime());
    expect((await listTokens(ada)).find((one) => one.id === token.id)?.lastUsedAt).toBe(later.toISOString());
  });

  it("refuses a revoked, an expired, an unknown and a malformed token with 401 saying which", async () => {
    const revoked = await createToken(ada, { name: "to revoke" });
    const answer = await revokeToken(ada, revoked.token.id);
    expect(answer.revokedAt).not.toBeNull();
    expect(await refusal(tokenActor(opened.db, revoked.value))).toEqual([
      401,
      expect.stringContaining("the API token is revoked"),
    ]);
    // Revoked tokens leave the list.
    expect((await listTokens(ada)).map((one) => one.id)).not.toContain(revoked.token.id);

    const expiring = await createToken(ada, { name: "short", expiresInDays: 1 });
    const afterExpiry = new Date(Date.now() + DAY_MS + 1000);
    expect(await refusal(tokenActor(opened.db, expiring.value, afterExpiry))).toEqual([
      401,
      expect.stringContaining("the API token is expired"),
    ]);
    // Still listed (until revoked), marked expired once past it.
    expect((await listTokens(ada)).find((one) => one.id === expiring.token.id)?.expired).toBe(false);
    await opened.db.prisma.apiToken.update({
      where: { id: expiring.token.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await listTokens(ada)).find((one) => one.id === expiring.token.id)?.expired).toBe(true);

    const unknown = `obf_${"A".repeat(43)}`;
    for (const value of [unknown, "obf_short", `${revoked.value}x`]) {
      expect(await refusal(tokenActor(opened.db, value))).toEqual([
        401,
        expect.stringContaining("the API token is unknown"),
      ]);
    }
  });

  it("revokes only the user's own tokens: another user's is 404, as one that does not exist", async () => {
    const { token, value } = await createToken(ada, { name: "Ada's" });
    await expect(revokeToken(bob, token.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeToken(bob, "nosuchtoken00")).rejects.toBeInstanceOf(NotFoundError);
    expect((await tokenActor(opened.db, value)).id).toBe("user000ada");
    await revokeToken(ada, token.id);
    // Revoking twice: the token is gone from the user's view.
    await expect(revokeToken(ada, token.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lets no token make, list or revoke tokens (a session only), and nobody signed out", async () => {
    const { token, value } = await createToken(ada, { name: "minting attempt" });
    const viaToken: ServiceContext = { actor: await tokenActor(opened.db, value), db: opened.db };
    for (const call of [
      createToken(viaToken, { name: "successor" }),
      listTokens(viaToken),
      revokeToken(viaToken, token.id),
    ]) {
      expect(await refusal(call)).toEqual([403, expect.stringContaining("signed-in session")]);
    }
    const signedOut: ServiceContext = { actor: { kind: "anonymous" } as Actor, db: opened.db };
    expect((await refusal(listTokens(signedOut)))[0]).toBe(401);
    expect((await listTokens(ada)).map((one) => one.name)).not.toContain("successor");
  });

  it("checks the name (1 to 100 characters) and the expiry (1 to 3650 whole days)", async () => {
    for (const body of [
      { name: "" },
      { name: "   " },
      { name: "x".repeat(101) },
      { name: "ok", expiresInDays: 0 },
      { name: "ok", expiresInDays: 1.5 },
      { name: "ok", expiresInDays: 3651 },
    ]) {
      await expect(createToken(ada, body), JSON.stringify(body)).rejects.toBeInstanceOf(ZodError);
    }
    expect((await createToken(ada, { name: "x".repeat(100), expiresInDays: 3650 })).token.name).toHaveLength(
      100,
    );
  });

  it("audits making and revoking in the user's team, naming the token, never its value", async () => {
    const { token, value } = await createToken(ada, { name: "audited" });
    await revokeToken(ada, token.id);
    const entries = (await listAudit(ada, { teamId, limit: 100 })).filter(
      (entry) => entry.detail?.tokenId === token.id,
    );
    expect(entries.map((entry) => [entry.action, entry.target, entry.actorName])).toEqual([
      ["token.revoke", 'API token "audited"', "Ada"],
      ["token.create", 'API token "audited"', "Ada"],
    ]);
    expect(entries[0]?.detail?.prefix).toBe(token.prefix);
    expect(JSON.stringify(entries)).not.toContain(value.slice(10));
    // Bob is in no team: his token's entries are install-wide (team null).
    const bobs = await createToken(bob, { name: "bob's" });
    const installWide = await listAudit(bob, { teamId: null, limit: 100 });
    expect(installWide.some((entry) => entry.detail?.tokenId === bobs.token.id)).toBe(true);
  });
});
