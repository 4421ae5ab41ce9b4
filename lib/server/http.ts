import "server-only";
import { z } from "zod";
import type { ApiError } from "../api/schemas";
import { MAX_BODY_BYTES } from "../api/schemas";
import { UnknownTemplateError } from "../catalog/apply-template";
import { getDb } from "../db/client";
import {
  ConflictError,
  CorruptProjectError,
  isDatabaseUnavailable,
  NotFoundError,
  SectionConflictError,
  SectionExistsError,
} from "../db/errors";
import { InvalidSectionError } from "../db/section-issues";
import { SectionIdentityError } from "../db/sections";
import { formatSourceIssue, YamlInputError } from "../deployment/parse";
import { DashboardUidTakenError, GrafanaImportError } from "../import/grafana-dashboard";
import { formatPath, InvalidProjectError } from "../model";
import { unstorableTextAt } from "../security/unstorable-text";
import { requestActor } from "./context";
import { authorizeProject, projectActionOf } from "./policy";

/** An error that maps to a 4xx response with the issues that caused it. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: ApiError["issues"] = [],
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

/** Retry-After when the database is down: a restart or failover takes a few seconds. */
export const DATABASE_RETRY_SECONDS = 5;

function errorBody(error: string, issues: ApiError["issues"] = [], extra: Partial<ApiError> = {}): ApiError {
  return { error, issues, ...extra };
}

/** A file to download: the bundle's zip, from the project's route and from a share link's. */
export function zipResponse({ zip, fileName }: { zip: Uint8Array; fileName: string }): Response {
  return new Response(Buffer.from(zip), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${fileName}"`,
      "content-length": String(zip.byteLength),
      "cache-control": "no-store",
    },
  });
}

/** Maps what lib/ throws to status codes; anything unexpected is a 500 without internals. */
export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) return json(errorBody(error.message, error.issues), error.status);
  if (error instanceof z.ZodError) {
    return json(
      errorBody(
        "invalid request",
        error.issues.map((issue) => ({
          path: formatPath(issue.path),
          message: issue.message,
          severity: "error" as const,
        })),
      ),
      400,
    );
  }
  if (error instanceof InvalidSectionError) {
    return json(errorBody("the project would be invalid with this section", error.sectionIssues), 422);
  }
  if (error instanceof InvalidProjectError)
    return json(errorBody("the project is invalid", error.issues), 422);
  if (error instanceof SectionIdentityError) {
    return json(
      errorBody(error.message, [{ path: error.field, message: error.message, severity: "error" }]),
      422,
    );
  }
  if (error instanceof SectionConflictError) {
    return json(
      errorBody(error.message, [], {
        currentVersion: error.currentVersion,
        current: error.current ?? null,
        ...(error.savedBy ? { savedBy: error.savedBy } : {}),
      }),
      409,
    );
  }
  if (error instanceof DashboardUidTakenError) {
    const message = `${error.message}: send {"grafana": …, "uid": "${error.freeUid}"} (or another unused uid) to import it beside that one`;
    return json(errorBody(message, [{ path: "uid", message: error.message, severity: "error" }]), 409);
  }
  if (error instanceof SectionExistsError) return json(errorBody(error.message), 409);
  if (error instanceof GrafanaImportError) {
    const [first] = error.issues;
    const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : "";
    const why = first ? `: ${first.path}: ${first.message}${more}` : "";
    return json(errorBody(`not an importable Grafana dashboard${why}`, error.issues), 400);
  }
  if (error instanceof UnknownTemplateError) return json(errorBody(error.message), 404);
  if (error instanceof YamlInputError) {
    return json(
      errorBody(
        "invalid deployment.yaml",
        error.issues.map((issue) => ({
          path: issue.path,
          message: formatSourceIssue(error.file, issue),
          severity: "error" as const,
        })),
      ),
      400,
    );
  }
  if (error instanceof NotFoundError) return json(errorBody(error.message), 404);
  if (error instanceof ConflictError) {
    return json(
      errorBody(`stale version: the project is now at version ${error.currentVersion}`, [], {
        currentVersion: error.currentVersion,
        ...(error.savedBy ? { savedBy: error.savedBy } : {}),
      }),
      409,
    );
  }
  if (error instanceof CorruptProjectError) {
    console.error(error);
    return json(errorBody(error.message), 500);
  }
  if (isDatabaseUnavailable(error)) {
    // Logged as one line: a database restart is expected, not a bug with a stack worth reading.
    console.error(`database unavailable: ${(error as Error).message?.split("\n").at(-1)}`);
    return json(errorBody(`the database is unavailable: try again in ${DATABASE_RETRY_SECONDS} s`), 503, {
      "retry-after": String(DATABASE_RETRY_SECONDS),
    });
  }
  console.error(error);
  return json(errorBody("internal error"), 500);
}

/** What a signed-out call of an API route gets. */
export const SIGN_IN_REQUIRED =
  "sign in first: this API needs a session cookie (POST /api/auth/sign-in/email) or a personal API token (Authorization: Bearer obf_…, made on /account)";

/** What a share link's call of a route outside its project gets. */
export const SHARE_LINK_SCOPE = "a share link opens only its own project: sign in for anything else";

/**
 * Wraps a route handler: a request without a valid session is answered 401 before the handler
 * runs (every API route but /api/health, /api/openapi.json and /api/auth/** goes through here),
 * and every thrown error becomes a JSON error response.
 */
export function route<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      const [request] = args;
      if (!(request instanceof Request)) throw new Error("route handler called without its Request");
      const db = await getDb();
      const actor = await requestActor(db, request);
      if (actor.kind === "anonymous") return json(errorBody(SIGN_IN_REQUIRED), 401);
      // Every route under /api/projects/{id}/ acts on that project: lib/server/policy.ts decides.
      const params = (await (args[1] as { params?: Promise<{ id?: unknown }> } | undefined)?.params) ?? {};
      const { pathname } = new URL(request.url);
      if (typeof params.id === "string" && pathname.startsWith("/api/projects/")) {
        await authorizeProject({ actor, db }, params.id, projectActionOf(request.method, pathname));
      } else if (actor.kind === "share") {
        // A share link opens its project's routes only: no list, no account or team route.
        return json(errorBody(SHARE_LINK_SCOPE), 401);
      }
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

function bodyTooLarge(): HttpError {
  const mib = MAX_BODY_BYTES / (1024 * 1024);
  return new HttpError(413, `the request body is over the ${mib} MiB limit (${MAX_BODY_BYTES} bytes)`);
}

/** Reads and parses a JSON body, refusing bodies over the size limit before reading them whole. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw bodyTooLarge();
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        throw bodyTooLarge();
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") throw new HttpError(400, "the request body is empty: expected JSON");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `malformed JSON: ${(error as Error).message}`);
  }
  const unstorable = unstorableTextAt(value);
  if (unstorable) {
    // A path thousands of levels deep is shown by its ends.
    const path =
      unstorable.path.length > 200
        ? `${unstorable.path.slice(0, 100)}…${unstorable.path.slice(-100)}`
        : unstorable.path;
    const where = path === "(root)" ? "the body" : path;
    throw new HttpError(400, `${where}: ${unstorable.message}`, [
      { path, message: unstorable.message, severity: "error" },
    ]);
  }
  return schema.parse(value);
}

/** Parses a path parameter, answering 404 (not 400) for ids that cannot exist. */
export function parseParam<S extends z.ZodType>(schema: S, value: string, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(404, `no ${what} "${value}"`);
  return parsed.data;
}
