import "server-only";
import { env } from "../env";
import type { Project } from "../model/project";
import { previewMethodFor, resolveEndpoint, resolvePreviewTarget } from "./allowlist";
import { atTarget, previewBody } from "./http";
import { runPreview } from "./preview";
import { datasourceParam, parsePreviewParams, type RawParams, variablesFromParams } from "./request";

/**
 * Preview calls the server makes while it renders a dashboard page, for the panels the page will
 * show first (components/dashboard/data/first-screen.ts): the same parsing, allow-list and
 * Prometheus call as POST /api/projects/{id}/preview/{endpoint} (the caller has authorized the
 * reader for the project), answered as that route's 200 body would be. Anything else (an error,
 * an unreachable or slow Prometheus) gives `null`: the page then asks the API itself, and shows
 * the error as it always does.
 */

export interface PrefetchCall {
  /** The path after `/preview/`: query, query_range, labels, label/<name>/values. */
  endpoint: string;
  params: Readonly<Record<string, string | readonly string[]>>;
}

/** Longer than a first screen is worth waiting for: the page asks for itself after this. */
export const PREFETCH_TIMEOUT_MS = 2_000;

function rawParams(params: PrefetchCall["params"]): RawParams {
  // No prototype, as requestParams builds them: a parameter is never one of Object's own.
  const raw = Object.create(null) as RawParams;
  for (const [name, value] of Object.entries(params))
    raw[name] = typeof value === "string" ? [value] : [...value];
  return raw;
}

/** The route's answer to one call as JSON text, or null when it would not be a 200. */
export async function prefetchPreview(
  project: Project,
  call: PrefetchCall,
  signal: AbortSignal = AbortSignal.timeout(PREFETCH_TIMEOUT_MS),
): Promise<string | null> {
  try {
    const raw = rawParams(call.params);
    // As the page asks: by POST where Prometheus takes it (long queries), else by GET (label values).
    const segments = call.endpoint.split("/");
    const method = previewMethodFor(segments);
    const endpoint = resolveEndpoint(segments, method);
    const parsed = parsePreviewParams(endpoint, raw);
    const target = resolvePreviewTarget(project, datasourceParam(raw), env());
    const outcome = await atTarget(target, () =>
      runPreview(target, parsed, variablesFromParams(raw), { method, signal }),
    );
    return previewBody(outcome);
  } catch {
    return null;
  }
}
