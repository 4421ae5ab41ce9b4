import { z } from "zod";
import { ApplyTemplateBodySchema } from "@/lib/api/schemas";
import { handler, projectIdParam } from "@/lib/server/handler";
import { json, parseParam, readJson } from "@/lib/server/http";
import { applyProjectTemplate } from "@/lib/server/services/projects";

export const dynamic = "force-dynamic";

/** Adds a catalog level, dashboard or rule to the project, as a new revision. */
export const POST = handler<{ id: string; name: string }>(async ({ request, context, params }) => {
  const id = projectIdParam(params.id);
  const name = parseParam(z.string().regex(/^[A-Za-z0-9_-]{1,80}$/), params.name, "template");
  // The body is optional; its version, when sent, is checked but not needed (ApplyTemplateBodySchema).
  if (Number(request.headers.get("content-length") ?? "0") > 0)
    await readJson(request, ApplyTemplateBodySchema);
  return json(await applyProjectTemplate(context, id, name));
});
