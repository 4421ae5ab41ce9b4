import { projectSlug } from "@/lib/generate/names";
import { route } from "@/lib/server/http";
import { requireProject } from "@/lib/server/project-record";
import { type ProjectRouteContext, projectId } from "../params";

export const dynamic = "force-dynamic";

export const GET = route(async (_request: Request, context: ProjectRouteContext) => {
  const record = await requireProject(await projectId(context));
  return new Response(`${JSON.stringify(record.project, null, 2)}\n`, {
    headers: {
      "content-type": "application/json",
      "content-disposition": `attachment; filename="${projectSlug(record.project)}.obsforge.json"`,
      "cache-control": "no-store",
    },
  });
});
