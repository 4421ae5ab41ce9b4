import { handler, projectIdParam } from "@/lib/server/handler";
import { json } from "@/lib/server/http";
import { validateStoredProject } from "@/lib/server/services/projects";

export const dynamic = "force-dynamic";

export const GET = handler<{ id: string }>(async ({ context, params }) =>
  json(await validateStoredProject(context, projectIdParam(params.id))),
);
