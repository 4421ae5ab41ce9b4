import { UpdateProjectBodySchema } from "@/lib/api/schemas";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/db/errors";
import { deleteProject, updateProject } from "@/lib/db/projects";
import { json, readJson, route } from "@/lib/server/http";
import { readProjectJson } from "@/lib/server/project-cache";
import { type ProjectRouteContext, projectId } from "./params";

export const dynamic = "force-dynamic";

export const GET = route(async (request: Request, context: ProjectRouteContext) => {
  const id = await projectId(context);
  const found = await readProjectJson(await getDb(), id);
  if (!found) throw new NotFoundError(`no project "${id}"`);
  // no-cache, not no-store: a browser may keep it but must ask again, and gets a 304 when unchanged.
  const headers = { etag: found.etag, "cache-control": "private, no-cache" };
  const known = request.headers.get("if-none-match")?.split(",") ?? [];
  if (known.some((tag) => tag.trim().replace(/^W\//, "") === found.etag))
    return new Response(null, { status: 304, headers });
  return new Response(found.json, { headers: { ...headers, "content-type": "application/json" } });
});

export const PUT = route(async (request: Request, context: ProjectRouteContext) => {
  const id = await projectId(context);
  const body = await readJson(request, UpdateProjectBodySchema);
  // updateProject checks the project against the model before anything is written.
  return json(await updateProject(await getDb(), id, body.version, body.project, { message: body.message }));
});

export const DELETE = route(async (_request: Request, context: ProjectRouteContext) => {
  const id = await projectId(context);
  if (!(await deleteProject(await getDb(), id))) throw new NotFoundError(`no project "${id}"`);
  return new Response(null, { status: 204 });
});
