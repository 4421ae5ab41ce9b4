import { handler, projectIdParam } from "@/lib/server/handler";
import { json } from "@/lib/server/http";
import { listRevisions } from "@/lib/server/services/revisions";

export const dynamic = "force-dynamic";

export const GET = handler<{ id: string }>(async ({ context, params }) =>
  json(await listRevisions(context, projectIdParam(params.id))),
);
