import { type Browser, type BrowserContext, type Page, type Response, request } from "@playwright/test";
import { SCRIPT_ACCOUNT, signInToApp } from "../app-session";

/**
 * The designer bench's browser parts, signed in: since accounts, every page sends a signed-out
 * visitor to /sign-in, so a bare browser context would time the sign-in page. The session is made
 * once by Playwright's own HTTP client (no cookie copied by hand from a Set-Cookie header) and
 * handed to every context as its storage state, as e2e/global-setup.ts does for the browser tests.
 */

export const BENCH_VIEWPORT = { width: 1400, height: 900 };

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** Opens signed-in browser contexts: each new one is cold (nothing cached) but carries the session. */
export interface BenchBrowser {
  newContext(): Promise<BrowserContext>;
}

/** Signs in to the app at `appUrl` as the scripts account (made on a fresh server) and returns its storage state. */
export async function benchSession(appUrl: string): Promise<StorageState> {
  // Makes the scripts account the first one of a fresh server, or checks it can sign in.
  await signInToApp(appUrl);
  const { origin } = new URL(appUrl);
  const api = await request.newContext({ baseURL: origin });
  try {
    const response = await api.post("/api/auth/sign-in/email", {
      // Better Auth checks the Origin of a sign-in as it does a browser's.
      headers: { origin },
      data: { email: SCRIPT_ACCOUNT.email, password: SCRIPT_ACCOUNT.password },
    });
    if (!response.ok())
      throw new Error(
        `the bench's browser session: signing in to ${origin} failed (${response.status()} ${await response.text()})`,
      );
    return await api.storageState();
  } finally {
    await api.dispose();
  }
}

/**
 * `browser`, whose new contexts are signed in to the app at `appUrl` and carry the cookies the
 * app sets in a browser that has opened one of its pages (the viewer's clock and window size,
 * components/dashboard/remember-viewer.tsx), as a person's browser has by the time they open a dashboard:
 * the session's, kept from a visit to the project list. Nothing else of that visit is kept.
 */
export async function signedInBrowser(browser: Browser, appUrl: string): Promise<BenchBrowser> {
  const session = await benchSession(appUrl);
  const visit = await browser.newContext({ viewport: BENCH_VIEWPORT, storageState: session });
  let storageState: StorageState;
  try {
    const page = await visit.newPage();
    await gotoSignedIn(page, new URL("/", appUrl).href, "load");
    await page.waitForFunction(() => document.cookie.includes("obsforge_grid="));
    storageState = { cookies: (await visit.storageState()).cookies, origins: [] };
  } finally {
    await visit.close();
  }
  return { newContext: () => browser.newContext({ viewport: BENCH_VIEWPORT, storageState }) };
}

/** Whether the page was sent to sign in (or up) instead of the page asked for. */
export function isSignInPage(url: string): boolean {
  return /^\/(sign-in|sign-up)(\/|$)/.test(new URL(url).pathname);
}

/**
 * Navigates `page` to `url` (by default only until the response starts, so the bench's own clock
 * runs from navigation start) and fails loudly when the app sent it to sign in.
 */
export async function gotoSignedIn(
  page: Page,
  url: string,
  waitUntil: "commit" | "load" = "commit",
): Promise<Response> {
  const response = await page.goto(url, { waitUntil });
  if (!response) throw new Error(`${url}: no response`);
  if (isSignInPage(page.url()))
    throw new Error(
      `${url}: the app sent the bench's browser to ${page.url()}: its session is not signed in`,
    );
  return response;
}
