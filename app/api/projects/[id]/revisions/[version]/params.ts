import { z } from "zod";
import { ProjectIdSchema } from "@/lib/api/schemas";
import { parseParam } from "@/lib/server/http";

export interface RevisionRouteContext {
  params: Promise<{ id: string; version: string }>;
}

export async function revisionParams(
  context: RevisionRouteContext,
): Promise<{ id: string; version: number }> {
  const params = await context.params;
  return {
    id: parseParam(ProjectIdSchema, params.id, "project"),
    version: parseParam(z.coerce.number().int().min(1), params.version, "revision"),
  };
}
