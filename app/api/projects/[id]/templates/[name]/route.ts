import { z } from "zod";
import { handler, projectIdParam } from "@/lib/server/handler";
import { json, parseParam, readJson } from "@/lib/server/http";
import { applyProjectTemplate } from "@/lib/server/services/projects";

export const dynamic = "force-dynamic";

/**
 * The version the request was made from is accepted for compatibility; adding from the catalog
 * never overwrites, so it lands on the latest version whatever it says.
 */
const ApplyTemplateBodySchema = z.object({ version: z.int().min(1).optional() }).default({});

/** Adds a catalog level, dashboard or rule to the project, as a new revision. */
export const POST = handler<{ id: string; name: string }>(async ({ request, context, params }) => {
  const id = projectIdParam(params.id);
  const name = parseParam(z.string().regex(/^[A-Za-z0-9_-]{1,80}$/), params.name, "template");
  if (Number(request.headers.get("content-length") ?? "0") > 0)
    await readJson(request, ApplyTemplateBodySchema);
  return json(await applyProjectTemplate(context, id, name));
});
