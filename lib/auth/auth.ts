import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { organization } from "better-auth/plugins";
import { type Db, getDb } from "../db/client";
import { accessControl, roles } from "./access";
import { admitNewAccount, createFirstTeam, firstTeamOf } from "./first-account";
import { authSecret } from "./secret";

/**
 * Accounts, sessions and teams, by Better Auth over the app's own Prisma client (PGlite or
 * PostgreSQL, whichever lib/db/client.ts opened): e-mail and password (hashed by Better Auth),
 * sessions stored in the database (so several app processes share them), teams as its
 * organizations with owner/editor/viewer roles (lib/auth/access.ts).
 */

const SEVEN_DAYS_S = 7 * 24 * 3600;

export function createAuth(db: Db) {
  return betterAuth({
    appName: "Obsforge",
    secret: authSecret(),
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
    user: {
      additionalFields: { isAdmin: { type: "boolean", input: false, required: false, defaultValue: false } },
    },
    // Sign-in attempts are limited per client address (in process memory for now: with several app
    // processes each counts its own).
    rateLimit: {
      enabled: true,
      storage: "memory",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: 10 }, "/sign-up/email": { window: 60, max: 10 } },
    },
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
            data: { ...session, activeOrganizationId: await firstTeamOf(db, session.userId) },
          }),
        },
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
      }),
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
