import "server-only";
import { bearerApiToken } from "../api/api-tokens-schemas";
import { SHARE_TOKEN_HEADER } from "../api/share-links-schemas";
import type { Db } from "../db/client";
import { getDb } from "../db/client";
import type { WriteContext } from "../db/revisions";
import { cachedActor } from "./access-cache";

/**
 * Who is acting, and on which database: every use case of the service layer takes one, and every
 * revision takes its author from it. `actor` is filled here, in one place, from the request's
 * session (lib/auth); lib/server/policy.ts reads it.
 */

/**
 * `share`: a visitor without an account holding a read-only share link of one project
 * (lib/server/services/share-links.ts); lib/server/policy.ts lets it read that project only.
 */
export type Actor =
  | { kind: "anonymous" }
  | {
      kind: "user";
      id: string;
      name: string;
      /** Set when the request signed in with this personal API token, not a session (services/api-tokens.ts). */
      tokenId?: string;
    }
  | { kind: "share"; projectId: string; linkId: string };

export interface ServiceContext {
  actor: Actor;
  db: Db;
}

export const ANONYMOUS: Actor = { kind: "anonymous" };

async function sessionActor(db: Db, request: Request): Promise<Actor> {
  // A personal API token (`Authorization: Bearer obf_…`, the CLI and scripts) acts as its user. It
  // carries no cookie, so CSRF does not apply; looked up on every request, so a revoked or expired
  // token stops at once, answered 401 naming why (tokenActor throws, route() maps it).
  const apiToken = bearerApiToken(request.headers);
  if (apiToken !== undefined) {
    const { tokenActor } = await import("./services/api-tokens");
    return tokenActor(db, apiToken);
  }
  // The share page's own calls name their link in a header (never a cookie: a cookie would be sent
  // by every page of the app, and a signed-in visitor's session would hide the link). It wins over
  // a session, so a member of another team sees the shared project too. Looked up on every request:
  // a revoked link stops at once.
  const shareToken = request.headers.get(SHARE_TOKEN_HEADER);
  if (shareToken !== null) {
    const { shareActor } = await import("./services/share-links");
    return (await shareActor(db, shareToken)) ?? ANONYMOUS;
  }
  // Imported lazily: lib/auth reads the secrets key through the services, which import this module.
  const { authFor } = await import("../auth/auth");
  // Kept per process for a moment (lib/server/access-cache.ts): most requests skip the session read.
  return cachedActor(db, request, async (): Promise<Actor> => {
    const session = await authFor(db).api.getSession({ headers: request.headers });
    return session ? { kind: "user", id: session.user.id, name: session.user.name } : ANONYMOUS;
  });
}

// Looked up once per request: route() checks it before the handler builds its context.
const actors = new WeakMap<Request, Promise<Actor>>();

/** Who the request's session cookie signs in (Better Auth checks it against the sessions table). */
export function requestActor(db: Db, request: Request): Promise<Actor> {
  let actor = actors.get(request);
  if (!actor) {
    actor = sessionActor(db, request);
    actors.set(request, actor);
  }
  return actor;
}

/** The context of one HTTP request: its database and who is signed in. */
export async function requestContext(request: Request): Promise<ServiceContext> {
  const db = await getDb();
  return { actor: await requestActor(db, request), db };
}

/** What a write records about its actor. */
export function writeContext(context: ServiceContext, message?: string): WriteContext {
  return {
    author: context.actor.kind === "user" ? context.actor.name : null,
    ...(message === undefined ? {} : { message }),
  };
}
