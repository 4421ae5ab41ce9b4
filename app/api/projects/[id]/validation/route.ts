import { validateProject } from "@/lib/model";
import { json, route } from "@/lib/server/http";
import { requireProject } from "@/lib/server/project-record";
import { type ProjectRouteContext, projectId } from "../params";

export const dynamic = "force-dynamic";

export const GET = route(async (_request: Request, context: ProjectRouteContext) => {
  const record = await requireProject(await projectId(context));
  const result = validateProject(record.project);
  return json({ ok: result.ok, issues: result.issues });
});
