import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OIDC_CALLBACK_PATH } from "@/lib/auth/oidc";
import { closeDb, getDb } from "@/lib/db/client";
import { listAudit } from "@/lib/server/services/audit";
import {
  CookieJar,
  signInAtProvider,
  startOidcProvider,
  type TestIdentity,
  type TestOidcProvider,
} from "@/lib/testing/oidc-provider";
import { freshDataDir } from "@/lib/testing/route-calls";

/**
 * Single sign-on for real: a certified OpenID provider (oidc-provider) on a loopback port, the app's
 * own /api/auth route handlers, and the browser's part in between (redirects, cookies, the
 * provider's login and consent pages) done with fetch. Sign-in starts at POST sign-in/social, the
 * provider sends the browser to the callback with a code, and the callback answers a session, or
 * the sign-in page with the reason it refused.
 */

const ORIGIN = "http://localhost";
const identity = (sub: string, email: string, name: string, verified = true): TestIdentity => ({
  sub,
  email,
  name,
  email_verified: verified,
});
const ALICE = identity("alice-0001", "alice@corp.example", "Alice Admin");
const BOB = identity("bob-0002", "bob@corp.example", "Bob Uninvited");
const CAROL = identity("carol-0003", "carol@corp.example", "Carol Invited");
const DAVE = identity("dave-0004", "dave@corp.example", "Dave Password");
const MALLORY = identity("mallory-0005", "dave@corp.example", "Mallory Unverified", false);

const dataDir = freshDataDir("obsforge-oidc");
let provider: TestOidcProvider;
let auth: typeof import("./[...all]/route");

beforeAll(async () => {
  provider = await startOidcProvider({
    redirectUri: `${ORIGIN}${OIDC_CALLBACK_PATH}`,
    identities: [ALICE, BOB, CAROL, DAVE, MALLORY],
  });
  process.env.OBSFORGE_PUBLIC_URL = ORIGIN;
  process.env.OBSFORGE_OIDC_ISSUER = provider.issuer;
  process.env.OBSFORGE_OIDC_CLIENT_ID = provider.clientId;
  process.env.OBSFORGE_OIDC_CLIENT_SECRET = provider.clientSecret;
  process.env.OBSFORGE_OIDC_NAME = "Corp SSO";
  auth = await import("./[...all]/route");
  await getDb();
});

afterAll(async () => {
  await closeDb();
  await provider?.close();
  for (const name of ["PUBLIC_URL", "OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_NAME"])
    delete process.env[`OBSFORGE_${name}`];
  rmSync(dataDir, { recursive: true, force: true });
});

function authCall(jar: CookieJar, path: string, body?: unknown): Promise<Response> {
  const headers = new Headers({ origin: ORIGIN, cookie: jar.header() });
  if (body === undefined) return auth.GET(new Request(`${ORIGIN}/api/auth${path}`, { headers }));
  headers.set("content-type", "application/json");
  return auth.POST(
    new Request(`${ORIGIN}/api/auth${path}`, { method: "POST", headers, body: JSON.stringify(body) }),
  );
}

interface SingleSignOn {
  jar: CookieJar;
  /** Where the app's callback sent the browser. */
  location: string;
}

/** The whole single sign-on as a browser does it, as `who` at the provider, starting from a fresh browser. */
async function singleSignOn(who: TestIdentity, jar = new CookieJar()): Promise<SingleSignOn> {
  const start = await authCall(jar, "/sign-in/social", { provider: "oidc", callbackURL: "/projects" });
  expect(start.status).toBe(200);
  jar.store(start);
  const { url } = (await start.json()) as { url: string };
  expect(url.startsWith(`${provider.issuer}/`)).toBe(true);
  const back = await signInAtProvider(url, who.sub);
  expect(back.startsWith(`${ORIGIN}${OIDC_CALLBACK_PATH}?`)).toBe(true);
  const callback = await auth.GET(new Request(back, { headers: { cookie: jar.header() } }));
  expect(callback.status).toBe(302);
  jar.store(callback);
  return { jar, location: callback.headers.get("location") ?? "" };
}

async function sessionEmail(jar: CookieJar): Promise<string | null> {
  const response = await authCall(jar, "/get-session");
  const session = (await response.json()) as { user?: { email: string } } | null;
  return session?.user?.email ?? null;
}

describe("OpenID Connect single sign-on", () => {
  const alice = new CookieJar();

  it("signs the first account of a fresh install up as the administrator, owner of the first team", async () => {
    const { location } = await singleSignOn(ALICE, alice);
    expect(location).toBe("/projects");
    expect(await sessionEmail(alice)).toBe(ALICE.email);
    const db = await getDb();
    const user = await db.prisma.user.findUniqueOrThrow({
      where: { email: ALICE.email },
      include: { accounts: true, members: true },
    });
    expect(user).toMatchObject({ name: ALICE.name, isAdmin: true, emailVerified: true });
    expect(user.accounts.map((account) => [account.providerId, account.accountId])).toEqual([
      ["oidc", ALICE.sub],
    ]);
    expect(user.members.map((member) => member.role)).toEqual(["owner"]);
    // The provider's client secret and tokens never reach the browser's session answer.
    const session = await (await authCall(alice, "/get-session")).text();
    expect(session).not.toContain(provider.clientSecret);
    expect(session).not.toMatch(/accessToken|idToken/);
  });

  it("signs the same identity in again to the same account", async () => {
    const again = await singleSignOn(ALICE);
    expect(again.location).toBe("/projects");
    expect(await sessionEmail(again.jar)).toBe(ALICE.email);
    expect(await (await getDb()).prisma.user.count()).toBe(1);
  });

  it("refuses an identity nobody invited: back to the sign-in page with the reason, no account, no session", async () => {
    const { jar, location } = await singleSignOn(BOB);
    const target = new URL(location, ORIGIN);
    expect(target.pathname).toBe("/sign-in");
    expect(target.searchParams.get("error")).toBe("INVITATION_REQUIRED");
    expect(await sessionEmail(jar)).toBeNull();
    expect(await (await getDb()).prisma.user.findUnique({ where: { email: BOB.email } })).toBeNull();
  });

  it("admits an invited identity as an account that joins the team by its invitation", async () => {
    const invited = await authCall(alice, "/organization/invite-member", {
      email: CAROL.email,
      role: "editor",
    });
    expect(invited.status).toBe(200);
    const invitation = (await invited.json()) as { id: string };
    const carol = await singleSignOn(CAROL);
    expect(carol.location).toBe("/projects");
    expect(await sessionEmail(carol.jar)).toBe(CAROL.email);
    const accepted = await authCall(carol.jar, "/organization/accept-invitation", {
      invitationId: invitation.id,
    });
    expect(accepted.status).toBe(200);
    const user = await (await getDb()).prisma.user.findUniqueOrThrow({
      where: { email: CAROL.email },
      include: { members: true },
    });
    expect(user.isAdmin).toBe(false);
    expect(user.members.map((member) => member.role)).toEqual(["editor"]);
  });

  it("links an existing password account when the provider verified the address, and not otherwise", async () => {
    expect(
      (await authCall(alice, "/organization/invite-member", { email: DAVE.email, role: "viewer" })).status,
    ).toBe(200);
    const signUp = await authCall(new CookieJar(), "/sign-up/email", {
      email: DAVE.email,
      password: "dave's long password",
      name: DAVE.name,
    });
    expect(signUp.status).toBe(200);
    const db = await getDb();
    const before = await db.prisma.user.findUniqueOrThrow({ where: { email: DAVE.email } });

    // Another identity claiming the address without the provider verifying it is refused.
    const unverified = await singleSignOn(MALLORY);
    expect(new URL(unverified.location, ORIGIN).searchParams.get("error")).toBe("account_not_linked");
    expect(await sessionEmail(unverified.jar)).toBeNull();

    const dave = await singleSignOn(DAVE);
    expect(dave.location).toBe("/projects");
    expect(await sessionEmail(dave.jar)).toBe(DAVE.email);
    const accounts = await db.prisma.account.findMany({
      where: { userId: before.id },
      orderBy: { providerId: "asc" },
    });
    expect(accounts.map((account) => [account.providerId, account.accountId])).toEqual([
      ["credential", before.id],
      ["oidc", DAVE.sub],
    ]);
    expect(await db.prisma.user.count({ where: { email: DAVE.email } })).toBe(1);
  });

  it("writes single sign-ons and their refusals to the audit log", async () => {
    const db = await getDb();
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: ALICE.email } });
    const team = await db.prisma.member.findFirstOrThrow({ where: { userId: user.id } });
    const context = { actor: { kind: "user" as const, id: user.id, name: user.name }, db };
    // Alice's sign-ins go to her team's log; Carol and Dave had no team yet when they signed in.
    const teamLog = await listAudit(context, { teamId: team.organizationId, limit: 100 });
    const signIns = teamLog.filter((entry) => entry.action === "account.sign-in");
    expect(signIns.map((entry) => [entry.target, entry.detail])).toEqual([
      [ALICE.email, { method: "single sign-on" }],
      [ALICE.email, { method: "single sign-on" }],
    ]);
    const teamless = await listAudit(context, { teamId: null, limit: 100 });
    expect(
      teamless.map((entry) => [entry.action, entry.target, entry.detail?.error ?? null]).reverse(),
    ).toEqual([
      ["account.sign-in-failed", "single sign-on", "INVITATION_REQUIRED"],
      ["account.sign-in", CAROL.email, null],
      ["account.sign-up", DAVE.email, null],
      ["account.sign-in-failed", "single sign-on", "account_not_linked"],
      ["account.sign-in", DAVE.email, null],
    ]);
  });
});
