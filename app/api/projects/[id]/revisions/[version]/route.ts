import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/db/errors";
import { getRevision } from "@/lib/db/projects";
import { json, route } from "@/lib/server/http";
import { type RevisionRouteContext, revisionParams } from "./params";

export const dynamic = "force-dynamic";

export const GET = route(async (_request: Request, context: RevisionRouteContext) => {
  const { id, version } = await revisionParams(context);
  const revision = await getRevision(await getDb(), id, version);
  if (!revision) throw new NotFoundError(`no revision ${version} of project "${id}"`);
  return json(revision);
});
