import { ProjectIdSchema } from "@/lib/api/schemas";
import { parseParam } from "@/lib/server/http";

export interface ProjectRouteContext {
  params: Promise<{ id: string }>;
}

export async function projectId(context: ProjectRouteContext): Promise<string> {
  return parseParam(ProjectIdSchema, (await context.params).id, "project");
}
