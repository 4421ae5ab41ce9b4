import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { genericOAuth, organization } from "better-auth/plugins";
import { type Db, getDb } from "../db/client";
import { env } from "../env";
import { forgetSessions } from "../server/access-cache";
import { accessControl, roles } from "./access";
import { admitNewAccount, createFirstTeam, teamForNewSession } from "./first-account";
import { OIDC_PROVIDER_ID, oidcSettings, SIGN_IN_ERROR_PATH } from "./oidc";
import { authSecret } from "./secret";
import { teamHooks } from "./team-hooks";

/**
 * Accounts, sessions and teams, by Better Auth over the app's own Prisma client (PGlite or
 * PostgreSQL, whichever lib/db/client.ts opened): e-mail and password (hashed by Better Auth),
 * sessions stored in the database (so several app processes share them), teams as its
 * organizations with owner/editor/viewer roles (lib/auth/access.ts); OpenID Connect single sign-on
 * when the environment configures it (lib/auth/oidc.ts).
 */

const SEVEN_DAYS_S = 7 * 24 * 3600;

export function createAuth(db: Db) {
  const parsed = env();
  const oidc = oidcSettings(parsed);
  const publicUrl = parsed.OBSFORGE_PUBLIC_URL ?? parsed.BETTER_AUTH_URL;
  return betterAuth({
    appName: "Obsforge",
    secret: authSecret(),
    // Set, the address users reach the app at makes the callback URLs; unset, Better Auth takes the
    // request's own (and warns once that it does), which is right for one app on one address.
    ...(publicUrl ? { baseURL: publicUrl } : {}),
    basePath: "/api/auth",
    database: prismaAdapter(db.prisma, { provider: "postgresql" }),
    // The origin the browser addressed (its Host header) is the app's own: Next.js may hand the
    // handler a request URL on another host name (localhost for 127.0.0.1), which Better Auth
    // would otherwise take as the only trusted origin.
    trustedOrigins: async (request) => {
      const host = request?.headers.get("host");
      if (!request || !host) return [];
      const forwarded = request.headers.get("x-forwarded-proto");
      const protocol = forwarded === "https" ? "https" : new URL(request.url).protocol.slice(0, -1);
      return [`${protocol}://${host}`];
    },
    emailAndPassword: { enabled: true, minPasswordLength: 10, maxPasswordLength: 256 },
    session: { expiresIn: SEVEN_DAYS_S, updateAge: 24 * 3600 },
    account: {
      // Single sign-on with the address of an existing (password) account signs in to that account,
      // but only when the identity provider says it verified the address: the local address was
      // never verified (no mail is sent), and sign-up is by invitation anyway.
      accountLinking: { enabled: true, requireLocalEmailVerified: false },
    },
    user: {
      additionalFields: { isAdmin: { type: "boolean", input: false, required: false, defaultValue: false } },
    },
    // Better Auth's own limiter counts in process memory, so each app process behind a load balancer
    // would count its own. The attempts worth limiting are limited in the database instead, shared by
    // every process: sign-in, sign-up and single sign-on per account and per address
    // (lib/auth/sign-in-guard.ts), invitations per team (lib/auth/team-hooks.ts).
    rateLimit: { enabled: false },
    // A refused single sign-on (no invitation, cancelled at the provider) lands on the sign-in page,
    // which says why in its own words (lib/auth/oidc.ts signInErrorMessage).
    onAPIError: { errorURL: SIGN_IN_ERROR_PATH },
    telemetry: { enabled: false },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => ({ data: { ...user, ...(await admitNewAccount(db, user.email)) } }),
          after: async (user) => {
            if ((user as { isAdmin?: boolean }).isAdmin) await createFirstTeam(db, user);
          },
        },
      },
      session: {
        create: {
          before: async (session) => ({
            data: { ...session, activeOrganizationId: await teamForNewSession(db, session.userId) },
          }),
        },
        // A session ended here (sign-out, revocation) stops at once in this process, not after the
        // access cache's few seconds (lib/server/access-cache.ts).
        delete: { after: async () => forgetSessions(db) },
      },
    },
    plugins: [
      organization({
        ac: accessControl,
        roles,
        creatorRole: "owner",
        invitationExpiresIn: SEVEN_DAYS_S,
        // Invitations are links an owner hands over (the members page shows them); no mail is sent.
        sendInvitationEmail: async () => {},
        organizationHooks: teamHooks(db),
      }),
      ...(oidc
        ? [
            genericOAuth({
              config: [
                {
                  providerId: OIDC_PROVIDER_ID,
                  name: oidc.name,
                  discoveryUrl: oidc.discoveryUrl,
                  clientId: oidc.clientId,
                  clientSecret: oidc.clientSecret,
                  scopes: ["openid", "email", "profile"],
                  // The ID token must be checked against the provider's published keys: the
                  // account is found by the token's subject and address.
                  requireIdTokenVerification: true,
                },
              ],
            }),
          ]
        : []),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

// One per opened database: a test or a restart that opens another gets its own.
const auths = new WeakMap<Db, Auth>();

export function authFor(db: Db): Auth {
  let auth = auths.get(db);
  if (!auth) {
    auth = createAuth(db);
    auths.set(db, auth);
  }
  return auth;
}

/** The process's Better Auth instance, over the process's database. */
export async function getAuth(): Promise<Auth> {
  return authFor(await getDb());
}
