import { liveHandler } from "@/lib/alerting/live/http";
import { alertFilterQuery } from "@/lib/alerting/live/params";
import { liveGroups } from "@/lib/alerting/live/service";
import { projectIdParam } from "@/lib/server/handler";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** GET /api/projects/{id}/live/groups?receiver=&state=: the Alertmanager's alert groups. */
export const GET = liveHandler<{ id: string }>(async ({ request, context, params }) => {
  const id = projectIdParam(params.id);
  return json({ groups: await liveGroups(context, id, alertFilterQuery(request), request.signal) });
});
