import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/db/errors";
import { getProject, listRevisions } from "@/lib/db/projects";
import { json, route } from "@/lib/server/http";
import { type ProjectRouteContext, projectId } from "../params";

export const dynamic = "force-dynamic";

export const GET = route(async (_request: Request, context: ProjectRouteContext) => {
  const id = await projectId(context);
  const db = await getDb();
  if (!(await getProject(db, id))) throw new NotFoundError(`no project "${id}"`);
  return json(await listRevisions(db, id));
});
