import { RestoreRevisionBodySchema } from "@/lib/api/schemas";
import { handler, projectIdParam, versionParam } from "@/lib/server/handler";
import { json, readJson } from "@/lib/server/http";
import { restoreRevision } from "@/lib/server/services/revisions";

export const dynamic = "force-dynamic";

export const POST = handler<{ id: string; version: string }>(async ({ request, context, params }) => {
  const id = projectIdParam(params.id);
  const version = versionParam(params.version);
  // The body is optional: an empty POST restores with a default message.
  const hasBody = Number(request.headers.get("content-length") ?? "0") > 0;
  const body = hasBody ? await readJson(request, RestoreRevisionBodySchema) : {};
  return json(await restoreRevision(context, id, version, body.message));
});
