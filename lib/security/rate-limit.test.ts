import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../db/client";
import {
  createTestDatabase,
  type OpenTestDb,
  openTestDb,
  TEST_DRIVERS,
  type TestDatabase,
} from "../db/testing";
import {
  enforceRateLimit,
  hitRateLimit,
  pruneRateLimits,
  RateLimitedError,
  resetRateLimit,
} from "./rate-limit";

const RULE = { limit: 3, windowMs: 60_000 };
/** A time at the start of a window, so `+ n s` stays inside it. */
const T0 = new Date(Date.UTC(2026, 11, 3, 18, 0, 0));
const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

describe.each(TEST_DRIVERS)("rate limits on %s", (driver) => {
  let test: OpenTestDb;
  let db: Db;
  beforeAll(async () => {
    test = await openTestDb(driver);
    db = test.db;
  });
  afterAll(() => test?.dispose());

  it("allows `limit` hits in a window, refuses the next with the seconds left, and starts again in the next window", async () => {
    const decisions = [];
    for (const second of [0, 1, 2, 3, 40])
      decisions.push(await hitRateLimit(db, "sign-in:a", RULE, at(second)));
    expect(decisions.map((d) => [d.allowed, d.count, d.remaining])).toEqual([
      [true, 1, 2],
      [true, 2, 1],
      [true, 3, 0],
      [false, 4, 0],
      [false, 5, 0],
    ]);
    expect(decisions[3]?.retryAfterSeconds).toBe(57);
    expect(decisions[4]?.resetAt).toEqual(at(60));
    const next = await hitRateLimit(db, "sign-in:a", RULE, at(61));
    expect([next.allowed, next.count]).toEqual([true, 1]);
    // Another key has a count of its own.
    expect((await hitRateLimit(db, "sign-in:b", RULE, at(3))).count).toBe(1);
  });

  it("counts a hit from a clock running behind into the newer window instead of resetting it", async () => {
    await hitRateLimit(db, "skew", RULE, at(70));
    const behind = await hitRateLimit(db, "skew", RULE, at(50));
    expect(behind.count).toBe(2);
    expect(behind.resetAt).toEqual(at(120));
  });

  it("lets exactly `limit` of 40 concurrent hits through", async () => {
    const rule = { limit: 10, windowMs: 60_000 };
    const decisions = await Promise.all(
      Array.from({ length: 40 }, () => hitRateLimit(db, "concurrent", rule, at(5))),
    );
    expect(decisions.filter((d) => d.allowed).length).toBe(10);
    expect(decisions.map((d) => d.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
  });

  it("throws RateLimitedError over the limit, forgets a key on reset, and prunes ended windows", async () => {
    for (let i = 0; i < 3; i++)
      await enforceRateLimit(db, "invite:team-1", RULE, { now: at(1), what: "invitations" });
    const refused = enforceRateLimit(db, "invite:team-1", RULE, { now: at(2), what: "invitations" });
    await expect(refused).rejects.toThrow(RateLimitedError);
    await expect(refused).rejects.toThrow("too many invitations: try again in 58 s");
    await resetRateLimit(db, "invite:team-1");
    expect((await hitRateLimit(db, "invite:team-1", RULE, at(2))).count).toBe(1);

    await hitRateLimit(db, "old", RULE, at(-3600));
    expect(await pruneRateLimits(db, at(0))).toBeGreaterThanOrEqual(1);
    expect(await db.prisma.rateLimit.count({ where: { key: "old" } })).toBe(0);
    expect(await db.prisma.rateLimit.count({ where: { key: "invite:team-1" } })).toBe(1);
  });

  it("refuses a key or rule that cannot be meant", async () => {
    await expect(hitRateLimit(db, "", RULE)).rejects.toThrow("rate limit key");
    await expect(hitRateLimit(db, "k", { limit: 0, windowMs: 60_000 })).rejects.toThrow("whole number");
    await expect(hitRateLimit(db, "k", { limit: 1, windowMs: 10 })).rejects.toThrow("window");
  });
});

describe("rate limits shared by two app processes' database handles on one PostgreSQL", () => {
  let database: TestDatabase;
  let handles: Db[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    // One after the other: the first applies the migrations.
    handles.push(await createDb({ driver: "postgres", url: database.url }));
    handles.push(await createDb({ driver: "postgres", url: database.url }));
  });
  afterAll(async () => {
    for (const handle of handles) await handle.close();
    handles = [];
    await database?.drop();
  });

  it("lets exactly `limit` of 60 concurrent hits through, whichever handle counts them", async () => {
    const rule = { limit: 7, windowMs: 60_000 };
    const decisions = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        hitRateLimit(handles[i % 2] as Db, "sign-in:ip:203.0.113.7", rule, at(9)),
      ),
    );
    expect(decisions.filter((d) => d.allowed).length).toBe(7);
    expect(new Set(decisions.map((d) => d.count)).size).toBe(60);
  });
});
