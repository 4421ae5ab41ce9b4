import { authFor } from "@/lib/auth/auth";
import { guardAccountAttempt, RateLimitedError, recordAccountAttempt } from "@/lib/auth/sign-in-guard";
import { getDb } from "@/lib/db/client";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/**
 * Better Auth's endpoints (sign-up, sign-in, sign-out, session, teams, invitations) under /api/auth.
 * Its refusals keep their `message` and `code` (its browser client reads them) and gain the app's
 * `error` and `issues`, so every 4xx of the API has one shape; an unknown endpoint, which it answers
 * with an empty body, says so.
 */
async function authRoute(request: Request): Promise<Response> {
  const db = await getDb();
  let attempt: Awaited<ReturnType<typeof guardAccountAttempt>>;
  try {
    attempt = await guardAccountAttempt(db, request);
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    return json({ error: error.message, issues: [] }, 429, {
      "retry-after": String(error.retryAfterSeconds),
    });
  }
  const response = await authFor(db).handler(request);
  if (attempt) await recordAccountAttempt(db, attempt, response);
  if (response.status < 400) return response;
  const text = await response.text();
  let body: { message?: unknown; code?: unknown } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // Not JSON (an unknown endpoint answers with nothing): described below.
  }
  const message =
    typeof body.message === "string" && body.message.trim() !== ""
      ? body.message
      : response.status === 404
        ? `no account endpoint ${new URL(request.url).pathname}`
        : `the account request was refused (${response.status})`;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.delete("content-type");
  return json({ ...body, error: message, issues: [] }, response.status, Object.fromEntries(headers));
}

export const GET = authRoute;
export const POST = authRoute;
