/**
 * Scripts that call the app's API (`npm run bench`, `npm run demo`) sign in first: every API route
 * but /api/health needs a session. The account is OBSFORGE_EMAIL / OBSFORGE_PASSWORD, or a scripts
 * account made as the first (administrator) account of a fresh server. Once signed in, every
 * `fetch` of this process to that server carries the session cookie (the load generator and the
 * helpers all call the global fetch).
 */

/** The account scripts sign in with (also the bench's browser contexts, scripts/bench/bench-session.ts). */
export const SCRIPT_ACCOUNT = {
  name: "Obsforge scripts",
  email: process.env.OBSFORGE_EMAIL ?? "scripts@obsforge.local",
  password: process.env.OBSFORGE_PASSWORD ?? "obsforge-scripts-password",
};

const cookies = new Map<string, string>();
const unsignedFetch = globalThis.fetch;

function withCookie(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const cookie = cookies.get(url.origin);
  if (!cookie) return unsignedFetch(input, init);
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
  if (!headers.has("cookie")) headers.set("cookie", cookie);
  return unsignedFetch(input, { ...init, headers });
}

/** Signs this process in to the server at appUrl (signing the scripts account up on a fresh one). */
export async function signInToApp(appUrl: string): Promise<void> {
  const { origin } = new URL(appUrl);
  if (cookies.has(origin)) return;
  const post = (endpoint: string, body: unknown): Promise<Response> =>
    unsignedFetch(`${origin}/api/auth/${endpoint}`, {
      method: "POST",
      // Better Auth checks the Origin of sign-in calls as it does a browser's.
      headers: { "content-type": "application/json", origin },
      body: JSON.stringify(body),
    });
  let response = await post("sign-in/email", {
    email: SCRIPT_ACCOUNT.email,
    password: SCRIPT_ACCOUNT.password,
  });
  if (!response.ok) response = await post("sign-up/email", SCRIPT_ACCOUNT);
  if (!response.ok) {
    throw new Error(
      `signing in to ${origin} as ${SCRIPT_ACCOUNT.email} failed (${response.status} ${await response.text()}): set OBSFORGE_EMAIL and OBSFORGE_PASSWORD to an account of this server`,
    );
  }
  cookies.set(
    origin,
    response.headers
      .getSetCookie()
      .map((cookie) => cookie.split(";")[0] ?? "")
      .join("; "),
  );
  globalThis.fetch = withCookie as typeof fetch;
}
