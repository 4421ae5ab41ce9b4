import { liveHandler } from "@/lib/alerting/live/http";
import { liveSilences } from "@/lib/alerting/live/service";
import { projectIdParam } from "@/lib/server/handler";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** GET /api/projects/{id}/live/silences: the Alertmanager's silences (active, pending, expired). */
export const GET = liveHandler<{ id: string }>(async ({ request, context, params }) => {
  const id = projectIdParam(params.id);
  return json({ silences: await liveSilences(context, id, request.signal) });
});
