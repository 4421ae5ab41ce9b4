import "server-only";
import type { ApiError } from "../api/schemas";
import { PreviewError } from "../prometheus/errors";
import { crossSiteWriteRefusal } from "../security/csrf";
import { HttpError, json, route } from "../server/http";
import type { PreviewTarget } from "./allowlist";
import type { PreviewOutcome } from "./preview";
import { addSearchParams, type RawParams } from "./request";

/** Route-handler glue for the preview API: its errors as HTTP errors, its parameters from any request. */

/** A PreviewError's answer: its message, and its kind and the Prometheus it tried as `preview`. */
export function previewErrorBody(error: PreviewError): ApiError {
  return {
    error: error.message,
    issues: [],
    preview: {
      kind: error.kind,
      ...(error.errorType === undefined ? {} : { errorType: error.errorType }),
      ...error.target,
    },
  };
}

/**
 * `route()` from lib/server/http, with PreviewErrors answered by their own status, message and kind.
 * A POST sent from another site's page is refused as handler() refuses one (lib/security/csrf.ts):
 * preview POSTs take form bodies, which any page can make a browser send with the user's cookie.
 */
export function previewRoute<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return route(async (...args: A) => {
    const crossSite = crossSiteWriteRefusal(args[0] as Request);
    if (crossSite) throw new HttpError(403, crossSite);
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof PreviewError) return json(previewErrorBody(error), error.status);
      throw error;
    }
  });
}

/**
 * A preview's 200 answer. The data goes in as the text Prometheus sent when there is one (see
 * PreviewOutcome): a range answer is most of the body, and encoding it again cost more than the
 * rest of the route. (Response.json would encode it too, and slower than JSON.stringify.)
 * Not compressed here: Next 16 drops a route handler's content-encoding header (send-response.js)
 * and compresses the body again, so a route-gzipped answer reached the browser gzipped twice and
 * every preview over 1 KB failed to parse there. Next's own compression does it once, and the app's
 * server (scripts/serve.mjs), which serves these calls itself once the route is loaded, gzips only
 * answers over 64 KB.
 */
export function previewResponse(outcome: PreviewOutcome): Response {
  return new Response(previewBody(outcome), {
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
}

/** A preview's 200 answer as JSON text: see previewResponse. */
export function previewBody({ result, dataJson }: PreviewOutcome): string {
  if (dataJson === undefined) return JSON.stringify(result);
  const { data: _data, ...rest } = result;
  const restJson = JSON.stringify(rest);
  return `{"data":${dataJson}${restJson === "{}" ? "}" : `,${restJson.slice(1)}`}`;
}

/** Runs calls to a preview target; a PreviewError they throw names that target, so the answer says what was tried. */
export async function atTarget<T>(target: PreviewTarget, calls: () => Promise<T>): Promise<T> {
  try {
    return await calls();
  } catch (error) {
    if (error instanceof PreviewError && error.target === undefined) {
      error.target = {
        url: target.baseUrl,
        source: target.source,
        ...(target.datasource ? { datasource: target.datasource.uid } : {}),
      };
    }
    throw error;
  }
}

const MAX_FORM_BYTES = 1024 * 1024;

/**
 * Parameters from the query string, plus for POST a form body (as Prometheus takes it) or a JSON
 * object of strings and string lists.
 */
export async function requestParams(request: Request): Promise<RawParams> {
  // No prototype: a parameter named `constructor` or `__proto__` is a parameter, not Object's own.
  const raw = addSearchParams(Object.create(null) as RawParams, new URL(request.url).searchParams);
  if (request.method !== "POST") return raw;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_FORM_BYTES) throw new HttpError(413, `request body over ${MAX_FORM_BYTES} bytes`);
  const text = await request.text();
  if (text.length > MAX_FORM_BYTES) throw new HttpError(413, `request body over ${MAX_FORM_BYTES} bytes`);
  if (text.trim() === "") return raw;
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new HttpError(400, `malformed JSON: ${(error as Error).message}`);
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw new HttpError(400, "the JSON body must be an object of parameters");
    }
    for (const [name, value] of Object.entries(body)) {
      const values = Array.isArray(value) ? value : [value];
      if (!values.every((item) => typeof item === "string")) {
        throw new HttpError(400, `parameter "${name}" must be a string or a list of strings`);
      }
      raw[name] = [...(raw[name] ?? []), ...(values as string[])];
    }
    return raw;
  }
  return addSearchParams(raw, new URLSearchParams(text));
}
