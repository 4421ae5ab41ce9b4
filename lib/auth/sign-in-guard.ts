import "server-only";
import type { Db } from "../db/client";
import {
  enforceRateLimit,
  RateLimitedError,
  type RateLimitRule,
  resetRateLimit,
} from "../security/rate-limit";
import { recordAudit } from "../server/services/audit";
import { firstTeamOf } from "./first-account";

/**
 * What the account routes add around Better Auth's handler: sign-in and sign-up attempts (and
 * single sign-on's, per address) limited in the database (lib/security/rate-limit: every app process counts against one limit, where
 * Better Auth's own limiter counts per process), and sign-ins, failed sign-ins and sign-ups in the
 * audit log of the account's team.
 */

/** Attempts per account: a correct sign-in forgets them, so only failures add up. */
const PER_ACCOUNT: RateLimitRule = { limit: 10, windowMs: 5 * 60_000 };
/** Attempts per client address, whatever the account: guessing across accounts. */
const PER_ADDRESS: RateLimitRule = { limit: 60, windowMs: 60_000 };

const GUARDED = new Set(["/api/auth/sign-in/email", "/api/auth/sign-up/email"]);

/** Single sign-on's start and its return from the identity provider: limited per address. */
const SINGLE_SIGN_ON = /^\/api\/auth\/(sign-in\/social|callback\/[\w-]+)$/;

/** The client's address as the proxy in front reports it; "direct" when nothing does. */
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip")?.trim() || "direct";
}

async function emailOf(request: Request): Promise<string | undefined> {
  try {
    const body = (await request.clone().json()) as { email?: unknown };
    return typeof body.email === "string" ? body.email.trim().toLowerCase().slice(0, 320) : undefined;
  } catch {
    return undefined;
  }
}

const accountKey = (email: string): string => `sign-in:account:${email}`;

export interface GuardedAttempt {
  kind: "sign-in" | "sign-up" | "single-sign-on";
  email: string | undefined;
  address: string;
}

/**
 * Counts an attempt before Better Auth sees it; throws RateLimitedError past a limit. Undefined for
 * requests that are not sign-ins or sign-ups.
 */
export async function guardAccountAttempt(db: Db, request: Request): Promise<GuardedAttempt | undefined> {
  const path = new URL(request.url).pathname;
  if (SINGLE_SIGN_ON.test(path)) {
    const address = clientAddress(request);
    await enforceRateLimit(db, `sign-in:address:${address}`, PER_ADDRESS, { what: "sign-in attempts" });
    return path.includes("/callback/") ? { kind: "single-sign-on", email: undefined, address } : undefined;
  }
  if (request.method !== "POST" || !GUARDED.has(path)) return undefined;
  const kind = path.endsWith("/sign-in/email") ? "sign-in" : "sign-up";
  const email = await emailOf(request);
  const address = clientAddress(request);
  await enforceRateLimit(db, `sign-in:address:${address}`, PER_ADDRESS, { what: "sign-in attempts" });
  if (email) await enforceRateLimit(db, accountKey(email), PER_ACCOUNT, { what: "sign-in attempts" });
  return { kind, email, address };
}

/** Records the attempt's outcome in the audit log (and forgets an account's attempts once it signs in). */
export async function recordAccountAttempt(
  db: Db,
  attempt: GuardedAttempt,
  response: Response,
): Promise<void> {
  if (attempt.kind === "single-sign-on") return recordSingleSignOn(db, attempt, response);
  const email = attempt.email ?? "(no e-mail given)";
  if (response.ok) {
    const body = (await response.clone().json()) as { user?: { id?: unknown; name?: unknown } };
    const id = typeof body.user?.id === "string" ? body.user.id : undefined;
    if (!id) return;
    const name = typeof body.user?.name === "string" ? body.user.name : email;
    if (attempt.email) await resetRateLimit(db, accountKey(attempt.email));
    await recordAudit(
      { actor: { kind: "user", id, name }, db },
      {
        action: attempt.kind === "sign-in" ? "account.sign-in" : "account.sign-up",
        target: email,
        teamId: await firstTeamOf(db, id),
        ipAddress: attempt.address,
      },
    );
    return;
  }
  if (attempt.kind !== "sign-in" || response.status >= 500) return;
  // A failed sign-in goes to the log of the team of the account it tried, when there is one.
  const user = attempt.email
    ? await db.prisma.user.findUnique({ where: { email: attempt.email }, select: { id: true } })
    : null;
  await recordAudit(
    { actor: { kind: "anonymous" }, db },
    {
      action: "account.sign-in-failed",
      target: email,
      teamId: user ? await firstTeamOf(db, user.id) : null,
      detail: { status: response.status },
      ipAddress: attempt.address,
    },
  );
}

/**
 * The identity provider's return: a session cookie set is a sign-in of that session's account; a
 * redirect carrying `error=` is a refused one (no invitation, address not verified, cancelled).
 */
async function recordSingleSignOn(db: Db, attempt: GuardedAttempt, response: Response): Promise<void> {
  const location = response.headers.get("location") ?? "";
  const error = new URL(location, "http://app.invalid").searchParams.get("error");
  if (error) {
    await recordAudit(
      { actor: { kind: "anonymous" }, db },
      {
        action: "account.sign-in-failed",
        target: "single sign-on",
        teamId: null,
        detail: { error: error.slice(0, 100) },
        ipAddress: attempt.address,
      },
    );
    return;
  }
  const token = sessionTokenOf(response);
  if (!token) return;
  const session = await db.prisma.session.findUnique({
    where: { token },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  if (!session) return;
  const { id, name, email } = session.user;
  await recordAudit(
    { actor: { kind: "user", id, name }, db },
    {
      action: "account.sign-in",
      target: email,
      teamId: await firstTeamOf(db, id),
      detail: { method: "single sign-on" },
      ipAddress: attempt.address,
    },
  );
}

/** The session token in a response's Set-Cookie (Better Auth's `<token>.<signature>` value). */
function sessionTokenOf(response: Response): string | undefined {
  for (const line of response.headers.getSetCookie()) {
    const match = /^(?:__Secure-)?better-auth\.session_token=([^;.]+)\./.exec(line);
    if (match?.[1]) return decodeURIComponent(match[1]);
  }
  return undefined;
}

export { RateLimitedError };
