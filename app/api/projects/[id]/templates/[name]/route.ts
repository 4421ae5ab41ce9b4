import { z } from "zod";
import { ProjectIdSchema, UpdateProjectBodySchema } from "@/lib/api/schemas";
import { getDb } from "@/lib/db/client";
import { updateProject } from "@/lib/db/projects";
import { json, parseParam, readJson, route } from "@/lib/server/http";
import { requireProject } from "@/lib/server/project-record";
import { applyTemplate } from "@/lib/server/projects-service";

export const dynamic = "force-dynamic";

const ApplyTemplateBodySchema = UpdateProjectBodySchema.pick({ version: true });

interface TemplateRouteContext {
  params: Promise<{ id: string; name: string }>;
}

/** Adds a catalog level, dashboard or rule to the project, as a new revision. */
export const POST = route(async (request: Request, context: TemplateRouteContext) => {
  const params = await context.params;
  const id = parseParam(ProjectIdSchema, params.id, "project");
  const name = parseParam(z.string().regex(/^[A-Za-z0-9_-]{1,80}$/), params.name, "template");
  const { version } = await readJson(request, ApplyTemplateBodySchema);
  const record = await requireProject(id);
  const project = applyTemplate(record.project, name);
  return json(
    await updateProject(await getDb(), id, version, project, { message: `applied template ${name}` }),
  );
});
