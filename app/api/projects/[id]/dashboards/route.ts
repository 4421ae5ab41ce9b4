import { CreateDashboardBodySchema } from "@/lib/api/schemas";
import { handler, projectIdParam } from "@/lib/server/handler";
import { json, readJson } from "@/lib/server/http";
import { createDashboard } from "@/lib/server/services/sections";

export const dynamic = "force-dynamic";

/** Adds a blank dashboard, a catalog dashboard, a Grafana dashboard export (with its import report), or a dashboard of the model. */
export const POST = handler<{ id: string }>(async ({ request, context, params }) => {
  const id = projectIdParam(params.id);
  const body = await readJson(request, CreateDashboardBodySchema);
  const created = await createDashboard(context, id, body);
  const uid = (created.content as { uid: string }).uid;
  return json(created, 201, { location: `/api/projects/${id}/dashboards/${uid}` });
});
