/**
 * The one way the fault tests call an app process over HTTP, so that signing in (once the app
 * requires it) is added here and nowhere else. A request that gets no answer within HUNG_MS is
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

/** Sends `body` as JSON (when given) and reads the answer as JSON (or text when it is not JSON). */
export async function apiRequest(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiAnswer> {
  const method = init.method ?? "GET";
  const url = `${base}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
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
