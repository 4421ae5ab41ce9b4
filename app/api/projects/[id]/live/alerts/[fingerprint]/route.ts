import { liveHandler } from "@/lib/alerting/live/http";
import { fingerprintParam } from "@/lib/alerting/live/params";
import { liveAlert } from "@/lib/alerting/live/service";
import { projectIdParam } from "@/lib/server/handler";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** GET /api/projects/{id}/live/alerts/{fingerprint}: one alert, with its state and silences. */
export const GET = liveHandler<{ id: string; fingerprint: string }>(async ({ request, context, params }) => {
  const id = projectIdParam(params.id);
  return json(await liveAlert(context, id, fingerprintParam(params.fingerprint), request.signal));
});
