import { env } from "@/lib/env";
import { resolveEndpoint, resolvePreviewTarget } from "@/lib/preview/allowlist";
import { registerPreviewHandlers } from "@/lib/preview/fast-path";
import { atTarget, previewResponse, previewRoute, requestParams } from "@/lib/preview/http";
import { runPreview } from "@/lib/preview/preview";
import { datasourceParam, parsePreviewParams, variablesFromParams } from "@/lib/preview/request";
import { recentProjectRecord } from "@/lib/server/project-cache";
import { requireRecentProject } from "@/lib/server/project-record";
import { projectId } from "../../params";

export const dynamic = "force-dynamic";

interface PreviewRouteContext {
  params: Promise<{ id: string; endpoint: string[] }>;
}

/**
 * GET|POST /api/projects/{id}/preview/{query|query_range|series|labels|label/<name>/values|metadata|alerts|rules}:
 * a Prometheus read call against the project's own Prometheus, for live panel previews.
 */
async function preview(request: Request, context: PreviewRouteContext): Promise<Response> {
  const params = await context.params;
  const id = await projectId(context);
  const endpoint = resolveEndpoint(params.endpoint, request.method);
  const raw = await requestParams(request);
  const parsed = parsePreviewParams(endpoint, raw);
  // A record checked in the last second needs no request context (database handle, once-per-process
  // migrations) to be read: most previews of a dashboard find it so.
  const record = recentProjectRecord(id) ?? (await requireRecentProject(id, request));
  const target = resolvePreviewTarget(record.project, datasourceParam(raw), env());
  const method = request.method === "POST" ? "POST" : "GET";
  const variables = variablesFromParams(raw);
  const outcome = await atTarget(target, () =>
    runPreview(target, parsed, variables, { method, signal: request.signal }),
  );
  return previewResponse(outcome);
}

export const GET = previewRoute(preview);
export const POST = previewRoute(preview);
// scripts/serve.mjs calls these before Next.js's router (lib/preview/fast-path.ts says why).
registerPreviewHandlers({ GET, POST });
