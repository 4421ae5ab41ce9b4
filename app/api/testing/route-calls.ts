import { signedInInit } from "@/lib/testing/test-user";

/**
 * Calling route handlers as Next.js does (a Request and the route's params), for API tests,
 * signed in as the test owner (lib/testing/test-user.ts) unless init carries its own Cookie.
 */

export type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

export async function call(
  handler: unknown,
  params: Record<string, string>,
  init?: RequestInit,
  url = "http://localhost/api",
): Promise<Response> {
  return (handler as Handler)(new Request(url, await signedInInit(init)), {
    params: Promise.resolve(params),
  });
}

export function jsonInit(method: string, body: unknown): RequestInit {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return {
    method,
    body: text,
    headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) },
  };
}
