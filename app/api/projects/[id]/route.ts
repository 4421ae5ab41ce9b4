import { UpdateProjectBodySchema } from "@/lib/api/schemas";
import { handler, projectIdParam } from "@/lib/server/handler";
import { json, readJson } from "@/lib/server/http";
import { deleteProject, getProjectJson, saveProject } from "@/lib/server/services/projects";

export const dynamic = "force-dynamic";

export const GET = handler<{ id: string }>(async ({ request, context, params }) => {
  const found = await getProjectJson(context, projectIdParam(params.id));
  // no-cache, not no-store: a browser may keep it but must ask again, and gets a 304 when unchanged.
  const headers = { etag: found.etag, "cache-control": "private, no-cache" };
  const known = request.headers.get("if-none-match")?.split(",") ?? [];
  if (known.some((tag) => tag.trim().replace(/^W\//, "") === found.etag))
    return new Response(null, { status: 304, headers });
  return new Response(found.json, { headers: { ...headers, "content-type": "application/json" } });
});

/** The whole project, for import and restore; editors save their own section instead. */
export const PUT = handler<{ id: string }>(async ({ request, context, params }) => {
  const id = projectIdParam(params.id);
  const body = await readJson(request, UpdateProjectBodySchema);
  return json(await saveProject(context, id, body.version, body.project, body.message));
});

export const DELETE = handler<{ id: string }>(async ({ context, params }) => {
  await deleteProject(context, projectIdParam(params.id));
  return new Response(null, { status: 204 });
});
