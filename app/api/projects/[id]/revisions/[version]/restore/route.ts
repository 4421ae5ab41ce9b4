import { RestoreRevisionBodySchema } from "@/lib/api/schemas";
import { getDb } from "@/lib/db/client";
import { restoreRevision } from "@/lib/db/projects";
import { json, readJson, route } from "@/lib/server/http";
import { type RevisionRouteContext, revisionParams } from "../params";

export const dynamic = "force-dynamic";

export const POST = route(async (request: Request, context: RevisionRouteContext) => {
  const { id, version } = await revisionParams(context);
  // The body is optional: an empty POST restores with a default message.
  const hasBody = Number(request.headers.get("content-length") ?? "0") > 0;
  const body = hasBody ? await readJson(request, RestoreRevisionBodySchema) : {};
  const message = body.message ?? `restored version ${version}`;
  return json(await restoreRevision(await getDb(), id, version, { message }));
});
