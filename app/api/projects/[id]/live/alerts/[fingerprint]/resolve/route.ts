import { liveHandler } from "@/lib/alerting/live/http";
import { fingerprintParam } from "@/lib/alerting/live/params";
import { unacknowledge } from "@/lib/alerting/live/service";
import { projectIdParam } from "@/lib/server/handler";
import { json } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** POST /api/projects/{id}/live/alerts/{fingerprint}/resolve: un-acknowledges (expires the silences holding it). */
export const POST = liveHandler<{ id: string; fingerprint: string }>(async ({ context, params }) => {
  const id = projectIdParam(params.id);
  return json(await unacknowledge(context, id, fingerprintParam(params.fingerprint)));
});
