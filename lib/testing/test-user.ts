import { authFor } from "@/lib/auth/auth";
import { type Db, dbOptionsFromEnv, getDb } from "@/lib/db/client";

/**
 * Signing in for tests that call route handlers directly (lib/testing/route-calls.ts): accounts
 * made through Better Auth's own API on the process's database, and the Cookie header of their
 * session. The first account of a fresh database is its administrator and owns its first team.
 */

export interface TestAccount {
  email: string;
  password: string;
  name: string;
}

export const TEST_OWNER: TestAccount = {
  email: "owner@obsforge.test",
  password: "test-password-owner",
  name: "Test Owner",
};

/** `name=value; name=value` from a response's Set-Cookie headers. */
export function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .filter((pair) => pair !== "" && !pair.endsWith("="))
    .join("; ");
}

/** Signs the account in (signing it up first when it does not exist) and returns its session cookie. */
export async function signInCookie(db: Db, account: TestAccount): Promise<string> {
  const auth = authFor(db);
  const exists = (await db.prisma.user.count({ where: { email: account.email } })) > 0;
  const response = exists
    ? await auth.api.signInEmail({
        body: { email: account.email, password: account.password },
        asResponse: true,
      })
    : await auth.api.signUpEmail({ body: account, asResponse: true });
  if (!response.ok)
    throw new Error(`signing in ${account.email}: ${response.status} ${await response.text()}`);
  return cookieHeader(response);
}

// The signed-in test owner per database (its URL or data directory, not the open client: a test
// that closes and reopens the database, even while it is down, keeps its session).
const owners = new Map<string, Promise<string>>();

/** The Cookie header of the test owner on the process's database: the administrator, owner of the first team. */
export function testOwnerCookie(): Promise<string> {
  const key = JSON.stringify(dbOptionsFromEnv());
  let cookie = owners.get(key);
  if (!cookie) {
    cookie = getDb().then((db) => signInCookie(db, TEST_OWNER));
    owners.set(key, cookie);
    cookie.catch(() => owners.delete(key));
  }
  return cookie;
}

/** `init` with the test owner's session cookie added, unless it already carries a Cookie header. */
export async function signedInInit(init: RequestInit = {}): Promise<RequestInit> {
  const headers = new Headers(init.headers);
  if (!headers.has("cookie")) headers.set("cookie", await testOwnerCookie());
  return { ...init, headers };
}
