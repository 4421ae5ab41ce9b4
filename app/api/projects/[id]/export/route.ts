import { projectSlug } from "@/lib/generate/names";
import { handler, projectIdParam } from "@/lib/server/handler";
import { getProject } from "@/lib/server/services/projects";

export const dynamic = "force-dynamic";

export const GET = handler<{ id: string }>(async ({ context, params }) => {
  const record = await getProject(context, projectIdParam(params.id));
  return new Response(`${JSON.stringify(record.project, null, 2)}\n`, {
    headers: {
      "content-type": "application/json",
      "content-disposition": `attachment; filename="${projectSlug(record.project)}.obsforge.json"`,
      "cache-control": "no-store",
    },
  });
});
