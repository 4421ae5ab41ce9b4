import { CreateProjectBodySchema } from "@/lib/api/schemas";
import { handler } from "@/lib/server/handler";
import { json, readJson } from "@/lib/server/http";
import { createProject, listProjects } from "@/lib/server/services/projects";

export const dynamic = "force-dynamic";

export const GET = handler(async ({ context }) => json(await listProjects(context)));

export const POST = handler(async ({ request, context }) => {
  const record = await createProject(context, await readJson(request, CreateProjectBodySchema));
  return json(record, 201, { location: `/api/projects/${record.id}` });
});
