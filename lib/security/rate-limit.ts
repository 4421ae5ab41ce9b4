import type { Db } from "../db/client";

/**
 * Rate limits kept in the database (table rate_limits), so that every app process behind a load
 * balancer counts against one limit: a fixed window per key (`limit` hits per `windowMs`). One
 * statement counts a hit and reads the count back, atomically, whatever the number of processes.
 * Used for sign-in attempts and invitations; the key says what is limited and for whom.
 */

export interface RateLimitRule {
  /** Hits allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Hits in the current window, this one included. */
  count: number;
  remaining: number;
  /** When the current window ends. */
  resetAt: Date;
  /** Whole seconds until then (at least 1): the Retry-After of a refusal. */
  retryAfterSeconds: number;
}

/** Thrown by enforceRateLimit: the API answers it 429 with Retry-After. */
export class RateLimitedError extends Error {
  constructor(
    readonly key: string,
    readonly retryAfterSeconds: number,
    what = "requests",
  ) {
    super(`too many ${what}: try again in ${retryAfterSeconds} s`);
    this.name = "RateLimitedError";
  }
}

const MAX_KEY_LENGTH = 500;

/** Every PRUNE_EVERY-th hit in a process also deletes ended windows, so keys never pile up. */
const PRUNE_EVERY = 500;
let hitsSincePrune = 0;

function checkRule(key: string, rule: RateLimitRule): void {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH)
    throw new Error(`rate limit key must be 1..${MAX_KEY_LENGTH} characters, got ${key.length}`);
  if (!Number.isInteger(rule.limit) || rule.limit < 1)
    throw new Error(`rate limit must be a whole number ≥ 1`);
  if (!Number.isInteger(rule.windowMs) || rule.windowMs < 1000)
    throw new Error(`rate limit window must be ≥ 1000 ms`);
}

/**
 * Counts one hit on `key` and says whether it is within the limit. Windows are aligned to
 * multiples of windowMs since the epoch, so every process agrees on them; a process whose clock
 * runs behind counts into the newer window already stored rather than resetting it.
 */
export async function hitRateLimit(
  db: Db,
  key: string,
  rule: RateLimitRule,
  now: Date = new Date(),
): Promise<RateLimitDecision> {
  checkRule(key, rule);
  const windowStart = new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs);
  const expiresAt = new Date(windowStart.getTime() + rule.windowMs);
  const rows = await db.prisma.$queryRaw<{ count: number; expires_at: Date }[]>`
    INSERT INTO rate_limits (key, window_start, count, expires_at)
    VALUES (${key}, ${windowStart}, 1, ${expiresAt})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN EXCLUDED.window_start > rate_limits.window_start THEN 1
                   ELSE rate_limits.count + 1 END,
      window_start = GREATEST(rate_limits.window_start, EXCLUDED.window_start),
      expires_at = GREATEST(rate_limits.expires_at, EXCLUDED.expires_at)
    RETURNING count, expires_at`;
  if (++hitsSincePrune >= PRUNE_EVERY) {
    hitsSincePrune = 0;
    await pruneRateLimits(db, now);
  }
  const row = rows[0];
  if (!row) throw new Error(`rate limit ${key}: the counter returned no row`);
  const count = Number(row.count);
  const resetAt = new Date(row.expires_at);
  return {
    allowed: count <= rule.limit,
    count,
    remaining: Math.max(0, rule.limit - count),
    resetAt,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000)),
  };
}

/** Counts a hit and throws RateLimitedError when it is over the limit. */
export async function enforceRateLimit(
  db: Db,
  key: string,
  rule: RateLimitRule,
  options: { what?: string; now?: Date } = {},
): Promise<RateLimitDecision> {
  const decision = await hitRateLimit(db, key, rule, options.now);
  if (!decision.allowed) throw new RateLimitedError(key, decision.retryAfterSeconds, options.what);
  return decision;
}

/** Forgets `key`'s count, e.g. the failed sign-ins of an address once it signs in. */
export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.prisma.rateLimit.deleteMany({ where: { key } });
}

/** Deletes counters whose window has ended (they would start again at 1 anyway); returns how many. */
export async function pruneRateLimits(db: Db, now: Date = new Date()): Promise<number> {
  return (await db.prisma.rateLimit.deleteMany({ where: { expiresAt: { lt: now } } })).count;
}
