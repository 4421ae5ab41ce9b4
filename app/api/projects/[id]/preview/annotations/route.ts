import { AnnotationPreviewBodySchema } from "@/lib/alerting/templates/annotation-preview-schemas";
import { env } from "@/lib/env";
import { previewRoute } from "@/lib/preview/http";
import { json, readJson } from "@/lib/server/http";
import { requireProject } from "@/lib/server/project-record";
import { previewAnnotations } from "@/lib/server/services/annotations";
import { type ProjectRouteContext, projectId } from "../../params";

export const dynamic = "force-dynamic";

/**
 * POST /api/projects/{id}/preview/annotations {rule, series?, time?, datasource?}: the rule's labels
 * and annotations rendered as Prometheus renders them, for a series of the rule's current result.
 */
export const POST = previewRoute(async (request: Request, context: ProjectRouteContext) => {
  const id = await projectId(context);
  const body = await readJson(request, AnnotationPreviewBodySchema);
  const record = await requireProject(id);
  return json(await previewAnnotations(record.project, body, env(), request.signal));
});
