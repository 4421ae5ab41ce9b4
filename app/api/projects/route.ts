import { CreateProjectBodySchema } from "@/lib/api/schemas";
import { getDb } from "@/lib/db/client";
import { createProject, listProjects } from "@/lib/db/projects";
import { json, readJson, route } from "@/lib/server/http";
import { projectFromCreateBody } from "@/lib/server/projects-service";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  const db = await getDb();
  return json(await listProjects(db));
});

export const POST = route(async (request: Request) => {
  const body = await readJson(request, CreateProjectBodySchema);
  const project = projectFromCreateBody(body);
  const db = await getDb();
  const record = await createProject(db, project, { message: "created" });
  return json(record, 201, { location: `/api/projects/${record.id}` });
});
