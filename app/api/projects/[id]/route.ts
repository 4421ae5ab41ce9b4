import { UpdateProjectBodySchema } from "@/lib/api/schemas";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/db/errors";
import { deleteProject, getProject, updateProject } from "@/lib/db/projects";
import { parseProject } from "@/lib/model";
import { json, readJson, route } from "@/lib/server/http";
import { type ProjectRouteContext, projectId } from "./params";

export const dynamic = "force-dynamic";

export const GET = route(async (_request: Request, context: ProjectRouteContext) => {
  const id = await projectId(context);
  const record = await getProject(await getDb(), id);
  if (!record) throw new NotFoundError(`no project "${id}"`);
  return json(record);
});

export const PUT = route(async (request: Request, context: ProjectRouteContext) => {
  const id = await projectId(context);
  const body = await readJson(request, UpdateProjectBodySchema);
  const project = parseProject(body.project);
  return json(await updateProject(await getDb(), id, body.version, project, { message: body.message }));
});

export const DELETE = route(async (_request: Request, context: ProjectRouteContext) => {
  const id = await projectId(context);
  if (!(await deleteProject(await getDb(), id))) throw new NotFoundError(`no project "${id}"`);
  return new Response(null, { status: 204 });
});
