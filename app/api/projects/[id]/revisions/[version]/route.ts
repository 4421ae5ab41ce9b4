import { handler, projectIdParam, versionParam } from "@/lib/server/handler";
import { json } from "@/lib/server/http";
import { getRevision } from "@/lib/server/services/revisions";

export const dynamic = "force-dynamic";

export const GET = handler<{ id: string; version: string }>(async ({ context, params }) =>
  json(await getRevision(context, projectIdParam(params.id), versionParam(params.version))),
);
