import { liveHandler } from "@/lib/alerting/live/http";
import { alertFilterQuery } from "@/lib/alerting/live/params";
import { liveAlerts } from "@/lib/alerting/live/service";
import { projectIdParam } from "@/lib/server/handler";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** GET /api/projects/{id}/live/alerts?receiver=&state=: the alerts the project's Alertmanager holds. */
export const GET = liveHandler<{ id: string }>(async ({ request, context, params }) => {
  const id = projectIdParam(params.id);
  return json({ alerts: await liveAlerts(context, id, alertFilterQuery(request), request.signal) });
});
