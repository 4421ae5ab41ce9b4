/** Calling route handlers as Next.js does (a Request and the route's params), for API tests. */

export type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

export function call(
  handler: unknown,
  params: Record<string, string>,
  init?: RequestInit,
  url = "http://localhost/api",
): Promise<Response> {
  return (handler as Handler)(new Request(url, init), { params: Promise.resolve(params) });
}

export function jsonInit(method: string, body: unknown): RequestInit {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return {
    method,
    body: text,
    headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) },
  };
}
