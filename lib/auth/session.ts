import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "../db/client";
import { isDeadSharePage } from "../server/services/share-links";
import { authFor } from "./auth";
import { anyAccountExists } from "./first-account";
import { PAGE_PATH_HEADER, SHARE_GONE_PAGE } from "./page-path";

export interface PageUser {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
}

/** The user signed in to the page being rendered, or null; looked up once per render. */
export const pageUser = cache(async (): Promise<PageUser | null> => {
  const db = await getDb();
  const session = await authFor(db).api.getSession({ headers: await headers() });
  if (!session) return null;
  const { id, name, email } = session.user;
  return { id, name, email, isAdmin: Boolean((session.user as { isAdmin?: boolean }).isAdmin) };
});

/**
 * Pages a signed-out visitor may see: signing in or up, an invitation link, "not found", and a
 * read-only share link's page (app/share: it checks its link itself).
 */
export function isPublicPage(path: string): boolean {
  return /^\/(sign-in|sign-up|invitations\/[^/?]+|share\/[^/?]+|_not-found)(\?|$)/.test(path);
}

/**
 * Called by the root layout: a signed-out visitor of any other page goes to /sign-in (or /sign-up
 * on a fresh install), coming back to the page afterwards.
 */
export async function requireSignedInPage(): Promise<void> {
  const path = (await headers()).get(PAGE_PATH_HEADER) ?? "/";
  if (isPublicPage(path)) {
    // Decided here, before the page streams (a streamed page's status is 200): a revoked link's
    // page goes to one that answers 404 and says so.
    if (await isDeadSharePage(await getDb(), path)) redirect(SHARE_GONE_PAGE);
    return;
  }
  if (await pageUser()) return;
  const target = await signInPath();
  redirect(path === "/" ? target : `${target}?next=${encodeURIComponent(path)}`);
}

/** Where a signed-out visitor goes: /sign-up on a fresh install (no account yet), else /sign-in. */
export async function signInPath(): Promise<"/sign-in" | "/sign-up"> {
  return (await anyAccountExists(await getDb())) ? "/sign-in" : "/sign-up";
}
