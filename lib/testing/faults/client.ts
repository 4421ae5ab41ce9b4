/**
 * The one way the fault tests call an app process over HTTP, signed in (when the app has
 * accounts) as one test account. A request that gets no answer within HUNG_MS is
 * reported as a hang: the bound means "hung", it is not a performance target.
 */

export const HUNG_MS = 30_000;

export interface ApiAnswer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read as loose JSON, checked by the tests' assertions.
  body: any;
}

export class HungRequestError extends Error {
  constructor(method: string, url: string) {
    super(`${method} ${url} got no answer within ${HUNG_MS / 1000} s`);
    this.name = "HungRequestError";
  }
}

/** The account the fault tests act as: the first of a fresh database, so its administrator. */
const ACCOUNT = { email: "faults@obsforge.test", password: "faults-test-password", name: "Fault Tests" };

// One session per app process, asked for on its first request.
const sessions = new Map<string, Promise<string>>();

async function authPost(base: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${base}/api/auth/${path}`, {
    method: "POST",
    // Better Auth refuses a sign-in without Origin from a client that sends Sec-Fetch-* (as fetch does).
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(HUNG_MS),
  });
}

/**
 * The Cookie header of the fault tests' session on the app at `base`: signed in, or signed up
 * when the database has no such account yet; empty when the app has no accounts (no /api/auth).
 */
async function signIn(base: string): Promise<string> {
  let response = await authPost(base, "sign-in/email", { email: ACCOUNT.email, password: ACCOUNT.password });
  if (response.status === 404) return "";
  if (!response.ok) response = await authPost(base, "sign-up/email", ACCOUNT);
  if (!response.ok) throw new Error(`signing in at ${base}: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .filter((pair) => pair !== "" && !pair.endsWith("="))
    .join("; ");
}

export function sessionCookie(base: string): Promise<string> {
  let session = sessions.get(base);
  if (!session) {
    session = signIn(base);
    sessions.set(base, session);
    session.catch(() => sessions.delete(base));
  }
  return session;
}

/** Sends `body` as JSON (when given) and reads the answer as JSON (or text when it is not JSON). */
export async function apiRequest(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiAnswer> {
  const method = init.method ?? "GET";
  const url = `${base}${path}`;
  const cookie = await sessionCookie(base);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
        ...(cookie ? { cookie } : {}),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(HUNG_MS),
    });
  } catch (error) {
    if ((error as Error).name === "TimeoutError") throw new HungRequestError(method, url);
    throw error;
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the failure message
  }
  return { status: response.status, headers: response.headers, body };
}
