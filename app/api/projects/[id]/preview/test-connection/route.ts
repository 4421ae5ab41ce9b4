import { TestConnectionBodySchema } from "@/lib/api/preview-schemas";
import { env } from "@/lib/env";
import { connectionTestTarget, testConnection } from "@/lib/preview/connection";
import { previewRoute } from "@/lib/preview/http";
import { json, readJson } from "@/lib/server/http";
import { requireProject } from "@/lib/server/project-record";
import { type ProjectRouteContext, projectId } from "../../params";

export const dynamic = "force-dynamic";

/**
 * POST /api/projects/{id}/preview/test-connection {url} | {datasource: {url, previewUrl?}}: whether a
 * Prometheus answers at that URL (saved or not), its version and its series count; only
 * /api/v1/status/buildinfo and /api/v1/status/tsdb are called there.
 */
export const POST = previewRoute(async (request: Request, context: ProjectRouteContext) => {
  const id = await projectId(context);
  const body = await readJson(request, TestConnectionBodySchema);
  await requireProject(id);
  return json(await testConnection(connectionTestTarget(body, env()), { signal: request.signal }));
});
