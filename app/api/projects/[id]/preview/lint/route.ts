import { LintPreviewBodySchema, type LintResponse } from "@/lib/api/preview-schemas";
import { env } from "@/lib/env";
import { resolvePreviewTarget } from "@/lib/preview/allowlist";
import { atTarget, previewRoute } from "@/lib/preview/http";
import { fetchKnownNames } from "@/lib/preview/known-names";
import { lintExpressions } from "@/lib/preview/lint";
import { json, readJson } from "@/lib/server/http";
import { requireProject } from "@/lib/server/project-record";
import { type ProjectRouteContext, projectId } from "../../params";

export const dynamic = "force-dynamic";

/**
 * POST /api/projects/{id}/preview/lint {expressions}: for each expression, the metric names the
 * connected Prometheus does not know, with the three nearest names it does.
 */
export const POST = previewRoute(async (request: Request, context: ProjectRouteContext) => {
  const id = await projectId(context);
  const body = await readJson(request, LintPreviewBodySchema);
  const record = await requireProject(id);
  const target = resolvePreviewTarget(record.project, body.datasource, env());
  const known = await atTarget(target, () => fetchKnownNames(target.baseUrl, { signal: request.signal }));
  const answer: LintResponse = {
    results: lintExpressions(body.expressions, known.names),
    knownNames: known.names.size,
    source: target.source,
  };
  return json(answer);
});
