import "server-only";
import type { Db } from "../db/client";
import { getDb } from "../db/client";
import type { WriteContext } from "../db/revisions";

/**
 * Who is acting, and on which database: every use case of the service layer takes one, and every
 * revision takes its author from it. Until accounts exist every request is anonymous; sign-in
 * will fill `actor` here, in one place, and policy checks will read it.
 */

export type Actor = { kind: "anonymous" } | { kind: "user"; id: string; name: string };

export interface ServiceContext {
  actor: Actor;
  db: Db;
}

export const ANONYMOUS: Actor = { kind: "anonymous" };

/** The context of one HTTP request. */
export async function requestContext(_request: Request): Promise<ServiceContext> {
  return { actor: ANONYMOUS, db: await getDb() };
}

/** What a write records about its actor. */
export function writeContext(context: ServiceContext, message?: string): WriteContext {
  return {
    author: context.actor.kind === "user" ? context.actor.name : null,
    ...(message === undefined ? {} : { message }),
  };
}
